import { COMPLEXITY_RULES, type ComplexityRule } from '../../domain/weighting/complexity-factors.ts';
import { type ComplexityFactorRow, listComplexityFactorRows } from '../../store/complexity-factors.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface ComplexityFactorList {
  readonly factors: readonly ComplexityFactorRow[];
  readonly rules: readonly ComplexityRule[];
}

/**
 * The organisation's complexity factors (inactive ones too) in display order, and the rules a
 * factor can follow. Anyone signed in: the factors explain the weights they see.
 * @throws AppError UNAUTHENTICATED
 */
export async function listComplexityFactors(ctx: ServiceContext): Promise<ComplexityFactorList> {
  const actor = requireActor(ctx);
  return { factors: await listComplexityFactorRows(ctx.db, actor.orgId), rules: COMPLEXITY_RULES };
}
