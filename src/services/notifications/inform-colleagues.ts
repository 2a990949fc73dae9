import { AppError } from '../../domain/errors.ts';
import { listActiveColleagues } from '../../store/colleagues.ts';
import { displayNamesOf } from '../../store/users.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { notifyUsers } from './notify-users.ts';

export interface InformColleaguesInput {
  /** 1–20 distinct ids of active people of the actor's organisation. */
  readonly userIds: readonly string[];
  /** 1–1000 characters, shown to them in the app (never e-mailed). */
  readonly message: string;
}

/**
 * Tells chosen colleagues about a case with a message (anyone who may contribute to the case):
 * one 'informed' notification each, sent by the actor, kept on the case's chronology. The
 * colleagues need not have access to the case; the notification names it, the message is the
 * actor's. Audited with ids only.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND (userIds: not an
 *   active person of the organisation), VALIDATION_FAILED (userIds: only yourself)
 */
export async function informColleagues(
  ctx: ServiceContext,
  caseId: string,
  input: InformColleaguesInput,
): Promise<{ id: string; displayName: string }[]> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, caseId, 'contribute', tx);
    const active = await listActiveColleagues(tx, row.org_id, { userIds: input.userIds });
    const known = new Set(active.map((u) => u.id));
    const unknown = input.userIds.findIndex((id) => !known.has(id));
    if (unknown >= 0) {
      throw AppError.field(
        `userIds.${unknown}`,
        'There is no active person with this id in your organisation.',
        'USER_NOT_FOUND',
      );
    }
    const recipients = input.userIds.filter((id) => id !== actor.id);
    if (recipients.length === 0) throw AppError.field('userIds', 'Choose colleagues other than yourself.');
    const notified = await notifyUsers(ctx, tx, {
      recipients,
      kind: 'informed',
      caseId: row.id,
      message: input.message,
      from: 'actor',
    });
    await audit(ctx, tx, {
      action: 'case.colleagues_informed',
      entityType: 'case',
      entityId: row.id,
      details: { notified },
    });
    const names = await displayNamesOf(tx, row.org_id, notified);
    return notified.map((id) => ({ id, displayName: names.get(id) ?? '' }));
  });
}
