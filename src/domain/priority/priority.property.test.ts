/**
 * Properties of policies and assessments, over the default policy and over any valid policy
 * fast-check can build: monotone in every criterion, hard rules win, deterministic, bands follow
 * the thresholds, and validatePolicy names what is broken.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AssessmentInputs, assess, bandOfScore } from './assess.ts';
import {
  bandRank,
  IMPACT_LEVELS,
  type ImpactLevel,
  impactRank,
  VULNERABILITY_LEVELS,
  type VulnerabilityLevel,
} from './levels.ts';
import {
  type Criterion,
  DEFAULT_PRIORITY_POLICY,
  type HardRule,
  type PriorityPolicy,
  validatePolicy,
} from './policy.ts';

const points = fc.integer({ min: 0, max: 60 });
const descending = (n: number) =>
  fc.array(points, { minLength: n, maxLength: n }).map((a) => a.sort((x, y) => y - x));
const ascending = (n: number) => descending(n).map((a) => a.reverse());
const raisedBand = fc.constantFrom('red' as const, 'amber' as const);

const flagCriterion: fc.Arbitrary<Criterion> = points.map((p) => ({
  key: 'safeguarding',
  kind: 'flag' as const,
  flag: 'safeguarding' as const,
  points: p,
}));
const vulnerabilityCriterion: fc.Arbitrary<Criterion> = ascending(4).map(([a = 0, b = 0, c = 0, d = 0]) => ({
  key: 'vulnerability',
  kind: 'scale' as const,
  scale: 'vulnerability' as const,
  pointsByLevel: { 0: a, 1: b, 2: c, 3: d },
}));
const impactCriterion: fc.Arbitrary<Criterion> = ascending(IMPACT_LEVELS.length).map((list) => ({
  key: 'impact',
  kind: 'scale' as const,
  scale: 'impact' as const,
  pointsByLevel: Object.fromEntries(IMPACT_LEVELS.map((level, i) => [level, list[i] ?? 0])) as Record<
    ImpactLevel,
    number
  >,
}));
const deadlineCriterion: fc.Arbitrary<Criterion> = fc
  .uniqueArray(fc.integer({ min: -5, max: 30 }), { minLength: 1, maxLength: 5 })
  .chain((days) =>
    descending(days.length).map((p) => ({
      key: 'key-date',
      kind: 'deadline' as const,
      bands: days.sort((a, b) => a - b).map((d, i) => ({ withinWorkingDays: d, points: p[i] ?? 0 })),
    })),
  );
const waitingCriterion: fc.Arbitrary<Criterion> = fc
  .uniqueArray(fc.integer({ min: 1, max: 300 }), { minLength: 1, maxLength: 4 })
  .chain((shares) =>
    descending(shares.length).map((p) => ({
      key: 'waiting',
      kind: 'waiting' as const,
      bands: shares.sort((a, b) => b - a).map((s, i) => ({ atLeastShare: s / 100, points: p[i] ?? 0 })),
    })),
  );

const rule: fc.Arbitrary<Omit<HardRule, 'key'>> = fc.oneof(
  fc.record({
    kind: fc.constant('flag' as const),
    flag: fc.constant('safeguarding' as const),
    band: raisedBand,
  }),
  fc.record({
    kind: fc.constant('deadline' as const),
    withinWorkingDays: fc.integer({ min: -5, max: 30 }),
    band: raisedBand,
  }),
  fc.record({
    kind: fc.constant('scale' as const),
    scale: fc.constant('vulnerability' as const),
    atLeast: fc.constantFrom(1 as const, 2 as const, 3 as const),
    band: raisedBand,
  }),
  fc.record({
    kind: fc.constant('scale' as const),
    scale: fc.constant('impact' as const),
    atLeast: fc.constantFrom(...IMPACT_LEVELS.slice(1)),
    band: raisedBand,
  }),
  fc.record({
    kind: fc.constant('waiting' as const),
    atLeastShare: fc.integer({ min: 1, max: 300 }).map((s) => s / 100),
    band: raisedBand,
  }),
);

/** Any valid policy: every fact scored at most once, sorted bands, points never falling. */
const anyPolicy: fc.Arbitrary<PriorityPolicy> = fc.record({
  criteria: fc
    .tuple(flagCriterion, vulnerabilityCriterion, impactCriterion, deadlineCriterion, waitingCriterion)
    .chain((all) => fc.shuffledSubarray(all, { minLength: 1 })),
  rules: fc
    .array(rule, { maxLength: 4 })
    .map((rules) => rules.map((r, i) => ({ ...r, key: `rule-${i}` }) as HardRule)),
  thresholds: fc
    .tuple(fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 150 }))
    .map(([amber, gap]) => ({ amber, red: amber + gap })),
  quadrant: fc.record({
    urgentWithinWorkingDays: fc.integer({ min: 0, max: 20 }),
    importantFromImpact: fc.constantFrom(...IMPACT_LEVELS.slice(1)),
  }),
});
const policies = fc.oneof(fc.constant(DEFAULT_PRIORITY_POLICY), anyPolicy);

