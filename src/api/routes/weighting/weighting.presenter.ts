import type {
  CaseWeightResponse,
  ComplexityFactorListResponse,
  ComplexityFactorResponse,
} from '../../../contract/weighting.ts';
import { COMPLEXITY_RULE_WORDS } from '../../../domain/weighting/complexity-factors.ts';
import type { CaseWeightView } from '../../../services/weighting/case-weight-view.ts';
import type { ComplexityFactorList } from '../../../services/weighting/list-complexity-factors.ts';
import type { ComplexityFactorRow } from '../../../store/complexity-factors.ts';

export const presentComplexityFactor = (row: ComplexityFactorRow): ComplexityFactorResponse => ({
  id: row.id,
  key: row.key,
  label: row.label,
  multiplier: row.multiplier,
  appliesWhen: row.appliesWhen,
  appliesWhenWords: COMPLEXITY_RULE_WORDS[row.appliesWhen],
  active: row.active,
  sortOrder: row.sortOrder,
  updatedAt: row.updatedAt.toISOString(),
});

export const presentComplexityFactorList = (list: ComplexityFactorList): ComplexityFactorListResponse => ({
  factors: list.factors.map(presentComplexityFactor),
  rules: list.rules.map((rule) => ({ rule, words: COMPLEXITY_RULE_WORDS[rule] })),
});

export function presentCaseWeight(view: CaseWeightView): CaseWeightResponse {
  const { facts, weight } = view;
  const ticked = new Set(facts.manualFactorIds);
  return {
    caseId: facts.caseId,
    reference: facts.reference,
    status: facts.status,
    countsInLoad: facts.status !== 'closed',
    caseType: { id: facts.caseTypeId, name: facts.caseTypeName },
    weight: weight.weight,
    baseWeight: weight.baseWeight,
    adjustment: weight.adjustment,
    explanation: weight.explanation,
    factors: weight.factors.map((f) => ({
      id: f.id,
      key: f.key,
      label: f.label,
      multiplier: f.multiplier,
      appliesWhen: f.appliesWhen,
      appliesWhenWords: COMPLEXITY_RULE_WORDS[f.appliesWhen],
    })),
    manualFactors: view.factors
      .filter((f) => f.active && f.appliesWhen === 'manual')
      .map((f) => ({
        id: f.id,
        key: f.key,
        label: f.label,
        multiplier: f.multiplier,
        ticked: ticked.has(f.id),
      })),
    yourAccess: { contribute: view.canContribute },
  };
}
