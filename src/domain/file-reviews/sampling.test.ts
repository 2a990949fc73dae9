import { describe, expect, it } from 'vitest';
import { type Period, parsePeriod } from './periods.ts';
import type { RiskFacts } from './risk.ts';
import {
  describeSamplingRule,
  planSample,
  riskTarget,
  type SampleCandidate,
  type SampleInput,
} from './sampling.ts';
import { sampleSeed, seededShuffle } from './seeded-random.ts';

const q4 = parsePeriod('2026-Q4') as Period;
const calm: RiskFacts = {
  band: 'green',
  safeguardingOpen: false,
  vulnerability: 0,
  weight: 1,
  missedKeyDates: 0,
};

const candidate = (caseId: string, risk: Partial<RiskFacts> = {}, dates: Partial<SampleCandidate> = {}) => ({
  caseId,
  openedOn: '2026-09-01',
  closedOn: null,
  risk: { ...calm, ...risk },
  ...dates,
});

const input = (over: Partial<SampleInput> = {}): SampleInput => ({
  period: q4,
  casesPerPractitioner: 2,
  riskShare: 0.5,
  seed: sampleSeed('org', '2026-Q4', 'ari'),
  candidates: [],
  reviewedCaseIds: new Set(),
  existing: { risk: 0, random: 0, manual: 0 },
  ...over,
});

describe('how many are chosen by risk', () => {
  it.each([
    [2, 0.5, 1],
    [1, 0.5, 1],
    [3, 0.5, 2],
    [4, 0.25, 1],
    [5, 0, 0],
    [5, 1, 5],
    [0, 1, 0],
    [3, 0.33, 1],
  ])('%d cases × share %d → %d', (n, share, risk) => {
    expect(riskTarget(n, share)).toBe(risk);
  });
});

