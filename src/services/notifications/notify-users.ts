import type { NotificationKind } from '../../domain/notifications/notification-kinds.ts';
import type { Tx } from '../../store/db.ts';
import { insertNotifications } from '../../store/notifications.ts';
import type { ServiceContext } from '../context.ts';

export type { NotificationKind } from '../../domain/notifications/notification-kinds.ts';

export interface NotifyInput {
  readonly recipients: readonly string[];
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  /**
   * Shown to the recipients: case references, kinds of event and colleagues' names, never client
   * details or reasons. For 'informed', the colleague's own message (it is never e-mailed).
   */
  readonly message: string;
  /**
   * Who it is from: 'system' (default) when Caseload tells people about an event; 'actor' when
   * the signed-in colleague wrote it to the recipients (recorded as sent_by).
   */
  readonly from?: 'system' | 'actor';
  /**
   * The organisation: required when there is no actor (scheduled work); with an actor it must be
   * the actor's, and defaults to it.
   */
  readonly orgId?: string;
}

/**
 * Leaves an in-app notification for each recipient (once each; never for the actor, who knows),
 * in the caller's transaction so it exists exactly when the change it reports does. When e-mail is
 * on (ctx.outbox), the rows are 'pending' e-mail and the outbox is nudged: delivery starts after
 * the request or job ends, so it sees the committed rows.
 * @returns the recipients notified
 * @throws Error when neither an actor nor an organisation is given (a programming mistake)
 */
export async function notifyUsers(ctx: ServiceContext, tx: Tx, input: NotifyInput): Promise<string[]> {
  const [recipients] = await notifyUsersMany(ctx, tx, [input]);
  return recipients ?? [];
}

/**
 * {@link notifyUsers} for several messages at once (one INSERT): a re-assessment of thousands of
 * cases tells the people of each case that turned red. The rules are the same for every message.
 * @returns the recipients notified, per input
 */
export async function notifyUsersMany(
  ctx: ServiceContext,
  tx: Tx,
  inputs: readonly NotifyInput[],
): Promise<string[][]> {
  const actor = ctx.actor;
  const createdAt = ctx.clock.now();
  const emailStatus: 'pending' | 'none' = ctx.outbox?.emailEnabled ? 'pending' : 'none';
  const notified = inputs.map((input) => {
    const orgId = input.orgId ?? actor?.orgId;
    if (!orgId) throw new Error('notifyUsers needs an actor or an organisation');
    if (actor && actor.orgId !== orgId)
      throw new Error('notifyUsers: the actor belongs to another organisation');
    if (input.from === 'actor' && !actor)
      throw new Error('notifyUsers: a message from a colleague needs an actor');
    const recipients = [...new Set(input.recipients)].filter((id) => id !== actor?.id);
    return { input, orgId, recipients };
  });
  const rows = notified.flatMap(({ input, orgId, recipients }) =>
    recipients.map((userId) => ({
      orgId,
      userId,
      kind: input.kind,
      caseId: input.caseId,
      message: input.message,
      createdAt,
      sentBy: input.from === 'actor' ? (actor?.id ?? null) : null,
      emailStatus,
    })),
  );
  if (rows.length > 0) {
    // Within PostgreSQL's bind-parameter limit (8 per row).
    for (let i = 0; i < rows.length; i += 5_000) await insertNotifications(tx, rows.slice(i, i + 5_000));
    if (emailStatus === 'pending') ctx.outbox?.nudge();
  }
  return notified.map((n) => n.recipients);
}
