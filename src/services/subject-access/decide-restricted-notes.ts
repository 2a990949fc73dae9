import { AppError } from '../../domain/errors.ts';
import { updateSubjectAccessRequest } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  isClosed,
  requireDataProtectionOfficer,
  requireSubjectAccessRequest,
  type SubjectAccessView,
  subjectAccessView,
} from './common.ts';

/**
 * Records the decision whether restricted notes go into the export, with its reason. Until one is
 * recorded they are left out and listed as withheld. A later decision replaces the earlier one;
 * the audit log keeps each (the reason itself stays on the request, never in the log).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (closed)
 */
export async function decideRestrictedNotes(
  ctx: ServiceContext,
  id: string,
  input: { include: boolean; reason: string },
): Promise<SubjectAccessView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requireSubjectAccessRequest(tx, actor, id, { forUpdate: true });
    if (isClosed(row.status))
      throw new AppError('CONFLICT', 'This request is closed: its decisions are final.');
    const now = ctx.clock.now();
    await updateSubjectAccessRequest(tx, actor.orgId, id, {
      restricted_decision: input.include,
      restricted_decision_reason: input.reason,
      restricted_decided_by: actor.id,
      restricted_decided_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'subject_access.restricted_notes_decided',
      entityType: 'subject_access_request',
      entityId: id,
      details: { clientId: row.client_id, include: input.include },
    });
    const { today } = await calendarOf(ctx, actor, tx);
    return subjectAccessView(await requireSubjectAccessRequest(tx, actor, id), today);
  });
}
