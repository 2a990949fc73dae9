/** The weight of one case as the case page shows it, built for the weight use cases. */
import { canContributeToCase } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { type CaseWeight, caseWeight } from '../../domain/weighting/case-weight.ts';
import type { ComplexityFactor } from '../../domain/weighting/complexity-factors.ts';
import { type CaseWeightFacts, getCaseWeightFacts, listComplexityFactors } from '../../store/case-weights.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { LoadedCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface CaseWeightView {
  readonly facts: CaseWeightFacts;
  readonly weight: CaseWeight;
  /** Every factor of the organisation (the presenter lists the active manual ones). */
  readonly factors: readonly ComplexityFactor[];
  readonly canContribute: boolean;
}

/**
 * Weighs a case the caller has loaded (and so may view), with today's factors and facts.
 * @throws AppError CASE_NOT_FOUND (the case vanished meanwhile)
 */
export async function loadCaseWeightView(
  ctx: ServiceContext,
  loaded: LoadedCase,
  db: DbOrTx = ctx.db,
): Promise<CaseWeightView> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const [facts, factors] = await Promise.all([
    getCaseWeightFacts(db, actor, now, loaded.row.id),
    listComplexityFactors(db, actor.orgId),
  ]);
  if (!facts) throw new AppError('CASE_NOT_FOUND');
  const weight = caseWeight(factors, {
    baseWeight: facts.baseWeight,
    adjustment: facts.adjustment,
    manualFactorIds: facts.manualFactorIds,
    facts: {
      vulnerability: facts.vulnerability,
      interpreterNeeded: facts.interpreterNeeded,
      safeguardingOpen: facts.safeguardingOpen,
    },
  });
  return { facts, weight, factors, canContribute: canContributeToCase(actor, loaded.access, now) };
}