const instant = fc.date({
  min: new Date('2020-01-01T00:00:00Z'),
  max: new Date('2030-12-31T23:59:59Z'),
  noInvalidDate: true,
});
const keyDate = fc.record({
  date: instant.map((d) => d.toISOString().slice(0, 10)),
  label: fc.constantFrom('tribunal appeal deadline', 'possession hearing', ''),
  workingDaysAway: fc.integer({ min: -30, max: 60 }),
});
const share = fc.double({ min: 0, max: 3, noNaN: true });
const inputs: fc.Arbitrary<AssessmentInputs> = fc.record({
  safeguarding: fc.option(fc.record({ raisedAt: instant }), { nil: null }),
  vulnerability: fc.constantFrom(...VULNERABILITY_LEVELS),
  impact: fc.constantFrom(...IMPACT_LEVELS),
  nearestKeyDate: fc.option(keyDate, { nil: null }),
  timescaleElapsedShare: fc.option(share, { nil: null }),
  lastAttentionDaysAgo: fc.option(fc.nat({ max: 400 }), { nil: null }),
});
const NOW = new Date('2026-11-26T09:00:00Z');

/** The worse case never scores less, nor gets a lower band, nor a less urgent or important quadrant. */
function expectNoBetter(policy: PriorityPolicy, better: AssessmentInputs, worse: AssessmentInputs): void {
  const [b, w] = [assess(better, policy, NOW), assess(worse, policy, NOW)];
  expect(w.score).toBeGreaterThanOrEqual(b.score);
  expect(bandRank(w.band)).toBeGreaterThanOrEqual(bandRank(b.band));
  if (b.quadrant.startsWith('urgent')) expect(w.quadrant.startsWith('urgent')).toBe(true);
  if (b.quadrant.includes('and-important') || b.quadrant.startsWith('important')) {
    expect(w.quadrant === 'urgent-and-important' || w.quadrant === 'important-not-urgent').toBe(true);
  }
}

describe('validatePolicy over generated policies', () => {
  it('accepts every policy the generator builds (and the default)', () => {
    fc.assert(
      fc.property(policies, (policy) => {
        expect(validatePolicy(policy)).toEqual([]);
      }),
    );
  });

  it('names a negative point value by its path', () => {
    fc.assert(
      fc.property(anyPolicy, fc.nat(), fc.integer({ min: -50, max: -1 }), (policy, pick, negative) => {
        const i = pick % policy.criteria.length;
        const [criterion, path] = withNegativePoints(policy.criteria[i] as Criterion, negative, pick);
        const broken = { ...policy, criteria: policy.criteria.map((c, j) => (j === i ? criterion : c)) };
        expect(validatePolicy(broken).map((p) => p.path)).toContain(`criteria.${i}.${path}`);
      }),
    );
  });

  it('names bands listed out of order', () => {
    fc.assert(
      fc.property(anyPolicy, (policy) => {
        const i = policy.criteria.findIndex(
          (c) => (c.kind === 'deadline' || c.kind === 'waiting') && c.bands.length > 1,
        );
        fc.pre(i >= 0);
        const c = policy.criteria[i] as Criterion & { bands: readonly unknown[] };
        const broken = {
          ...policy,
          criteria: policy.criteria.with(i, { ...c, bands: [...c.bands].reverse() } as Criterion),
        };
        const field = c.kind === 'deadline' ? 'withinWorkingDays' : 'atLeastShare';
        expect(validatePolicy(broken).map((p) => p.path)).toContain(`criteria.${i}.bands.1.${field}`);
      }),
    );
  });

  it('names thresholds out of order, duplicate keys, green rules and a bad quadrant', () => {
    fc.assert(
      fc.property(anyPolicy, fc.nat({ max: 100 }), (policy, gap) => {
        const paths = (p: PriorityPolicy) => validatePolicy(p).map((problem) => problem.path);
        const { amber } = policy.thresholds;
        expect(paths({ ...policy, thresholds: { amber, red: amber - gap } })).toEqual(['thresholds.red']);
        expect(paths({ ...policy, thresholds: { amber: -gap, red: 10 } })).toContain('thresholds.amber');
        const first = policy.criteria[0] as Criterion;
        const n = policy.criteria.length;
        expect(paths({ ...policy, criteria: [...policy.criteria, first] })).toEqual([
          `criteria.${n}.key`,
          `criteria.${n}`,
        ]);
        const greenRule = {
          key: 'green',
          kind: 'flag',
          flag: 'safeguarding',
          band: 'green',
        } as unknown as HardRule;
        expect(paths({ ...policy, rules: [...policy.rules, greenRule] })).toEqual([
          `rules.${policy.rules.length}.band`,
        ]);
        const quadrant = { urgentWithinWorkingDays: -1 - gap, importantFromImpact: 'none' as const };
        expect(paths({ ...policy, quadrant })).toEqual([
          'quadrant.urgentWithinWorkingDays',
          'quadrant.importantFromImpact',
        ]);
      }),
    );
  });
});

