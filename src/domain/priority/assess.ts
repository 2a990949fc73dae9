/**
 * Assessment: a case's facts measured against the organisation's priority policy, giving a score,
 * a red/amber/green band, an urgency × importance quadrant and the reasons in plain words. Pure
 * and deterministic: the same facts, policy and year give the same assessment.
 *
 * How the band is decided: the score (the sum of every criterion's points) sets a band by the
 * thresholds; each hard rule whose condition holds raises the band to at least its own. Because a
 * valid policy never gives fewer points for a worse fact and rules only raise, a worse fact can
 * never lower the score or the band.
 */
import { DEFAULT_TIME_ZONE } from '../time/calendar.ts';
import { describeRule } from './describe-policy.ts';
import {
  type AssessmentInputs,
  type DateWords,
  dateWords,
  describeFact,
  type Fact,
  factOf,
} from './facts.ts';
import { BAND_LABELS, type Band, bandRank, IMPACT_LABELS, impactRank, isBand } from './levels.ts';
import type { Criterion, HardRule, PriorityPolicy, Problem, RaisedBand } from './policy.ts';
import { capitalise, keyDateCondition, points, pointsCount } from './wording.ts';

export type { AssessmentInputs } from './facts.ts';

export const QUADRANTS = [
  'urgent-and-important',
  'urgent-not-important',
  'important-not-urgent',
  'neither-urgent-nor-important',
] as const;
/** Urgent: a key date near (or missed). Important: a serious impact if not actioned. */
export type Quadrant = (typeof QUADRANTS)[number];

export const QUADRANT_LABELS: Readonly<Record<Quadrant, string>> = {
  'urgent-and-important': 'Urgent and important',
  'urgent-not-important': 'Urgent, not important',
  'important-not-urgent': 'Important, not urgent',
  'neither-urgent-nor-important': 'Neither urgent nor important',
};

export interface Contribution {
  /** The criterion's key. */
  readonly criterion: string;
  readonly points: number;
  /** The fact it looked at, in words: 'loss of home if not actioned'. */
  readonly reason: string;
}

export interface FiredRule {
  /** The rule's key. */
  readonly rule: string;
  readonly band: RaisedBand;
  /** 'An open safeguarding concern makes a case red: safeguarding concern raised 20 Nov' */
  readonly reason: string;
}

export interface Assessment {
  readonly score: number;
  /** The band that counts: the override's when overridden, else the computed one. */
  readonly band: Band;
  /** The band the policy gave: the score's band, raised by any hard rule. */
  readonly computedBand: Band;
  /** The band the score alone gives. */
  readonly scoreBand: Band;
  readonly quadrant: Quadrant;
  /** The first rule (in policy order) that fired with the computed band, if any. */
  readonly forcedBy?: string;
  /** Every hard rule whose condition held, in policy order. */
  readonly rulesFired: readonly FiredRule[];
  /** One per criterion, in policy order, including those that scored 0. */
  readonly contributions: readonly Contribution[];
  /** Plain words, headline first ("Red: safeguarding concern raised 20 Nov; …"). */
  readonly reasons: readonly string[];
  /** A practitioner's override to another band, with their rationale. */
  readonly override?: { readonly band: Band; readonly rationale: string };
}

export interface AssessOptions {
  /** Decides on which day an instant (a concern's raisedAt, `now`) falls. Default Europe/London. */
  readonly timeZone?: string;
}

/**
 * Assesses a case's facts against a (valid) policy.
 *
 * `now` only decides which year goes without saying in dates ('20 Nov' this year, '20 Nov 2025'
 * otherwise); everything time-based (working days to the key date, share of the timescale) is
 * already in `inputs`, so re-assess daily with fresh inputs.
 * @example
 * assess({ safeguarding: { raisedAt: new Date('2026-11-20T10:00Z') }, vulnerability: 0, impact: 'none',
 *   nearestKeyDate: { date: '2026-12-01', label: 'tribunal appeal deadline', workingDaysAway: 3 },
 *   timescaleElapsedShare: null, lastAttentionDaysAgo: null }, DEFAULT_PRIORITY_POLICY, new Date('2026-11-26T09:00Z'))
 * // { score: 75, band: 'red', forcedBy: 'safeguarding-is-red', quadrant: 'urgent-not-important',
 * //   reasons: ['Red: safeguarding concern raised 20 Nov; tribunal appeal deadline in 3 working days (Tue 1 Dec)', …] … }
 * @throws RangeError for an invalid `now` or time zone, or a key date that is not 'YYYY-MM-DD'.
 */
