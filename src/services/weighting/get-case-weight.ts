import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { type CaseWeightView, loadCaseWeightView } from './case-weight-view.ts';

/**
 * A case's weight, computed now: its type's base weight × the complexity factors that apply × its
 * own adjustment, with the sum in words, and the manual factors one may tick. Anyone who may view
 * the case; the read is audited (`case.weight_viewed`).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function getCaseWeight(ctx: ServiceContext, caseId: string): Promise<CaseWeightView> {
  const loaded = await loadCase(ctx, caseId, 'view');
  const view = await loadCaseWeightView(ctx, loaded);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'case.weight_viewed',
      entityType: 'case',
      entityId: loaded.row.id,
      details: { factorIds: view.weight.factors.map((f) => f.id) },
    }),
  );
  return view;
}