function withNegativePoints(criterion: Criterion, negative: number, pick: number): [Criterion, string] {
  switch (criterion.kind) {
    case 'flag':
      return [{ ...criterion, points: negative }, 'points'];
    case 'scale': {
      const levels = criterion.scale === 'vulnerability' ? VULNERABILITY_LEVELS : IMPACT_LEVELS;
      const level = levels[pick % levels.length];
      return [
        {
          ...criterion,
          pointsByLevel: { ...criterion.pointsByLevel, [String(level)]: negative },
        } as Criterion,
        `pointsByLevel.${level}`,
      ];
    }
    case 'deadline':
    case 'waiting': {
      const b = pick % criterion.bands.length;
      const bands = criterion.bands.map((band, j) => (j === b ? { ...band, points: negative } : band));
      return [{ ...criterion, bands } as Criterion, `bands.${b}.points`];
    }
  }
}

describe('assess: monotone in every criterion', () => {
  it('an open safeguarding concern never lowers the score or band', () => {
    fc.assert(
      fc.property(policies, inputs, instant, (policy, facts, raisedAt) => {
        expectNoBetter(policy, { ...facts, safeguarding: null }, { ...facts, safeguarding: { raisedAt } });
      }),
    );
  });

  it('more vulnerability never lowers the score or band', () => {
    fc.assert(
      fc.property(policies, inputs, fc.constantFrom(...VULNERABILITY_LEVELS), (policy, facts, other) => {
        const [low, high] = [
          Math.min(facts.vulnerability, other),
          Math.max(facts.vulnerability, other),
        ] as const;
        expectNoBetter(
          policy,
          { ...facts, vulnerability: low as VulnerabilityLevel },
          { ...facts, vulnerability: high as VulnerabilityLevel },
        );
      }),
    );
  });

  it('a more serious impact never lowers the score or band', () => {
    fc.assert(
      fc.property(policies, inputs, fc.constantFrom(...IMPACT_LEVELS), (policy, facts, other) => {
        const [low, high] =
          impactRank(other) < impactRank(facts.impact) ? [other, facts.impact] : [facts.impact, other];
        expectNoBetter(policy, { ...facts, impact: low }, { ...facts, impact: high });
      }),
    );
  });

  it('fewer working days to the key date (or a key date at all) never lowers the score or band', () => {
    fc.assert(
      fc.property(policies, inputs, keyDate, fc.nat({ max: 40 }), (policy, facts, date, fewer) => {
        const nearer = { ...date, workingDaysAway: date.workingDaysAway - fewer };
        expectNoBetter(policy, { ...facts, nearestKeyDate: date }, { ...facts, nearestKeyDate: nearer });
        expectNoBetter(policy, { ...facts, nearestKeyDate: null }, { ...facts, nearestKeyDate: date });
      }),
    );
  });

  it('a larger share of the timescale elapsed (or a timescale at all) never lowers the score or band', () => {
    fc.assert(
      fc.property(policies, inputs, share, share, (policy, facts, a, b) => {
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        expectNoBetter(
          policy,
          { ...facts, timescaleElapsedShare: low },
          { ...facts, timescaleElapsedShare: high },
        );
        expectNoBetter(
          policy,
          { ...facts, timescaleElapsedShare: null },
          { ...facts, timescaleElapsedShare: low },
        );
      }),
    );
  });
});