export function assess(
  inputs: AssessmentInputs,
  policy: PriorityPolicy,
  now: Date,
  options: AssessOptions = {},
): Assessment {
  const words = dateWords(now, options.timeZone ?? DEFAULT_TIME_ZONE);
  const contributions = policy.criteria.map((criterion) => ({
    criterion: criterion.key,
    points: pointsFor(criterion, inputs),
    reason: describeFact(factOf(criterion), inputs, words),
  }));
  const score = contributions.reduce((sum, c) => sum + c.points, 0);
  const scoreBand = bandOfScore(score, policy.thresholds);
  const fired = policy.rules.filter((rule) => ruleHolds(rule, inputs));
  const band = fired.reduce<Band>(
    (b, rule) => (bandRank(rule.band) > bandRank(b) ? rule.band : b),
    scoreBand,
  );
  const deciding = fired.filter((rule) => rule.band === band);
  const quadrant = quadrantOf(inputs, policy.quadrant);
  const reasons = [
    headline(band, deciding, policy.criteria, contributions, inputs, words),
    ...(deciding.length > 0 ? [hardRuleSentence(deciding, score, scoreBand)] : []),
    `Score ${points(score)}: red from ${points(policy.thresholds.red)}, amber from ${points(policy.thresholds.amber)}.`,
    ...byPoints(contributions).map((c) => `${capitalise(c.reason)}: ${pointsCount(c.points)}.`),
    quadrantSentence(quadrant, policy.quadrant),
  ];
  return {
    score,
    band,
    computedBand: band,
    scoreBand,
    quadrant,
    ...(deciding[0] ? { forcedBy: deciding[0].key } : {}),
    rulesFired: fired.map((rule) => ({
      rule: rule.key,
      band: rule.band,
      reason: `${capitalise(describeRule(rule))}: ${describeFact(factOf(rule), inputs, words)}`,
    })),
    contributions,
    reasons,
  };
}

/**
 * A criterion's points for these facts. Bands are read in order and the first that applies counts.
 * @example pointsFor({ key: 'k', kind: 'deadline', bands: [{ withinWorkingDays: 2, points: 40 }] }, inputs) // 40 when 1 day away
 */
export function pointsFor(criterion: Criterion, inputs: AssessmentInputs): number {
  switch (criterion.kind) {
    case 'flag':
      return inputs.safeguarding ? criterion.points : 0;
    case 'scale':
      return criterion.scale === 'vulnerability'
        ? criterion.pointsByLevel[inputs.vulnerability]
        : criterion.pointsByLevel[inputs.impact];
    case 'deadline': {
      const away = inputs.nearestKeyDate?.workingDaysAway;
      if (away === undefined) return 0;
      return criterion.bands.find((band) => away <= band.withinWorkingDays)?.points ?? 0;
    }
    case 'waiting': {
      const share = inputs.timescaleElapsedShare;
      if (share === null) return 0;
      return criterion.bands.find((band) => share >= band.atLeastShare)?.points ?? 0;
    }
  }
}

/** Whether a hard rule's condition holds for these facts. */
export function ruleHolds(rule: HardRule, inputs: AssessmentInputs): boolean {
  switch (rule.kind) {
    case 'flag':
      return inputs.safeguarding !== null;
    case 'deadline':
      return (
        inputs.nearestKeyDate !== null && inputs.nearestKeyDate.workingDaysAway <= rule.withinWorkingDays
      );
    case 'scale':
      return rule.scale === 'vulnerability'
        ? inputs.vulnerability >= rule.atLeast
        : impactRank(inputs.impact) >= impactRank(rule.atLeast);
    case 'waiting':
      return inputs.timescaleElapsedShare !== null && inputs.timescaleElapsedShare >= rule.atLeastShare;
  }
}

/**
 * The band a score alone gives.
 * @example bandOfScore(70, { red: 70, amber: 35 }) // 'red'
 * @example bandOfScore(34.5, { red: 70, amber: 35 }) // 'green'
 */
export function bandOfScore(score: number, thresholds: PriorityPolicy['thresholds']): Band {
  if (score >= thresholds.red) return 'red';
  return score >= thresholds.amber ? 'amber' : 'green';
}

/** Urgent when the nearest key date is missed or within the policy's working days; important when
 *  the impact is at least the policy's level. */
export function quadrantOf(inputs: AssessmentInputs, settings: PriorityPolicy['quadrant']): Quadrant {
  const keyDate = inputs.nearestKeyDate;
  const urgent = keyDate !== null && keyDate.workingDaysAway <= settings.urgentWithinWorkingDays;
  const important = impactRank(inputs.impact) >= impactRank(settings.importantFromImpact);
  if (urgent) return important ? 'urgent-and-important' : 'urgent-not-important';
  return important ? 'important-not-urgent' : 'neither-urgent-nor-important';
}

