import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeRisk, type RiskFacts, riskScore } from './risk.ts';

const calm: RiskFacts = {
  band: 'green',
  safeguardingOpen: false,
  vulnerability: 0,
  weight: 1,
  missedKeyDates: 0,
};

describe('the risk score of a case', () => {
  it('is 0 with no reasons for a calm case, and says so', () => {
    expect(riskScore(calm)).toEqual({ score: 0, reasons: [] });
    expect(describeRisk(riskScore(calm))).toBe('risk score 0: no risk factors');
    expect(riskScore({ ...calm, band: null }).score).toBe(0);
  });

  it.each([
    [{ band: 'red' }, 4, ['red priority']],
    [{ band: 'amber' }, 1, ['amber priority']],
    [{ safeguardingOpen: true }, 4, ['open safeguarding concern']],
    [{ vulnerability: 1 }, 0, []],
    [{ vulnerability: 2 }, 2, ['client vulnerability high (2 of 3)']],
    [{ vulnerability: 3 }, 3, ['client vulnerability very high (3 of 3)']],
    [{ missedKeyDates: 1 }, 2, ['1 missed key date']],
    [{ missedKeyDates: 2 }, 4, ['2 missed key dates']],
    [{ missedKeyDates: 5 }, 6, ['5 missed key dates']],
    [{ weight: 2.25 }, 1.25, ['case weight 2.25 (an average case weighs 1)']],
    [{ weight: 0.5 }, 0, []],
  ] as const)('%j scores %d', (facts, score, reasons) => {
    expect(riskScore({ ...calm, ...facts })).toEqual({ score, reasons });
  });

  it('adds the facts up and names them all, in order', () => {
    const r = riskScore({
      band: 'red',
      safeguardingOpen: true,
      vulnerability: 3,
      weight: 1.5,
      missedKeyDates: 2,
    });
    expect(r.score).toBe(4 + 4 + 3 + 4 + 0.5);
    expect(describeRisk(r)).toBe(
      'risk score 15.5: red priority; open safeguarding concern; client vulnerability very high (3 of 3); ' +
        '2 missed key dates; case weight 1.5 (an average case weighs 1)',
    );
  });

  it('never falls when a fact gets worse', () => {
    const facts = fc.record({
      band: fc.constantFrom('red', 'amber', 'green', null),
      safeguardingOpen: fc.boolean(),
      vulnerability: fc.integer({ min: 0, max: 3 }),
      weight: fc.integer({ min: 1, max: 1000 }).map((w) => w / 100),
      missedKeyDates: fc.integer({ min: 0, max: 10 }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const s = riskScore(f as RiskFacts).score;
        expect(riskScore({ ...(f as RiskFacts), safeguardingOpen: true }).score).toBeGreaterThanOrEqual(s);
        expect(
          riskScore({ ...(f as RiskFacts), missedKeyDates: f.missedKeyDates + 1 }).score,
        ).toBeGreaterThanOrEqual(s);
        expect(riskScore({ ...(f as RiskFacts), band: 'red' }).score).toBeGreaterThanOrEqual(s);
        expect(riskScore({ ...(f as RiskFacts), weight: f.weight + 0.5 }).score).toBeGreaterThan(s - 1e-9);
        expect(s).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
