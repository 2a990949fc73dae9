import { listCaseSpecialists as listRows } from '../../store/case-specialists.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { type SpecialistView, specialistViews } from './resources-view.ts';

/**
 * The specialists of a case: current ones first, then those removed. For anyone who may see the
 * case; the read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listCaseSpecialists(ctx: ServiceContext, caseId: string): Promise<SpecialistView[]> {
  const loaded = await loadCase(ctx, caseId, 'view');
  const rows = await listRows(ctx.db, loaded.row.org_id, loaded.row.id);
  await auditRead(ctx, { action: 'case.specialists_listed', entityType: 'case', entityId: loaded.row.id });
  return specialistViews(loaded, rows, ctx.clock.now());
}
