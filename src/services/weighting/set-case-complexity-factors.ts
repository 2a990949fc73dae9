import { AppError } from '../../domain/errors.ts';
import { manualFactorsProblem } from '../../domain/weighting/complexity-factors.ts';
import { listComplexityFactors } from '../../store/case-weights.ts';
import { lockCase } from '../../store/cases.ts';
import { tickCaseFactors, untickCaseFactors } from '../../store/complexity-factors.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type CaseWeightView, loadCaseWeightView } from './case-weight-view.ts';

/**
 * Ticks exactly these manual complexity factors on a case (anyone who may contribute to it): the
 * active manual factors not named are unticked; ticks of inactive factors are kept for when they
 * are active again. Rule-based factors apply by themselves and cannot be ticked. The answer is the
 * case's new weight. One transaction; audited (`case.complexity_factors_set`, with the factor ids
 * ticked, added and removed). Sending the set the case has changes and records nothing.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (field factorIds)
 */
export async function setCaseComplexityFactors(
  ctx: ServiceContext,
  caseId: string,
  input: { readonly factorIds: readonly string[] },
): Promise<CaseWeightView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const loaded = await loadCase(ctx, caseId, 'contribute', tx);
    const factors = await listComplexityFactors(tx, actor.orgId);
    const problem = manualFactorsProblem(factors, input.factorIds);
    if (problem) throw AppError.field('factorIds', problem);
    const before = await loadCaseWeightView(ctx, loaded, tx);
    const current = new Set(before.facts.manualFactorIds);
    const wanted = new Set(input.factorIds);
    const activeManual = new Set(
      factors.filter((f) => f.active && f.appliesWhen === 'manual').map((f) => f.id),
    );
    const added = [...wanted].filter((id) => !current.has(id)).sort();
    const removed = [...current].filter((id) => activeManual.has(id) && !wanted.has(id)).sort();
    if (added.length === 0 && removed.length === 0) return before;
    const now = ctx.clock.now();
    await untickCaseFactors(tx, { orgId: actor.orgId, caseId: loaded.row.id, factorIds: removed });
    await tickCaseFactors(tx, {
      orgId: actor.orgId,
      caseId: loaded.row.id,
      factorIds: added,
      by: actor.id,
      at: now,
    });
    const after = await loadCaseWeightView(ctx, loaded, tx);
    await audit(ctx, tx, {
      action: 'case.complexity_factors_set',
      entityType: 'case',
      entityId: loaded.row.id,
      details: { factorIds: [...wanted].sort(), added, removed },
    });
    return after;
  });
}
