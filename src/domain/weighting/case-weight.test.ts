import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseWeight, factorApplies, roundWeight, type WeightFacts, type WeightInput } from './case-weight.ts';
import {
  COMPLEXITY_RULE_WORDS,
  COMPLEXITY_RULES,
  type ComplexityFactor,
  type ComplexityRule,
  DEFAULT_COMPLEXITY_FACTORS,
  HIGH_VULNERABILITY,
  manualFactorsProblem,
} from './complexity-factors.ts';

const NO_FACTS: WeightFacts = { vulnerability: 0, interpreterNeeded: false, safeguardingOpen: false };

const input = (
  overrides: Partial<Omit<WeightInput, 'facts'>> & { facts?: Partial<WeightFacts> } = {},
): WeightInput => ({
  baseWeight: overrides.baseWeight ?? 1,
  adjustment: overrides.adjustment ?? 1,
  manualFactorIds: overrides.manualFactorIds ?? [],
  facts: { ...NO_FACTS, ...overrides.facts },
});

const factor = (
  appliesWhen: ComplexityRule,
  overrides: Partial<ComplexityFactor> = {},
): ComplexityFactor => ({
  id: overrides.id ?? `id-${appliesWhen}`,
  key: overrides.key ?? appliesWhen,
  label: overrides.label ?? `Label ${appliesWhen}`,
  multiplier: overrides.multiplier ?? 1.5,
  appliesWhen,
  active: overrides.active ?? true,
});

/** The organisation defaults, with ids named after their keys. */
const DEFAULTS: ComplexityFactor[] = DEFAULT_COMPLEXITY_FACTORS.map((f) => ({
  ...f,
  id: `f-${f.key}`,
  active: true,
}));

