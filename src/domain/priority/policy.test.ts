import { describe, expect, it } from 'vitest';
import { describeCriterion, describeRule } from './describe-policy.ts';
import {
  type Criterion,
  DEFAULT_PRIORITY_POLICY,
  describePolicy,
  type HardRule,
  type PriorityPolicy,
  validatePolicy,
} from './policy.ts';

const DEFAULT = DEFAULT_PRIORITY_POLICY;
const withCriterion = (i: number, criterion: unknown): PriorityPolicy => ({
  ...DEFAULT,
  criteria: DEFAULT.criteria.with(i, criterion as Criterion),
});
const withRule = (rule: unknown): PriorityPolicy => ({
  ...DEFAULT,
  rules: [...DEFAULT.rules, rule as HardRule],
});

describe('default priority policy', () => {
  it('is valid', () => {
    expect(validatePolicy(DEFAULT)).toEqual([]);
  });

  it('is described in plain words, one line per part', () => {
    expect(describePolicy(DEFAULT)).toEqual([
      'An open safeguarding concern: 50 points.',
      'Client vulnerability, by level (0 to 3): 0, 10, 20 and 30 points.',
      'Impact if the case is not actioned, by level: no impact 0, inconvenience 5, financial loss 15, loss of income 25, loss of home 35, risk to liberty or safety 45 points.',
      'Nearest pending key date: missed or within 2 working days 40 points, within 5 working days 25, within 10 working days 10; later or none 0.',
      'Time since the case last had attention, as a share of its service timescale: 100% or more 20 points, 75% or more 10; less 0.',
      'Score: 70 or more is red, 35 or more amber, less green.',
      'Whatever the score, an open safeguarding concern makes a case red.',
      'Whatever the score, a pending key date missed or within 2 working days makes a case red.',
      'Whatever the score, a case with 100% or more of its service timescale elapsed since it last had attention is at least amber.',
      'Urgent: a pending key date missed or within 5 working days. Important: an impact of financial loss or worse if the case is not actioned.',
    ]);
  });
});

describe('describing policies', () => {
  it('words deadline bands that start with missed dates only', () => {
    const criterion: Criterion = {
      key: 'k',
      kind: 'deadline',
      bands: [
        { withinWorkingDays: -3, points: 60 },
        { withinWorkingDays: 0, points: 50 },
        { withinWorkingDays: 1, points: 40 },
      ],
    };
    expect(describeCriterion(criterion)).toBe(
      'Nearest pending key date: missed by 3 working days or more 60 points, missed by less or due today 50, within 1 working day 40; later or none 0.',
    );
    expect(
      describeCriterion({ key: 'k', kind: 'deadline', bands: [{ withinWorkingDays: 0, points: 7.5 }] }),
    ).toBe('Nearest pending key date: missed or due today 7.5 points; later or none 0.');
  });

  it('words every kind of rule', () => {
    expect(describeRule({ key: 'a', kind: 'scale', scale: 'vulnerability', atLeast: 3, band: 'amber' })).toBe(
      'client vulnerability 3 or more makes a case at least amber',
    );
    expect(
      describeRule({ key: 'b', kind: 'scale', scale: 'impact', atLeast: 'loss-of-home', band: 'red' }),
    ).toBe('an impact of loss of home or worse makes a case red');
    expect(describeRule({ key: 'c', kind: 'deadline', withinWorkingDays: -1, band: 'red' })).toBe(
      'a pending key date missed by 1 working day or more makes a case red',
    );
    expect(describeRule({ key: 'd', kind: 'waiting', atLeastShare: 1.5, band: 'red' })).toBe(
      'a case with 150% or more of its service timescale elapsed since it last had attention is red',
    );
    expect(describeRule({ key: 'e', kind: 'flag', flag: 'safeguarding', band: 'amber' })).toBe(
      'an open safeguarding concern makes a case at least amber',
    );
  });
});

