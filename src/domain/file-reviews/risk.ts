/**
 * How risky a case is for file-review sampling: the part of each period's sample chosen by risk
 * takes the cases with the highest score. Points, and the words each reason is given in:
 *
 * | fact                                   | points                          |
 * |----------------------------------------|---------------------------------|
 * | priority band red / amber              | 4 / 1                           |
 * | an open safeguarding concern           | 4                               |
 * | client vulnerability 3 / 2 (of 3)      | 3 / 2                           |
 * | key dates missed                       | 2 each, at most 3 counted       |
 * | case weight above an average case (1)  | the excess (weight 2.25 → 1.25) |
 *
 * A case with no such fact scores 0 and is never chosen "by risk" (only at random).
 */
import type { Band } from '../priority/levels.ts';

export interface RiskFacts {
  /** The case's current priority band (null when not yet assessed). */
  readonly band: Band | null;
  readonly safeguardingOpen: boolean;
  /** The practitioner's judgement of the client's vulnerability, 0–3. */
  readonly vulnerability: number;
  /** The case's weight (type base weight × complexity factors × its own adjustment). */
  readonly weight: number;
  /** Key dates missed (marked missed, or still pending after their day). */
  readonly missedKeyDates: number;
}

export interface RiskScore {
  /** Rounded to two decimals; 0 means no risk factor. */
  readonly score: number;
  /** Each fact that scored, in words, highest first in the table's order. */
  readonly reasons: readonly string[];
}

export const RISK_POINTS = {
  red: 4,
  amber: 1,
  safeguarding: 4,
  vulnerability: { 2: 2, 3: 3 } as Readonly<Record<number, number>>,
  perMissedKeyDate: 2,
  missedKeyDatesCounted: 3,
} as const;

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * The risk score of a case and its reasons in words.
 * @example riskScore({ band: 'red', safeguardingOpen: true, vulnerability: 0, weight: 1, missedKeyDates: 0 })
 *   // { score: 8, reasons: ['red priority', 'open safeguarding concern'] }
 */
export function riskScore(f: RiskFacts): RiskScore {
  let score = 0;
  const reasons: string[] = [];
  if (f.band === 'red') {
    score += RISK_POINTS.red;
    reasons.push('red priority');
  } else if (f.band === 'amber') {
    score += RISK_POINTS.amber;
    reasons.push('amber priority');
  }
  if (f.safeguardingOpen) {
    score += RISK_POINTS.safeguarding;
    reasons.push('open safeguarding concern');
  }
  const vulnerabilityPoints = RISK_POINTS.vulnerability[f.vulnerability] ?? 0;
  if (vulnerabilityPoints > 0) {
    score += vulnerabilityPoints;
    reasons.push(
      `client vulnerability ${f.vulnerability === 3 ? 'very high' : 'high'} (${f.vulnerability} of 3)`,
    );
  }
  if (f.missedKeyDates > 0) {
    score += RISK_POINTS.perMissedKeyDate * Math.min(f.missedKeyDates, RISK_POINTS.missedKeyDatesCounted);
    reasons.push(f.missedKeyDates === 1 ? '1 missed key date' : `${f.missedKeyDates} missed key dates`);
  }
  const excess = round2(f.weight - 1);
  if (excess > 0) {
    score += excess;
    reasons.push(`case weight ${round2(f.weight)} (an average case weighs 1)`);
  }
  return { score: round2(score), reasons };
}

/**
 * A risk score in one sentence.
 * @example describeRisk({ score: 8, reasons: ['red priority', 'open safeguarding concern'] })
 *   // 'risk score 8: red priority; open safeguarding concern'
 */
export function describeRisk(r: RiskScore): string {
  if (r.reasons.length === 0) return 'risk score 0: no risk factors';
  return `risk score ${r.score}: ${r.reasons.join('; ')}`;
}
