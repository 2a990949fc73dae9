import { type HandoverWithNames, listCaseHandovers as listRows } from '../../store/handovers.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The handovers of a case, newest first, with their notes. Anyone who may see the case may read
 * them; the read is audited (ids and the count only).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listCaseHandovers(ctx: ServiceContext, caseId: string): Promise<HandoverWithNames[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const handovers = await listRows(ctx.db, row.org_id, row.id);
  await auditRead(ctx, {
    action: 'handovers.listed',
    entityType: 'case',
    entityId: row.id,
    details: { count: handovers.length },
  });
  return handovers;
}