describe('assess: hard rules win', () => {
  it('an open safeguarding concern is red under the default policy, whatever else', () => {
    fc.assert(
      fc.property(inputs, instant, (facts, raisedAt) => {
        const result = assess({ ...facts, safeguarding: { raisedAt } }, DEFAULT_PRIORITY_POLICY, NOW);
        expect(result.band).toBe('red');
        expect(result.forcedBy).toBe('safeguarding-is-red');
        expect(result.reasons[0]).toMatch(/^Red: safeguarding concern raised /);
      }),
    );
  });

  it('under any policy, the band is at least every fired rule’s band, and forcedBy names a rule at that band', () => {
    fc.assert(
      fc.property(policies, inputs, (policy, facts) => {
        const result = assess(facts, policy, NOW);
        for (const fired of result.rulesFired)
          expect(bandRank(result.band)).toBeGreaterThanOrEqual(bandRank(fired.band));
        const atBand = result.rulesFired.find((fired) => fired.band === result.band);
        expect(result.forcedBy).toBe(atBand?.rule);
        expect(bandRank(result.band)).toBeGreaterThanOrEqual(bandRank(result.scoreBand));
      }),
    );
  });
});

describe('assess: consistent and deterministic', () => {
  it('gives the band of the thresholds when no rule fires, and the score is the sum of contributions', () => {
    fc.assert(
      fc.property(policies, inputs, (policy, facts) => {
        const result = assess(facts, policy, NOW);
        expect(result.contributions.map((c) => c.criterion)).toEqual(policy.criteria.map((c) => c.key));
        expect(result.score).toBe(result.contributions.reduce((sum, c) => sum + c.points, 0));
        const { red, amber } = policy.thresholds;
        const expected = result.score >= red ? 'red' : result.score >= amber ? 'amber' : 'green';
        expect(result.scoreBand).toBe(expected);
        expect(bandOfScore(result.score, policy.thresholds)).toBe(expected);
        if (result.rulesFired.length === 0) {
          expect(result.band).toBe(expected);
          expect(result.forcedBy).toBeUndefined();
        }
        expect(result.computedBand).toBe(result.band);
      }),
    );
  });

  it('reaches a band at exactly its threshold, and not just below it', () => {
    fc.assert(
      fc.property(policies, inputs, fc.integer({ min: 1, max: 50 }), (policy, facts, gap) => {
        const { score } = assess(facts, policy, NOW);
        fc.pre(score > 1);
        const at = (thresholds: PriorityPolicy['thresholds']) =>
          assess(facts, { ...policy, thresholds }, NOW).scoreBand;
        expect(at({ amber: score, red: score + gap })).toBe('amber');
        expect(at({ amber: score + 0.5, red: score + gap })).toBe('green');
        expect(at({ amber: score / 2, red: score })).toBe('red');
        expect(at({ amber: score / 2, red: score + 0.5 })).toBe('amber');
      }),
    );
  });

  it('gives the same result for the same inputs (and copies of them)', () => {
    fc.assert(
      fc.property(policies, inputs, instant, (policy, facts, now) => {
        const first = assess(facts, policy, now);
        expect(assess(facts, policy, now)).toEqual(first);
        expect(assess(structuredClone(facts), structuredClone(policy), new Date(now.getTime()))).toEqual(
          first,
        );
      }),
    );
  });

  it('uses now only for the year shown in dates', () => {
    fc.assert(
      fc.property(policies, inputs, instant, instant, (policy, facts, now1, now2) => {
        const [a, b] = [assess(facts, policy, now1), assess(facts, policy, now2)];
        const { reasons: _ra, contributions: ca, rulesFired: fa, ...restA } = a;
        const { reasons: _rb, contributions: cb, rulesFired: fb, ...restB } = b;
        expect(restB).toEqual(restA);
        expect(cb.map((c) => [c.criterion, c.points])).toEqual(ca.map((c) => [c.criterion, c.points]));
        expect(fb.map((f) => [f.rule, f.band])).toEqual(fa.map((f) => [f.rule, f.band]));
        const sameYear = (d: Date) =>
          new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric' }).format(d);
        if (sameYear(now1) === sameYear(now2)) expect(b).toEqual(a);
      }),
    );
  });
});
