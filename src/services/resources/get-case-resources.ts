import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { type CaseResourcesView, loadCaseResourcesView } from './resources-view.ts';

/**
 * The resources of a case: owner, current specialists, allocated hours, estimated effort and the
 * resources check. For anyone who may see the case; the read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function getCaseResources(ctx: ServiceContext, caseId: string): Promise<CaseResourcesView> {
  const loaded = await loadCase(ctx, caseId, 'view');
  const view = await loadCaseResourcesView(ctx, loaded);
  await auditRead(ctx, { action: 'case.resources_viewed', entityType: 'case', entityId: loaded.row.id });
  return view;
}
