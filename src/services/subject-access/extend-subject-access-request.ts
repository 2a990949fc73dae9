import { requestDueOn } from '../../domain/data-protection/request-dates.ts';
import { AppError } from '../../domain/errors.ts';
import { compareDates } from '../../domain/time/calendar.ts';
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
 * Extends the time to respond, once, by up to two further months counted from receipt (the
 * requester must be told within the first month, with the reason).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT (already extended or closed),
 *   VALIDATION_FAILED (noticeSentOn)
 */
export async function extendSubjectAccessRequest(
  ctx: ServiceContext,
  id: string,
  input: { reason: string; noticeSentOn: string; months?: 1 | 2 | undefined },
): Promise<SubjectAccessView> {
  const actor = await requireDataProtectionOfficer(ctx);
  return inTransaction(ctx, async (tx) => {
    const row = await requireSubjectAccessRequest(tx, actor, id, { forUpdate: true });
    if (isClosed(row.status))
      throw new AppError('CONFLICT', 'This request is closed: it cannot be extended.');
    if (row.extended_due_on)
      throw new AppError('CONFLICT', 'This request has been extended already; the law allows one extension.');
    const { today, nation } = await calendarOf(ctx, actor, tx);
    requirePastDate(
      'noticeSentOn',
      'The date the requester was told',
      input.noticeSentOn,
      today,
      row.received_on,
    );
    if (compareDates(input.noticeSentOn, row.due_on) > 0) {
      throw AppError.field(
        'noticeSentOn',
        `The requester must be told of an extension within the first month (by ${row.due_on}); it is too late to extend.`,
      );
    }
    const months = input.months ?? 2;
    await updateSubjectAccessRequest(tx, actor.orgId, id, {
      status: 'extended',
      extended_due_on: requestDueOn(row.received_on, 1 + months, nation),
      extension_reason: input.reason,
      extension_notice_sent_on: input.noticeSentOn,
      updated_at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'subject_access.extended',
      entityType: 'subject_access_request',
      entityId: id,
      details: { clientId: row.client_id, months },
    });
    return subjectAccessView(await requireSubjectAccessRequest(tx, actor, id), today);
  });
}
