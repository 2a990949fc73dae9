/**
 * A case's weight: its type's base weight × every complexity factor that applies × the case's own
 * adjustment (the "complexity weight" recorded when it was opened, 1 by default). Weights are
 * what capacity is measured in: a practitioner's load is the sum of the weights of their open
 * cases (on-hold cases included: they still hold a place on the caseload).
 */
import { type ComplexityFactor, type ComplexityRule, HIGH_VULNERABILITY } from './complexity-factors.ts';

/** The facts of a case that rule-based factors read. */
export interface WeightFacts {
  /** The practitioner's judgement of the client's vulnerability, 0–3. */
  readonly vulnerability: number;
  readonly interpreterNeeded: boolean;
  readonly safeguardingOpen: boolean;
}

export interface WeightInput {
  readonly baseWeight: number;
  /** The case's own adjustment (cases.complexity_weight); 1 when none. */
  readonly adjustment: number;
  /** Ids of the manual factors ticked on the case. */
  readonly manualFactorIds: readonly string[];
  readonly facts: WeightFacts;
}

export interface AppliedFactor {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen: ComplexityRule;
}

export interface CaseWeight {
  /** Rounded to two decimals. */
  readonly weight: number;
  readonly baseWeight: number;
  readonly adjustment: number;
  readonly factors: readonly AppliedFactor[];
  /** The sum in words, e.g. "Base 1.5 × Interpreter needed 1.25 = 1.88". */
  readonly explanation: string;
}

/** Whether a factor applies to a case (inactive factors never do). */
export function factorApplies(factor: ComplexityFactor, input: WeightInput): boolean {
  if (!factor.active) return false;
  switch (factor.appliesWhen) {
    case 'manual':
      return input.manualFactorIds.includes(factor.id);
    case 'vulnerability-high':
      return input.facts.vulnerability >= HIGH_VULNERABILITY;
    case 'interpreter-needed':
      return input.facts.interpreterNeeded;
    case 'safeguarding-open':
      return input.facts.safeguardingOpen;
  }
}

/**
 * Rounds to two decimals, half up, as a person would: 1.005 → 1.01 and 1.34 × 0.75 → 1.01, although
 * binary floating point holds these as 1.00499… or 100.4999… hundredths (`Math.round(n * 100) / 100`
 * gives 1). Twelve significant digits are plenty for weights and loads.
 */
export const roundWeight = (n: number): number => Math.round(Number((n * 100).toPrecision(12))) / 100;

const num = (n: number): string => String(roundWeight(n));

/**
 * The weight of one case and how it was made.
 *
 * @example
 * caseWeight(factors, { baseWeight: 2, adjustment: 1, manualFactorIds: [litigationId],
 *   facts: { vulnerability: 0, interpreterNeeded: true, safeguardingOpen: false } });
 * // { weight: 3.75, factors: [interpreter 1.25, litigation 1.5],
 * //   explanation: 'Base 2 × Interpreter needed 1.25 × Litigation or tribunal 1.5 = 3.75' }
 * @throws RangeError when the base weight, the adjustment or a multiplier is not a positive finite number.
 */
export function caseWeight(factors: readonly ComplexityFactor[], input: WeightInput): CaseWeight {
  positive(input.baseWeight, 'baseWeight');
  positive(input.adjustment, 'adjustment');
  const applied: AppliedFactor[] = [];
  let weight = input.baseWeight * input.adjustment;
  for (const f of factors) {
    positive(f.multiplier, `multiplier of ${f.key}`);
    if (!factorApplies(f, input)) continue;
    applied.push({
      id: f.id,
      key: f.key,
      label: f.label,
      multiplier: f.multiplier,
      appliesWhen: f.appliesWhen,
    });
    weight *= f.multiplier;
  }
  const parts = [`Base ${num(input.baseWeight)}`];
  if (input.adjustment !== 1) parts.push(`case adjustment ${num(input.adjustment)}`);
  for (const f of applied) parts.push(`${f.label} ${num(f.multiplier)}`);
  const rounded = roundWeight(weight);
  return {
    weight: rounded,
    baseWeight: input.baseWeight,
    adjustment: input.adjustment,
    factors: applied,
    explanation: `${parts.join(' × ')} = ${num(rounded)}`,
  };
}

function positive(n: number, what: string): void {
  if (!Number.isFinite(n) || n <= 0) throw new RangeError(`${what} must be a positive number; got ${n}.`);
}