describe('validatePolicy', () => {
  const problems = (policy: unknown) => validatePolicy(policy as PriorityPolicy);

  it('refuses thresholds out of order or not above 0', () => {
    expect(problems({ ...DEFAULT, thresholds: { red: 30, amber: 35 } })).toEqual([
      {
        path: 'thresholds.red',
        message: 'The red threshold (30) must be higher than the amber threshold (35).',
      },
    ]);
    expect(problems({ ...DEFAULT, thresholds: { red: 35, amber: 35 } }).map((p) => p.path)).toEqual([
      'thresholds.red',
    ]);
    expect(problems({ ...DEFAULT, thresholds: { red: 10, amber: 0 } })).toEqual([
      {
        path: 'thresholds.amber',
        message: 'Give the amber threshold as a score above 0 (at 0 no case could be green).',
      },
    ]);
    expect(problems({ ...DEFAULT, thresholds: { red: Number.NaN, amber: 10 } }).map((p) => p.path)).toEqual([
      'thresholds.red',
    ]);
    expect(problems({ ...DEFAULT, thresholds: undefined }).map((p) => p.path)).toEqual([
      'thresholds.amber',
      'thresholds.red',
    ]);
  });

  it('refuses negative or missing points, naming the field', () => {
    expect(problems(withCriterion(0, { ...DEFAULT.criteria[0], points: -5 }))).toEqual([
      { path: 'criteria.0.points', message: 'Points cannot be negative (-5); use 0 for no points.' },
    ]);
    expect(problems(withCriterion(0, { ...DEFAULT.criteria[0], points: '5' }))).toEqual([
      { path: 'criteria.0.points', message: 'Give the points as a number, 0 or more.' },
    ]);
    expect(
      problems(
        withCriterion(1, {
          key: 'vulnerability',
          kind: 'scale',
          scale: 'vulnerability',
          pointsByLevel: { 0: 0, 1: 10, 3: 30 },
        }),
      ),
    ).toEqual([{ path: 'criteria.1.pointsByLevel.2', message: 'Give the points for vulnerability 2.' }]);
    expect(
      problems(withCriterion(1, { key: 'vulnerability', kind: 'scale', scale: 'vulnerability' })).map(
        (p) => p.path,
      ),
    ).toEqual(['criteria.1.pointsByLevel']);
  });

  it('refuses a scale whose points fall as the level rises', () => {
    const impact = DEFAULT.criteria[2] as Criterion & { kind: 'scale'; scale: 'impact' };
    expect(
      problems(
        withCriterion(2, { ...impact, pointsByLevel: { ...impact.pointsByLevel, 'loss-of-home': 20 } }),
      ),
    ).toEqual([
      {
        path: 'criteria.2.pointsByLevel.loss-of-home',
        message:
          'Impact "loss of home" scores fewer points (20) than impact "loss of income" (25); a more serious level must score at least as many.',
      },
    ]);
    const vulnerability = {
      key: 'vulnerability',
      kind: 'scale',
      scale: 'vulnerability',
      pointsByLevel: { 0: 0, 1: 20, 2: 10, 3: 30 },
    };
    expect(problems(withCriterion(1, vulnerability))).toEqual([
      {
        path: 'criteria.1.pointsByLevel.2',
        message:
          'Vulnerability 2 scores fewer points (10) than vulnerability 1 (20); a more serious level must score at least as many.',
      },
    ]);
  });

  it('refuses deadline bands out of order, repeated, fractional, or scoring more for a later date', () => {
    const deadline = (bands: unknown) => withCriterion(3, { key: 'key-date', kind: 'deadline', bands });
    expect(
      problems(
        deadline([
          { withinWorkingDays: 5, points: 25 },
          { withinWorkingDays: 2, points: 40 },
        ]),
      ),
    ).toEqual([
      {
        path: 'criteria.3.bands.1.withinWorkingDays',
        message:
          'List the bands from the nearest date to the furthest: within 2 working days must come before within 5 working days.',
      },
    ]);
    expect(
      problems(
        deadline([
          { withinWorkingDays: 5, points: 25 },
          { withinWorkingDays: 5, points: 20 },
        ]),
      ),
    ).toEqual([
      {
        path: 'criteria.3.bands.1.withinWorkingDays',
        message: 'Within 5 working days is listed twice; list each band once.',
      },
    ]);
    expect(
      problems(
        deadline([
          { withinWorkingDays: 1, points: 25 },
          { withinWorkingDays: 5, points: 30 },
        ]),
      ),
    ).toEqual([
      {
        path: 'criteria.3.bands.1.points',
        message:
          'Within 5 working days scores more points (30) than within 1 working day (25); a nearer date must score at least as many.',
      },
    ]);
    expect(problems(deadline([{ withinWorkingDays: 2.5, points: 25 }])).map((p) => p.path)).toEqual([
      'criteria.3.bands.0.withinWorkingDays',
    ]);
    expect(problems(deadline([]))).toEqual([
      { path: 'criteria.3.bands', message: 'Give at least one band, e.g. within 2 working days: 40 points.' },
    ]);
  });

  it('refuses waiting bands out of order, repeated, not above 0, or scoring more for a shorter wait', () => {
    const waiting = (bands: unknown) => withCriterion(4, { key: 'waiting', kind: 'waiting', bands });
    expect(
      problems(
        waiting([
          { atLeastShare: 0.75, points: 10 },
          { atLeastShare: 1, points: 20 },
        ]),
      ),
    ).toEqual([
      {
        path: 'criteria.4.bands.1.atLeastShare',
        message: 'List the bands from the longest wait to the shortest: 100% must come before 75%.',
      },
    ]);
    expect(
      problems(
        waiting([
          { atLeastShare: 1, points: 10 },
          { atLeastShare: 0.5, points: 20 },
        ]),
      ),
    ).toEqual([
      {
        path: 'criteria.4.bands.1.points',
        message:
          '50% of the timescale scores more points (20) than 100% (10); a longer wait must score at least as many.',
      },
    ]);
    expect(
      problems(
        waiting([
          { atLeastShare: 1, points: 10 },
          { atLeastShare: 1, points: 5 },
        ]),
      ).map((p) => p.message),
    ).toEqual(['100% is listed twice; list each band once.']);
    expect(problems(waiting([{ atLeastShare: 0, points: 10 }]))).toEqual([
      {
        path: 'criteria.4.bands.0.atLeastShare',
        message: 'Give the share of the service timescale as a number above 0 (1 is the whole timescale).',
      },
    ]);
    expect(problems(waiting(undefined)).map((p) => p.path)).toEqual(['criteria.4.bands']);
  });

  it('refuses duplicate keys, badly formed keys and a fact scored twice', () => {
    expect(
      problems({
        ...DEFAULT,
        criteria: [...DEFAULT.criteria, { ...DEFAULT.criteria[1], key: 'vulnerability-again' }],
      }),
    ).toEqual([
      {
        path: 'criteria.5',
        message: 'Client vulnerability is already scored by criteria.1; score each fact once.',
      },
    ]);
    expect(problems(withRule({ key: 'impact', kind: 'flag', flag: 'safeguarding', band: 'red' }))).toEqual([
      {
        path: 'rules.3.key',
        message: 'The key "impact" is already used by criteria.2; give each criterion and rule its own key.',
      },
    ]);
    expect(problems(withCriterion(0, { ...DEFAULT.criteria[0], key: 'Safe Guarding' }))).toEqual([
      {
        path: 'criteria.0.key',
        message:
          'Use a key of lower-case letters, digits and hyphens that starts with a letter, e.g. "key-date".',
      },
    ]);
  });

  it('refuses unknown kinds, flags and scales', () => {
    expect(problems(withCriterion(0, { key: 'x', kind: 'mood' }))).toEqual([
      {
        path: 'criteria.0.kind',
        message: 'Unknown kind of criterion; use flag, scale, deadline or waiting.',
      },
    ]);
    expect(
      problems(withCriterion(0, { key: 'x', kind: 'flag', flag: 'debt', points: 3 })).map((p) => p.path),
    ).toEqual(['criteria.0.flag']);
    expect(
      problems(withCriterion(1, { key: 'x', kind: 'scale', scale: 'mood', pointsByLevel: {} })).map(
        (p) => p.path,
      ),
    ).toEqual(['criteria.1.scale']);
    expect(problems(withRule({ key: 'x', kind: 'mood', band: 'red' })).map((p) => p.path)).toEqual([
      'rules.3.kind',
    ]);
  });

  it('refuses rules that would do nothing or catch every case', () => {
    expect(problems(withRule({ key: 'x', kind: 'flag', flag: 'safeguarding', band: 'green' }))).toEqual([
      {
        path: 'rules.3.band',
        message: 'A rule raises a case to "red" or "amber" (raising to green would change nothing).',
      },
    ]);
    expect(
      problems(withRule({ key: 'x', kind: 'scale', scale: 'vulnerability', atLeast: 0, band: 'amber' })),
    ).toEqual([
      {
        path: 'rules.3.atLeast',
        message: 'Give a vulnerability level from 1 to 3; at 0 this rule would apply to every case.',
      },
    ]);
    expect(
      problems(withRule({ key: 'x', kind: 'scale', scale: 'impact', atLeast: 'none', band: 'amber' })).map(
        (p) => p.path,
      ),
    ).toEqual(['rules.3.atLeast']);
    expect(
      problems(withRule({ key: 'x', kind: 'scale', scale: 'impact', atLeast: 'ruin', band: 'amber' })),
    ).toEqual([
      {
        path: 'rules.3.atLeast',
        message:
          'Give one of: inconvenience, financial-loss, loss-of-income, loss-of-home, risk-to-liberty-or-safety.',
      },
    ]);
    expect(
      problems(withRule({ key: 'x', kind: 'scale', scale: 'vulnerability', atLeast: 4, band: 'red' })).map(
        (p) => p.path,
      ),
    ).toEqual(['rules.3.atLeast']);
    expect(
      problems(withRule({ key: 'x', kind: 'deadline', withinWorkingDays: 1.5, band: 'red' })).map(
        (p) => p.path,
      ),
    ).toEqual(['rules.3.withinWorkingDays']);
    expect(
      problems(withRule({ key: 'x', kind: 'waiting', atLeastShare: -1, band: 'red' })).map((p) => p.path),
    ).toEqual(['rules.3.atLeastShare']);
  });

  it('refuses a quadrant that cannot be worked out', () => {
    expect(
      problems({ ...DEFAULT, quadrant: { urgentWithinWorkingDays: -1, importantFromImpact: 'none' } }),
    ).toEqual([
      {
        path: 'quadrant.urgentWithinWorkingDays',
        message: 'Give a whole number of working days, 0 or more.',
      },
      {
        path: 'quadrant.importantFromImpact',
        message:
          'Give one of: inconvenience, financial-loss, loss-of-income, loss-of-home, risk-to-liberty-or-safety; at "none" every case would be important.',
      },
    ]);
  });

  it('refuses a policy without criteria or rules list, and a non-policy', () => {
    expect(problems({ ...DEFAULT, criteria: [] })).toEqual([
      { path: 'criteria', message: 'Give at least one criterion; without any, every case scores 0.' },
    ]);
    expect(problems({ ...DEFAULT, rules: undefined }).map((p) => p.path)).toEqual(['rules']);
    expect(problems(null)).toEqual([
      { path: 'policy', message: 'Give the policy: criteria, rules, thresholds and quadrant.' },
    ]);
  });

  it('accepts a policy without rules or with only some criteria', () => {
    expect(problems({ ...DEFAULT, rules: [], criteria: DEFAULT.criteria.slice(2, 3) })).toEqual([]);
  });
});
