import { listCaseSharingRecords, type SharingRecordWithNames } from '../../store/sharing-records.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The information-sharing records of a case (shared and not shared), latest decision first. The
 * read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listSharingRecords(
  ctx: ServiceContext,
  caseId: string,
): Promise<SharingRecordWithNames[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const records = await listCaseSharingRecords(ctx.db, row.org_id, row.id);
  await auditRead(ctx, {
    action: 'sharing_records.listed',
    entityType: 'case',
    entityId: row.id,
    details: { count: records.length },
  });
  return records;
}