/** Contributions that scored, most points first (policy order among equals). */
const byPoints = (contributions: readonly Contribution[]) =>
  contributions.filter((c) => c.points > 0).sort((a, b) => b.points - a.points);

/** "Red: " then the facts that decided: those of the deciding rules, then the scoring ones. */
function headline(
  band: Band,
  deciding: readonly HardRule[],
  criteria: readonly Criterion[],
  contributions: readonly Contribution[],
  inputs: AssessmentInputs,
  words: DateWords,
): string {
  const factByCriterion = new Map(criteria.map((c) => [c.key, factOf(c)]));
  const facts = new Set<Fact>(deciding.map(factOf));
  for (const c of byPoints(contributions)) {
    const fact = factByCriterion.get(c.criterion);
    if (fact) facts.add(fact);
  }
  const text = [...facts].map((fact) => describeFact(fact, inputs, words)).join('; ');
  return `${BAND_LABELS[band]}: ${text || 'nothing raises its priority'}`;
}

function hardRuleSentence(deciding: readonly HardRule[], score: number, scoreBand: Band): string {
  const rules = deciding.map(describeRule).join('; ');
  const alone =
    deciding[0]?.band === scoreBand ? '' : ` (the score alone, ${points(score)}, would make it ${scoreBand})`;
  return `${deciding.length > 1 ? 'Hard rules' : 'Hard rule'}: ${rules}${alone}.`;
}

function quadrantSentence(quadrant: Quadrant, settings: PriorityPolicy['quadrant']): string {
  const near = `a key date ${keyDateCondition(settings.urgentWithinWorkingDays)}`;
  const serious = `an impact of ${IMPACT_LABELS[settings.importantFromImpact]} or worse if not actioned`;
  const lesser = `an impact below ${IMPACT_LABELS[settings.importantFromImpact]}`;
  const detail: Record<Quadrant, string> = {
    'urgent-and-important': `${near}, and ${serious}`,
    'urgent-not-important': `${near}, but ${lesser}`,
    'important-not-urgent': `${serious}, but no ${near.slice(2)}`,
    'neither-urgent-nor-important': `no ${near.slice(2)}, and ${lesser}`,
  };
  return `${QUADRANT_LABELS[quadrant]}: ${detail[quadrant]}.`;
}

export interface OverrideRequest {
  readonly band: Band;
  /** Why the practitioner departs from the policy; required. */
  readonly rationale: string;
}

export type OverrideOutcome =
  | { readonly ok: true; readonly assessment: Assessment }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/**
 * Overrides an assessment's band with the practitioner's own, keeping the computed band beside it
 * and putting the override first among the reasons. Overriding an overridden assessment replaces
 * the earlier override. Refused (with every problem) when the rationale is blank or the band is
 * the computed one (to undo an override, keep the computed assessment instead).
 * @example overrideAssessment(redAssessment, { band: 'amber', rationale: 'Client now safe at refuge' })
 * // { ok: true, assessment: { band: 'amber', computedBand: 'red', override: { band: 'amber', rationale: … },
 * //   reasons: ['Amber, overridden from red: Client now safe at refuge', 'Red: …', …] … } }
 * @example overrideAssessment(redAssessment, { band: 'red', rationale: ' ' })
 * // { ok: false, problems: [{ path: 'band', … }, { path: 'rationale', … }] }
 */
export function overrideAssessment(result: Assessment, request: OverrideRequest): OverrideOutcome {
  const problems: Problem[] = [];
  const { band } = request;
  const rationale = typeof request.rationale === 'string' ? request.rationale.trim() : '';
  if (!isBand(band)) problems.push({ path: 'band', message: 'Choose the band: red, amber or green.' });
  else if (band === result.computedBand) {
    problems.push({
      path: 'band',
      message: `The policy already makes this case ${band}; an override must choose another band.`,
    });
  }
  if (!rationale) {
    problems.push({
      path: 'rationale',
      message: 'Say why you are overriding the band: a rationale is required.',
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  const computedReasons = result.override ? result.reasons.slice(1) : result.reasons;
  return {
    ok: true,
    assessment: {
      ...result,
      band,
      override: { band, rationale },
      reasons: [
        `${BAND_LABELS[band]}, overridden from ${result.computedBand}: ${rationale}`,
        ...computedReasons,
      ],
    },
  };
}