describe('factorApplies', () => {
  it('applies a manual factor only when it is ticked on the case', () => {
    const f = factor('manual', { id: 'litigation' });
    expect(factorApplies(f, input())).toBe(false);
    expect(factorApplies(f, input({ manualFactorIds: ['something-else'] }))).toBe(false);
    expect(factorApplies(f, input({ manualFactorIds: ['other', 'litigation'] }))).toBe(true);
  });

  it('applies vulnerability-high from level 2 (significant) and 3 (severe), not 0 or 1', () => {
    const f = factor('vulnerability-high');
    expect(HIGH_VULNERABILITY).toBe(2);
    expect([0, 1, 2, 3].map((v) => factorApplies(f, input({ facts: { vulnerability: v } })))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('applies interpreter-needed when the client needs an interpreter', () => {
    const f = factor('interpreter-needed');
    expect(factorApplies(f, input())).toBe(false);
    expect(factorApplies(f, input({ facts: { interpreterNeeded: true } }))).toBe(true);
  });

  it('applies safeguarding-open when the case has an open safeguarding concern', () => {
    const f = factor('safeguarding-open');
    expect(factorApplies(f, input())).toBe(false);
    expect(factorApplies(f, input({ facts: { safeguardingOpen: true } }))).toBe(true);
  });

  it('never applies an inactive factor, whatever its rule and the facts', () => {
    const everything = input({
      manualFactorIds: COMPLEXITY_RULES.map((r) => `id-${r}`),
      facts: { vulnerability: 3, interpreterNeeded: true, safeguardingOpen: true },
    });
    for (const rule of COMPLEXITY_RULES) {
      expect(factorApplies(factor(rule), everything), rule).toBe(true);
      expect(factorApplies(factor(rule, { active: false }), everything), rule).toBe(false);
    }
  });

  it('does not apply a rule-based factor because its id is ticked (only manual factors are ticked)', () => {
    const f = factor('interpreter-needed', { id: 'interp' });
    expect(factorApplies(f, input({ manualFactorIds: ['interp'] }))).toBe(false);
  });
});

describe('the rules in words', () => {
  it('says what every rule means', () => {
    for (const rule of COMPLEXITY_RULES) expect(COMPLEXITY_RULE_WORDS[rule].length).toBeGreaterThan(20);
    expect(COMPLEXITY_RULE_WORDS['vulnerability-high']).toContain('level 2 or 3');
    expect(COMPLEXITY_RULE_WORDS['interpreter-needed']).toContain('British Sign Language');
  });

  it('ships defaults with unique keys, valid rules and multipliers above 1', () => {
    const keys = DEFAULT_COMPLEXITY_FACTORS.map((f) => f.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const f of DEFAULT_COMPLEXITY_FACTORS) {
      expect(COMPLEXITY_RULES).toContain(f.appliesWhen);
      expect(f.multiplier).toBeGreaterThan(1);
      expect(f.multiplier).toBeLessThanOrEqual(5);
      expect(f.key).toMatch(/^[a-z0-9][a-z0-9-]{0,62}$/);
    }
  });
});

describe('caseWeight', () => {
  it('is the base weight when nothing applies, and says so', () => {
    const w = caseWeight(DEFAULTS, input({ baseWeight: 1.5 }));
    expect(w).toEqual({
      weight: 1.5,
      baseWeight: 1.5,
      adjustment: 1,
      factors: [],
      explanation: 'Base 1.5 = 1.5',
    });
  });

  it('multiplies the base by every factor that applies, in the factors’ order, and explains the sum', () => {
    const w = caseWeight(
      DEFAULTS,
      input({ baseWeight: 2, manualFactorIds: ['f-litigation'], facts: { interpreterNeeded: true } }),
    );
    expect(w.weight).toBe(3.75);
    expect(w.factors.map((f) => f.key)).toEqual(['interpreter', 'litigation']);
    expect(w.factors[0]).toEqual({
      id: 'f-interpreter',
      key: 'interpreter',
      label: 'Interpreter needed',
      multiplier: 1.25,
      appliesWhen: 'interpreter-needed',
    });
    expect(w.explanation).toBe('Base 2 × Interpreter needed 1.25 × Litigation or tribunal 1.5 = 3.75');
  });

  it('applies every kind of factor at once', () => {
    const w = caseWeight(
      DEFAULTS,
      input({
        baseWeight: 1,
        manualFactorIds: ['f-multiple-issues', 'f-litigation'],
        facts: { vulnerability: 3, interpreterNeeded: true, safeguardingOpen: true },
      }),
    );
    // 1.5 × 1.25 × 1.5 × 1.25 × 1.5 = 5.2734375
    expect(w.weight).toBe(5.27);
    expect(w.factors.map((f) => f.key)).toEqual([
      'vulnerability',
      'interpreter',
      'safeguarding',
      'multiple-issues',
      'litigation',
    ]);
    expect(w.explanation).toBe(
      'Base 1 × Client highly vulnerable 1.5 × Interpreter needed 1.25 × Open safeguarding concern 1.5 × ' +
        'Multiple issues 1.25 × Litigation or tribunal 1.5 = 5.27',
    );
  });

  it('includes the case’s own adjustment when it is not 1', () => {
    const w = caseWeight(
      DEFAULTS,
      input({ baseWeight: 1.5, adjustment: 2, facts: { safeguardingOpen: true } }),
    );
    expect(w.weight).toBe(4.5);
    expect(w.adjustment).toBe(2);
    expect(w.explanation).toBe('Base 1.5 × case adjustment 2 × Open safeguarding concern 1.5 = 4.5');
  });

  it('leaves inactive factors out of the weight and the explanation', () => {
    const factors = DEFAULTS.map((f) => (f.key === 'interpreter' ? { ...f, active: false } : f));
    const w = caseWeight(factors, input({ baseWeight: 2, facts: { interpreterNeeded: true } }));
    expect(w.weight).toBe(2);
    expect(w.factors).toEqual([]);
    expect(w.explanation).toBe('Base 2 = 2');
  });

  it('rounds to two decimals, half up, in the weight and the explanation', () => {
    // 1.5 × 1.25 = 1.875 → 1.88
    expect(
      caseWeight(DEFAULTS, input({ baseWeight: 1.5, facts: { interpreterNeeded: true } })),
    ).toMatchObject({
      weight: 1.88,
      explanation: 'Base 1.5 × Interpreter needed 1.25 = 1.88',
    });
    // 1.34 × 0.75 is 1.00499… in floating point, 1.005 exactly: 1.01.
    const lighter = [factor('manual', { id: 'm', label: 'Simple paperwork', multiplier: 0.75 })];
    expect(caseWeight(lighter, input({ baseWeight: 1.34, manualFactorIds: ['m'] })).weight).toBe(1.01);
    // A base with more decimals is shown rounded too.
    const w = caseWeight(lighter, input({ baseWeight: 1.333 }));
    expect(w.explanation).toBe('Base 1.33 = 1.33');
  });

  it('refuses a base weight, adjustment or multiplier that is not a positive number', () => {
    for (const bad of [0, -1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => caseWeight(DEFAULTS, input({ baseWeight: bad }))).toThrow(RangeError);
      expect(() => caseWeight(DEFAULTS, input({ adjustment: bad }))).toThrow(RangeError);
      expect(() => caseWeight([factor('manual', { multiplier: bad })], input())).toThrow(
        /multiplier of manual must be a positive number/,
      );
    }
    expect(() => caseWeight(DEFAULTS, input({ baseWeight: 0 }))).toThrow(
      'baseWeight must be a positive number; got 0.',
    );
  });
});

describe('roundWeight', () => {
  it('rounds half up to two decimals, despite binary floating point', () => {
    expect(roundWeight(1.005)).toBe(1.01);
    expect(roundWeight(1.34 * 0.75)).toBe(1.01);
    expect(roundWeight(2.675)).toBe(2.68);
    expect(roundWeight(1.004)).toBe(1);
    expect(roundWeight(0.1 + 0.2)).toBe(0.3);
    expect(roundWeight(0)).toBe(0);
    expect(roundWeight(123456.789)).toBe(123456.79);
  });
});

describe('properties of case weights', () => {
  const multiplier = fc.integer({ min: 10, max: 500 }).map((n) => n / 100);
  const weightFactor = fc.record({
    id: fc.uuid(),
    key: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
    label: fc.constantFrom('A', 'B', 'C'),
    multiplier,
    appliesWhen: fc.constantFrom(...COMPLEXITY_RULES),
    active: fc.boolean(),
  });
  const weightInput = fc.record({
    baseWeight: fc.integer({ min: 1, max: 99_999 }).map((n) => n / 100),
    adjustment: fc.integer({ min: 50, max: 1000 }).map((n) => n / 100),
    manualFactorIds: fc.array(fc.uuid(), { maxLength: 3 }),
    facts: fc.record({
      vulnerability: fc.integer({ min: 0, max: 3 }),
      interpreterNeeded: fc.boolean(),
      safeguardingOpen: fc.boolean(),
    }),
  });

  it('is the rounded product of base, adjustment and the applied multipliers, and explains it', () => {
    fc.assert(
      fc.property(fc.array(weightFactor, { maxLength: 6 }), weightInput, (factors, i) => {
        const w = caseWeight(factors, i);
        const applied = factors.filter((f) => factorApplies(f, i));
        expect(w.factors.map((f) => f.id)).toEqual(applied.map((f) => f.id));
        const product = applied.reduce((p, f) => p * f.multiplier, i.baseWeight * i.adjustment);
        expect(Math.abs(w.weight - product)).toBeLessThanOrEqual(0.005 + 1e-9 * product);
        expect(w.explanation.endsWith(`= ${w.weight}`)).toBe(true);
        expect(w.explanation.split(' × ')).toHaveLength(1 + applied.length + (i.adjustment === 1 ? 0 : 1));
      }),
    );
  });

  it('never changes when an inactive factor is added, and never falls when a factor above 1 applies', () => {
    fc.assert(
      fc.property(
        fc.array(weightFactor, { maxLength: 4 }),
        weightInput,
        weightFactor,
        (factors, i, extra) => {
          const before = caseWeight(factors, i).weight;
          expect(caseWeight([...factors, { ...extra, active: false }], i).weight).toBe(before);
          const heavier = { ...extra, active: true, appliesWhen: 'manual' as const, multiplier: 1.5 };
          expect(
            caseWeight([...factors, heavier], { ...i, manualFactorIds: [...i.manualFactorIds, heavier.id] })
              .weight,
          ).toBeGreaterThanOrEqual(before);
        },
      ),
    );
  });
});

describe('manualFactorsProblem', () => {
  const litigation = DEFAULTS.find((f) => f.key === 'litigation') as ComplexityFactor;
  const multiple = DEFAULTS.find((f) => f.key === 'multiple-issues') as ComplexityFactor;

  it('accepts active manual factors, and none at all', () => {
    expect(manualFactorsProblem(DEFAULTS, [])).toBeUndefined();
    expect(manualFactorsProblem(DEFAULTS, [litigation.id, multiple.id])).toBeUndefined();
  });

  it('names an unknown id, a rule-based factor, an inactive one and a repeated one', () => {
    expect(manualFactorsProblem(DEFAULTS, ['nope'])).toBe(
      'There is no complexity factor nope in your organisation: choose from the factors the case’s weight lists.',
    );
    expect(manualFactorsProblem(DEFAULTS, ['f-interpreter'])).toBe(
      '“Interpreter needed” applies by itself when the client’s access needs say an interpreter is needed ' +
        '(a spoken-language or a British Sign Language interpreter); only factors ticked by hand can be chosen.',
    );
    const inactive = DEFAULTS.map((f) => (f.id === litigation.id ? { ...f, active: false } : f));
    expect(manualFactorsProblem(inactive, [litigation.id])).toBe(
      '“Litigation or tribunal” is no longer in use: untick it.',
    );
    expect(manualFactorsProblem(DEFAULTS, [litigation.id, litigation.id])).toBe(
      'Give each complexity factor only once.',
    );
  });
});
