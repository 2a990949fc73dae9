/**
 * Choosing one practitioner's file-review sample for one period.
 *
 * The rule: N cases per practitioner per period (organisations.file_review_cases_per_practitioner);
 * a share of them (file_review_risk_share, rounded half up: 2 × 0.5 → 1) chosen by risk, the rest
 * at random. Candidates are the practitioner's cases that were open on some day of the period and
 * that no review of the period covers yet. Reviews the practitioner already has in the period
 * (sampled before, or added by hand) count towards N, so sampling again only tops up: it never
 * exceeds N and never picks a case twice. Added-by-hand reviews count towards the random part.
 *
 * The random choice is a seeded shuffle ({@link seededShuffle}) of the candidates in id order, so
 * the same facts always give the same sample. Among cases of equal risk, the shuffled order decides.
 */
import {
  describePeriod,
  isActiveInPeriod,
  PERIOD_KIND_WORDS,
  type Period,
  type PeriodKind,
} from './periods.ts';
import { describeRisk, type RiskFacts, type RiskScore, riskScore } from './risk.ts';
import { seededShuffle } from './seeded-random.ts';

export interface SampleCandidate {
  readonly caseId: string;
  readonly openedOn: string;
  readonly closedOn: string | null;
  readonly risk: RiskFacts;
}

export interface SampleInput {
  readonly period: Period;
  /** N: cases per practitioner per period, 0–50. */
  readonly casesPerPractitioner: number;
  /** The share of N chosen by risk, 0–1. */
  readonly riskShare: number;
  /** See {@link sampleSeed}: organisation, period and practitioner. */
  readonly seed: string;
  /** The practitioner's cases (inactive and already reviewed ones are left out here). */
  readonly candidates: readonly SampleCandidate[];
  /** Cases any review of this period already covers (whoever's). */
  readonly reviewedCaseIds: ReadonlySet<string>;
  /** The practitioner's reviews of this period so far, by how they were chosen. */
  readonly existing: { readonly risk: number; readonly random: number; readonly manual: number };
}

export interface SampledCase {
  readonly caseId: string;
  readonly selection: 'risk' | 'random';
  readonly risk: RiskScore;
  /** Why this case, in words (stored as file_reviews.selection_reason). */
  readonly reason: string;
}

export interface SamplePlan {
  readonly chosen: readonly SampledCase[];
  /** Cases that could have been chosen (active in the period, not yet reviewed in it). */
  readonly eligible: number;
  /** How many more the rule asked for than there were cases to choose from. */
  readonly shortfall: number;
  /** The outcome for this practitioner in words. */
  readonly summary: string;
}

/** How many of N are chosen by risk: N × share, rounded half up. */
export const riskTarget = (n: number, share: number): number => Math.round(n * share + 1e-9);

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Plans the sample: which cases to add now, and why.
 * @example planSample({ casesPerPractitioner: 2, riskShare: 0.5, … }) // one chosen by risk, one at random
 */
export function planSample(input: SampleInput): SamplePlan {
  const { period } = input;
  const n = Math.max(0, Math.trunc(input.casesPerPractitioner));
  const have = input.existing.risk + input.existing.random + input.existing.manual;
  const needed = Math.max(0, n - have);
  const byId = [...input.candidates].sort((a, b) => (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
  const unique = byId.filter((c, i) => i === 0 || byId[i - 1]?.caseId !== c.caseId);
  const eligible = unique.filter((c) => !input.reviewedCaseIds.has(c.caseId) && isActiveInPeriod(c, period));
  const shuffled = seededShuffle(eligible, input.seed);
  const order = new Map(shuffled.map((c, i) => [c.caseId, i]));
  const scored = shuffled.map((c) => ({ c, risk: riskScore(c.risk) }));

  const riskWanted = Math.min(needed, Math.max(0, riskTarget(n, input.riskShare) - input.existing.risk));
  const byRisk = scored
    .filter((s) => s.risk.score > 0)
    .sort(
      (a, b) => b.risk.score - a.risk.score || (order.get(a.c.caseId) ?? 0) - (order.get(b.c.caseId) ?? 0),
    )
    .slice(0, riskWanted);
  const where = `${describePeriod(period)} (${period.label})`;
  const chosen: SampledCase[] = byRisk.map((s, i) => ({
    caseId: s.c.caseId,
    selection: 'risk',
    risk: s.risk,
    reason: `Chosen by risk${i === 0 ? ', the highest' : ''} among ${plural(eligible.length, 'case', 'cases')} open in ${where}: ${describeRisk(s.risk)}.`,
  }));
  const taken = new Set(chosen.map((c) => c.caseId));
  const randomPool = scored.filter((s) => !taken.has(s.c.caseId));
  const shortOfRisk = riskWanted - chosen.length;
  for (const s of randomPool.slice(0, needed - chosen.length)) {
    chosen.push({
      caseId: s.c.caseId,
      selection: 'random',
      risk: s.risk,
      reason:
        `Chosen at random from ${plural(randomPool.length, 'case', 'cases')} open in ${where} and not yet reviewed` +
        (shortOfRisk > 0 ? ' (too few cases had a risk factor to fill the risk share)' : '') +
        '.',
    });
  }
  const shortfall = needed - chosen.length;
  return { chosen, eligible: eligible.length, shortfall, summary: summarise(n, have, chosen, shortfall) };
}

function summarise(n: number, have: number, chosen: readonly SampledCase[], shortfall: number): string {
  if (n === 0) return 'The sampling rule asks for no cases.';
  if (have >= n)
    return `Already has ${plural(have, 'case', 'cases')} to review this period (the rule asks for ${n}).`;
  const risk = chosen.filter((c) => c.selection === 'risk').length;
  const parts = [`${plural(chosen.length, 'case', 'cases')} added`];
  if (chosen.length > 0) parts.push(`${risk} by risk, ${chosen.length - risk} at random`);
  let text = parts.join(': ');
  if (have > 0) text += `; ${plural(have, 'was', 'were')} already chosen`;
  if (shortfall > 0)
    text += `; ${plural(shortfall, 'case', 'cases')} short: no other case was open in the period`;
  return `${text}.`;
}

/**
 * The sampling rule in words.
 * @example describeSamplingRule(2, 'quarter', 0.5) // '2 cases per practitioner per quarter: 1 chosen by risk, 1 at random.'
 */
export function describeSamplingRule(n: number, kind: PeriodKind, riskShare: number): string {
  if (n === 0)
    return `No cases are sampled for file review (0 per practitioner per ${PERIOD_KIND_WORDS[kind]}).`;
  const risk = riskTarget(n, riskShare);
  const head = `${plural(n, 'case', 'cases')} per practitioner per ${PERIOD_KIND_WORDS[kind]}`;
  if (risk === 0) return `${head}, chosen at random.`;
  if (risk === n) return `${head}, chosen by risk (at random when too few cases have a risk factor).`;
  return `${head}: ${risk} chosen by risk, ${n - risk} at random.`;
}
