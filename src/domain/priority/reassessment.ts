/**
 * Re-assessment: a case's stored facts and current assessment, measured again against the policy
 * in force today. Decides whether anything changed (only a change is stored, so a quiet case's
 * history is not filled with identical daily rows), whether a practitioner's override still stands
 * (it does while the policy's own band for the case is the one they overrode; once the facts move
 * the band, the override lapses and the policy speaks again), and whether the case turned red.
 */
import { type Assessment, assess, overrideAssessment } from './assess.ts';
import { assessmentInputsOf, type CaseFacts, type ClockSettings } from './case-clocks.ts';
import type { AssessmentInputs } from './facts.ts';
import type { Band } from './levels.ts';
import type { PriorityPolicy } from './policy.ts';
import type { ServiceTimescale } from './service-timescales.ts';

export interface CurrentAssessment {
  readonly policyVersion: number;
  readonly score: number;
  readonly band: Band;
  readonly computedBand: Band;
  readonly reasons: readonly string[];
  readonly override: { readonly band: Band; readonly rationale: string } | null;
}

export interface ReassessmentInput {
  readonly facts: CaseFacts;
  /** The timescale of the case's type in its current band (green for a case never assessed). */
  readonly timescale: ServiceTimescale | null;
  readonly policy: PriorityPolicy;
  readonly policyVersion: number;
  readonly current: CurrentAssessment | null;
  readonly clock: ClockSettings;
  readonly now: Date;
}

export interface Reassessment {
  readonly inputs: AssessmentInputs;
  readonly assessment: Assessment;
  /** True when there is no current assessment or the band, score, reasons or policy version differ. */
  readonly changed: boolean;
  /** The current override still stands and was carried into this assessment. */
  readonly overrideCarried: boolean;
  /** The current assessment had an override that no longer stands. */
  readonly overrideLapsed: boolean;
  /** Red now, and not red before (a new case assessed red counts). */
  readonly turnedRed: boolean;
}

/**
 * @example reassess({ facts, timescale, policy: DEFAULT_PRIORITY_POLICY, policyVersion: 0, current: null, clock, now })
 * // { assessment: { band: 'red', … }, changed: true, turnedRed: true, overrideCarried: false, overrideLapsed: false }
 */
export function reassess(input: ReassessmentInput): Reassessment {
  const { facts, timescale, policy, policyVersion, current, clock, now } = input;
  const inputs = assessmentInputsOf(facts, timescale, clock);
  const computed = assess(inputs, policy, now, { timeZone: clock.timeZone });
  let assessment = computed;
  let overrideCarried = false;
  if (current?.override && current.computedBand === computed.computedBand) {
    const carried = overrideAssessment(computed, current.override);
    if (carried.ok) {
      assessment = carried.assessment;
      overrideCarried = true;
    }
  }
  const changed =
    current === null ||
    current.policyVersion !== policyVersion ||
    current.band !== assessment.band ||
    current.score !== assessment.score ||
    current.reasons.length !== assessment.reasons.length ||
    current.reasons.some((r, i) => r !== assessment.reasons[i]);
  return {
    inputs,
    assessment,
    changed,
    overrideCarried,
    overrideLapsed: current?.override != null && !overrideCarried,
    turnedRed: assessment.band === 'red' && current?.band !== 'red',
  };
}

/**
 * How a key date reads inside a reason: the practitioner's description, starting lower-case unless
 * its first word is an abbreviation ('FtT appeal', 'PIP review'), cut to a sentence-friendly length.
 * @example keyDateLabel('Tribunal appeal deadline') // 'tribunal appeal deadline'
 */
export function keyDateLabel(description: string): string {
  const text = description.trim().replace(/\s+/g, ' ');
  const short = text.length > 80 ? `${text.slice(0, 79)}…` : text;
  const firstWord = short.split(/[^\p{L}]/u)[0] ?? '';
  const plainWord = firstWord.slice(1) === firstWord.slice(1).toLowerCase();
  return plainWord ? short.charAt(0).toLowerCase() + short.slice(1) : short;
}
