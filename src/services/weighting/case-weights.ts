/**
 * Case weights and practitioners' loads, for the capacity view, the dashboard, caseload reviews
 * and the reallocation what-if. Reads only; the callers check access and audit.
 */
import type { Actor } from '../../domain/access/actor.ts';
import { capacityOf } from '../../domain/weighting/capacity.ts';
import { type CaseWeight, caseWeight } from '../../domain/weighting/case-weight.ts';
import type { ComplexityFactor } from '../../domain/weighting/complexity-factors.ts';
import { type CaseWeightRow, listCaseWeightRows, listComplexityFactors } from '../../store/case-weights.ts';
import type { DbOrTx } from '../../store/db.ts';

export interface WeightedCase extends CaseWeightRow {
  readonly weight: CaseWeight;
}

export function weighCases(
  factors: readonly ComplexityFactor[],
  rows: readonly CaseWeightRow[],
): WeightedCase[] {
  return rows.map((r) => ({
    ...r,
    weight: caseWeight(factors, {
      baseWeight: r.baseWeight,
      adjustment: r.adjustment,
      manualFactorIds: r.manualFactorIds,
      facts: {
        vulnerability: r.vulnerability,
        interpreterNeeded: r.interpreterNeeded,
        safeguardingOpen: r.safeguardingOpen,
      },
    }),
  }));
}

/**
 * The weighted open and on-hold cases held by the given practitioners (every case they hold, each
 * marked visible or not to the reader), or of the given cases.
 */
export async function loadWeightedCases(
  db: DbOrTx,
  scope: {
    readonly actor: Actor;
    readonly now: Date;
    readonly ownerIds?: readonly string[];
    readonly caseIds?: readonly string[];
  },
): Promise<WeightedCase[]> {
  const [factors, rows] = await Promise.all([
    listComplexityFactors(db, scope.actor.orgId),
    listCaseWeightRows(db, scope),
  ]);
  return weighCases(factors, rows);
}

/** A person's capacity in weighted points: points per FTE × FTE (users.capacity_points, users.fte). */
export const capacityOfUser = (user: { readonly capacity_points: string; readonly fte: string }): number =>
  capacityOf(Number(user.capacity_points), Number(user.fte));
