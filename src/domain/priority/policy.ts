/**
 * A priority policy: the criteria an organisation agreed for setting priorities (LSIAG14 8–14),
 * as data an administrator can edit. Each criterion turns one fact about a case into points; the
 * points add up to a score; thresholds turn the score into a red/amber/green band; hard rules can
 * raise the band whatever the score. The urgency × importance quadrant is derived from the key
 * date and the impact.
 *
 * Policies are versioned per organisation; the version number lives with the stored policy, not
 * here. Every policy must pass {@link validatePolicy} before it is saved: its rules (points never
 * fall as a fact gets worse) are what make assessments monotone.
 */
import type { Band, ImpactLevel, VulnerabilityLevel } from './levels.ts';

export { describePolicy } from './describe-policy.ts';
export type { Band, ImpactLevel, VulnerabilityLevel } from './levels.ts';
export { validatePolicy } from './validate-policy.ts';

/** A hard rule can only raise a case; raising to green would do nothing. */
export type RaisedBand = Exclude<Band, 'green'>;

/** Facts a flag criterion or rule can look at. */
export type FlagFact = 'safeguarding';

/** Points when the flag is raised (an open safeguarding concern). */
export interface FlagCriterion {
  readonly key: string;
  readonly kind: 'flag';
  readonly flag: FlagFact;
  readonly points: number;
}

/** Points for each level of client vulnerability (0–3). */
export interface VulnerabilityCriterion {
  readonly key: string;
  readonly kind: 'scale';
  readonly scale: 'vulnerability';
  readonly pointsByLevel: Readonly<Record<VulnerabilityLevel, number>>;
}

/** Points for each level of impact if not actioned. */
export interface ImpactCriterion {
  readonly key: string;
  readonly kind: 'scale';
  readonly scale: 'impact';
  readonly pointsByLevel: Readonly<Record<ImpactLevel, number>>;
}

/**
 * Points by working days to the nearest pending key date: the first band whose
 * `withinWorkingDays` the date is within (a missed date, negative, is within every band) gives its
 * points. Bands run from the nearest date to the furthest.
 */
export interface DeadlineCriterion {
  readonly key: string;
  readonly kind: 'deadline';
  readonly bands: readonly { readonly withinWorkingDays: number; readonly points: number }[];
}

/**
 * Points by the share of the service timescale elapsed since the case last had attention
 * (1 = the whole timescale): the first band the share reaches gives its points. Bands run from
 * the largest share to the smallest.
 */
export interface WaitingCriterion {
  readonly key: string;
  readonly kind: 'waiting';
  readonly bands: readonly { readonly atLeastShare: number; readonly points: number }[];
}

export type Criterion =
  | FlagCriterion
  | VulnerabilityCriterion
  | ImpactCriterion
  | DeadlineCriterion
  | WaitingCriterion;

interface RuleBase {
  readonly key: string;
  /** The band the case is raised to (at least), whatever its score. */
  readonly band: RaisedBand;
}

/**
 * A hard rule: when its condition holds the case's band is at least `band`. Rules only raise a
 * band, never lower it, so a rule cannot undo another rule or a high score.
 */
export type HardRule =
  | (RuleBase & { readonly kind: 'flag'; readonly flag: FlagFact })
  /** A pending key date missed or within this many working days. */
  | (RuleBase & { readonly kind: 'deadline'; readonly withinWorkingDays: number })
  | (RuleBase & {
      readonly kind: 'scale';
      readonly scale: 'vulnerability';
      readonly atLeast: VulnerabilityLevel;
    })
  | (RuleBase & { readonly kind: 'scale'; readonly scale: 'impact'; readonly atLeast: ImpactLevel })
  | (RuleBase & { readonly kind: 'waiting'; readonly atLeastShare: number });

export interface PriorityPolicy {
  readonly criteria: readonly Criterion[];
  readonly rules: readonly HardRule[];
  /** A score of `red` or more is red; of `amber` or more, amber; below, green. */
  readonly thresholds: { readonly red: number; readonly amber: number };
  readonly quadrant: {
    /** Urgent when the nearest pending key date is missed or within this many working days. */
    readonly urgentWithinWorkingDays: number;
    /** Important when the impact if not actioned is this level or worse. */
    readonly importantFromImpact: ImpactLevel;
  };
}

/**
 * Why a policy (or an override) is refused: `path` names the field at fault, dotted as API
 * validation errors name fields ('criteria.3.bands.1.points'), so a service can pass it on as is.
 */
export interface Problem {
  readonly path: string;
  readonly message: string;
}

/**
 * The policy a new organisation starts with, for UK advice work (see {@link describePolicy} for it in
 * words). Safeguarding and imminent deadlines always make a case red;
 * otherwise the score weighs what is at stake for the client (impact), who the client is
 * (vulnerability), how close the next key date is, and how long the case has waited.
 */
export const DEFAULT_PRIORITY_POLICY: PriorityPolicy = {
  criteria: [
    { key: 'safeguarding', kind: 'flag', flag: 'safeguarding', points: 50 },
    {
      key: 'vulnerability',
      kind: 'scale',
      scale: 'vulnerability',
      pointsByLevel: { 0: 0, 1: 10, 2: 20, 3: 30 },
    },
    {
      key: 'impact',
      kind: 'scale',
      scale: 'impact',
      pointsByLevel: {
        none: 0,
        inconvenience: 5,
        'financial-loss': 15,
        'loss-of-income': 25,
        'loss-of-home': 35,
        'risk-to-liberty-or-safety': 45,
      },
    },
    {
      key: 'key-date',
      kind: 'deadline',
      bands: [
        { withinWorkingDays: 2, points: 40 },
        { withinWorkingDays: 5, points: 25 },
        { withinWorkingDays: 10, points: 10 },
      ],
    },
    {
      key: 'waiting',
      kind: 'waiting',
      bands: [
        { atLeastShare: 1, points: 20 },
        { atLeastShare: 0.75, points: 10 },
      ],
    },
  ],
  rules: [
    { key: 'safeguarding-is-red', kind: 'flag', flag: 'safeguarding', band: 'red' },
    { key: 'key-date-near-is-red', kind: 'deadline', withinWorkingDays: 2, band: 'red' },
    { key: 'timescale-passed-is-amber', kind: 'waiting', atLeastShare: 1, band: 'amber' },
  ],
  thresholds: { red: 70, amber: 35 },
  quadrant: { urgentWithinWorkingDays: 5, importantFromImpact: 'financial-loss' },
};
