import { AppError } from '../../domain/errors.ts';
import { updateSubjectAccessRequest } from '../../store/subject-access-requests.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import {
  calendarOf,
  isClosed,
  requireDataProtectionOfficer,
  requirePastDate,
  requireSubjectAccessRequest,
  type SubjectAccessView,
  subjectAccessView,
} from './common.ts';

/**
 * Closes a request: completed (the response was sent) or refused (with the reason the requester
 * was given, e.g. manifestly unfounded or excessive).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (closed already),
 *   VALIDATION_FAILED (on, reason)
 */
export async function completeSubjectAccessRequest(
  ctx: ServiceContext,
  id: string,
  input: { outcome: 'completed' | 'refused'; on: string; reason?: string | undefined },
): Promise<SubjectAccessView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requireSubjectAccessRequest(tx, actor, id, { forUpdate: true });
    if (isClosed(row.status)) throw new AppError('CONFLICT', `This request is ${row.status} already.`);
    const { today } = await calendarOf(ctx, actor, tx);
    requirePastDate('on', 'The date of the response', input.on, today, row.received_on);
    if (input.outcome === 'refused' && !input.reason) {
      throw AppError.field('reason', 'Give the reason for refusing (the requester must be told it).');
    }
    await updateSubjectAccessRequest(tx, actor.orgId, id, {
      status: input.outcome,
      closed_on: input.on,
      closure_reason: input.reason ?? null,
      updated_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: `subject_access.${input.outcome}`,
      entityType: 'subject_access_request',
      entityId: id,
      details: { clientId: row.client_id },
    });
    return subjectAccessView(await requireSubjectAccessRequest(tx, actor, id), today);
  });
}
