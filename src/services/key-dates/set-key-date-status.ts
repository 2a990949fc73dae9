import { AppError } from '../../domain/errors.ts';
import { type KeyDateStatus, keyDateStatusProblem } from '../../domain/key-dates/key-date-rules.ts';
import { type KeyDateRow, updateKeyDate } from '../../store/key-dates.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { loadKeyDateForChange } from './key-date-view.ts';

/**
 * Records that a key date was met, missed or cancelled (or sets it back to pending), with an
 * optional note. The previous status is kept in the audit trail.
 * @throws AppError KEY_DATE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE (field status)
 */
export async function setKeyDateStatus(
  ctx: ServiceContext,
  keyDateId: string,
  input: { readonly status: KeyDateStatus; readonly note?: string | undefined },
): Promise<KeyDateRow> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const keyDate = await loadKeyDateForChange(ctx, tx, keyDateId);
    const problem = keyDateStatusProblem(keyDate.status, input.status);
    if (problem) throw AppError.field('status', problem, 'INVALID_STATUS_CHANGE');
    const updated = await updateKeyDate(
      tx,
      actor.orgId,
      keyDate.id,
      { status: input.status, status_note: input.note?.trim() ?? null },
      ctx.clock.now(),
    );
    if (!updated) throw new AppError('KEY_DATE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'key_date.status_changed',
      entityType: 'key_date',
      entityId: keyDate.id,
      details: { caseId: keyDate.case_id, status: input.status, previousStatus: keyDate.status },
    });
    await reassessCases(ctx, tx, { orgId: actor.orgId, caseIds: [keyDate.case_id], trigger: 'key-date' });
    return updated;
  });
}
