import type { Tx } from '../../store/db.ts';
import { insertNotifications } from '../../store/notifications.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export type NotificationKind = 'safeguarding-flag' | 'break-glass' | 'case-shared' | 'case-assigned';

export interface NotifyInput {
  readonly recipients: readonly string[];
  readonly kind: NotificationKind;
  readonly caseId: string | null;
  /** Shown to the recipients: case references and colleagues' names, never client details or reasons. */
  readonly message: string;
}

/**
 * Leaves an in-app notification for each recipient (once each; never for the actor, who knows),
 * in the caller's transaction so it exists exactly when the change it reports does.
 * @returns the recipients notified
 */
export async function notifyUsers(ctx: ServiceContext, tx: Tx, input: NotifyInput): Promise<string[]> {
  const actor = requireActor(ctx);
  const recipients = [...new Set(input.recipients)].filter((id) => id !== actor.id);
  const createdAt = ctx.clock.now();
  await insertNotifications(
    tx,
    recipients.map((userId) => ({
      orgId: actor.orgId,
      userId,
      kind: input.kind,
      caseId: input.caseId,
      message: input.message,
      createdAt,
    })),
  );
  return recipients;
}