describe('sampling one practitioner for one period', () => {
  const cases = [
    candidate('c1'),
    candidate('c2', { band: 'red', safeguardingOpen: true }),
    candidate('c3', { missedKeyDates: 1 }),
    candidate('c4'),
    candidate('c5'),
  ];

  it('takes the riskiest case by risk and one other at random, as the seed predicts', () => {
    const plan = planSample(input({ candidates: cases }));
    expect(plan.chosen).toHaveLength(2);
    const [risk, random] = plan.chosen;
    expect(risk).toMatchObject({ caseId: 'c2', selection: 'risk' });
    expect(risk?.reason).toBe(
      'Chosen by risk, the highest among 5 cases open in October to December 2026 (2026-Q4): ' +
        'risk score 8: red priority; open safeguarding concern.',
    );
    // The random one is the first of the seeded shuffle (in id order) other than c2.
    const predicted = seededShuffle(
      ['c1', 'c2', 'c3', 'c4', 'c5'].map((caseId) => ({ caseId })),
      sampleSeed('org', '2026-Q4', 'ari'),
    ).find((c) => c.caseId !== 'c2')?.caseId;
    expect(random).toMatchObject({ caseId: predicted, selection: 'random' });
    expect(random?.reason).toBe(
      'Chosen at random from 4 cases open in October to December 2026 (2026-Q4) and not yet reviewed.',
    );
    expect(plan).toMatchObject({
      eligible: 5,
      shortfall: 0,
      summary: '2 cases added: 1 by risk, 1 at random.',
    });
  });

  it('gives the same sample whatever order the candidates come in', () => {
    const a = planSample(input({ candidates: cases }));
    const b = planSample(input({ candidates: [...cases].reverse() }));
    expect(b).toEqual(a);
  });

  it('gives another practitioner (another seed) their own random order', () => {
    const many = Array.from({ length: 12 }, (_, i) => candidate(`k${String(i).padStart(2, '0')}`));
    const picks = ['ari', 'bo', 'cy', 'di', 'ed'].map(
      (who) =>
        planSample(input({ candidates: many, riskShare: 0, seed: sampleSeed('org', '2026-Q4', who) }))
          .chosen[0]?.caseId,
    );
    expect(new Set(picks).size).toBeGreaterThan(1);
  });

  it('leaves out cases not open in the period and cases already reviewed in it', () => {
    const plan = planSample(
      input({
        casesPerPractitioner: 5,
        candidates: [
          candidate('old', { band: 'red' }, { openedOn: '2025-01-01', closedOn: '2026-09-30' }),
          candidate('later', { band: 'red' }, { openedOn: '2027-01-02' }),
          candidate('done', { band: 'red' }),
          candidate('closed-in-q4', {}, { openedOn: '2026-01-01', closedOn: '2026-10-01' }),
        ],
        reviewedCaseIds: new Set(['done']),
      }),
    );
    expect(plan.chosen.map((c) => c.caseId)).toEqual(['closed-in-q4']);
    expect(plan.chosen[0]?.selection).toBe('random');
    expect(plan.eligible).toBe(1);
    expect(plan.shortfall).toBe(4);
    expect(plan.summary).toBe(
      '1 case added: 0 by risk, 1 at random; 4 cases short: no other case was open in the period.',
    );
    expect(plan.chosen[0]?.reason).toContain('(too few cases had a risk factor to fill the risk share)');
  });

  it('never chooses a case with no risk factor "by risk"', () => {
    const plan = planSample(input({ riskShare: 1, candidates: [candidate('a'), candidate('b')] }));
    expect(plan.chosen.map((c) => c.selection)).toEqual(['random', 'random']);
  });

  it('tops up: reviews already in the period count towards N, by kind', () => {
    const oneRisk = planSample(input({ candidates: cases, existing: { risk: 1, random: 0, manual: 0 } }));
    expect(oneRisk.chosen.map((c) => c.selection)).toEqual(['random']);
    const oneManual = planSample(input({ candidates: cases, existing: { risk: 0, random: 0, manual: 1 } }));
    expect(oneManual.chosen.map((c) => [c.caseId, c.selection])).toEqual([['c2', 'risk']]);
    const full = planSample(input({ candidates: cases, existing: { risk: 1, random: 1, manual: 0 } }));
    expect(full.chosen).toEqual([]);
    expect(full.summary).toBe('Already has 2 cases to review this period (the rule asks for 2).');
    expect(oneRisk.summary).toBe('1 case added: 0 by risk, 1 at random; 1 was already chosen.');
  });

  it('chooses nothing when the rule asks for none', () => {
    const plan = planSample(input({ casesPerPractitioner: 0, candidates: cases }));
    expect(plan.chosen).toEqual([]);
    expect(plan.summary).toBe('The sampling rule asks for no cases.');
  });

  it('breaks ties of risk by the seeded order, never by id', () => {
    const tied = ['t1', 't2', 't3', 't4', 't5', 't6'].map((id) => candidate(id, { band: 'red' }));
    const seeds = ['ari', 'bo', 'cy', 'di', 'ed', 'fi', 'gu'].map((p) => sampleSeed('org', '2026-Q4', p));
    const firsts = seeds.map(
      (seed) =>
        planSample(input({ candidates: tied, casesPerPractitioner: 1, riskShare: 1, seed })).chosen[0]
          ?.caseId,
    );
    expect(new Set(firsts).size).toBeGreaterThan(1);
    for (const [i, seed] of seeds.entries()) {
      expect(firsts[i]).toBe(seededShuffle(tied, seed)[0]?.caseId);
    }
  });
});

describe('the sampling rule in words', () => {
  it.each([
    [2, 'quarter', 0.5, '2 cases per practitioner per quarter: 1 chosen by risk, 1 at random.'],
    [1, 'month', 0, '1 case per practitioner per month, chosen at random.'],
    [
      3,
      'year',
      1,
      '3 cases per practitioner per year, chosen by risk (at random when too few cases have a risk factor).',
    ],
    [0, 'half-year', 0.5, 'No cases are sampled for file review (0 per practitioner per half-year).'],
  ] as const)('%d per %s, share %d', (n, kind, share, words) => {
    expect(describeSamplingRule(n, kind, share)).toBe(words);
  });
});
