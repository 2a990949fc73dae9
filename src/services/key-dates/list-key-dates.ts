import { type KeyDateRow, listKeyDates as listKeyDateRows } from '../../store/key-dates.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The key dates of a case in date order (whole-day dates before timed ones on the same day).
 * The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listKeyDates(ctx: ServiceContext, caseId: string): Promise<KeyDateRow[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const keyDates = await listKeyDateRows(ctx.db, row.org_id, row.id);
  await auditRead(ctx, { action: 'key_dates.listed', entityType: 'case', entityId: row.id });
  return keyDates;
}
