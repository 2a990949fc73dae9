/**
 * Property tests (fast-check) of file-review sampling: whatever the caseload, a sample never
 * repeats a case, never exceeds N, never picks a case that was not open in the period or that a
 * review of the period already covers, is the same every time for the same facts, and running it
 * again only tops up.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays } from '../time/calendar.ts';
import { type Period, parsePeriod } from './periods.ts';
import { riskScore } from './risk.ts';
import { planSample, riskTarget, type SampleCandidate, type SampleInput } from './sampling.ts';

const q4 = parsePeriod('2026-Q4') as Period;

const candidateArb: fc.Arbitrary<SampleCandidate> = fc
  .record({
    caseId: fc.stringMatching(/^[a-f0-9]{1,3}$/),
    opened: fc.integer({ min: -200, max: 120 }),
    length: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
    band: fc.constantFrom('red', 'amber', 'green', null),
    safeguardingOpen: fc.boolean(),
    vulnerability: fc.integer({ min: 0, max: 3 }),
    weight: fc.integer({ min: 50, max: 400 }).map((w) => w / 100),
    missedKeyDates: fc.nat(4),
  })
  .map((r) => {
    const openedOn = addCalendarDays(q4.first, r.opened);
    return {
      caseId: r.caseId,
      openedOn,
      closedOn: r.length === null ? null : addCalendarDays(openedOn, r.length),
      risk: {
        band: r.band,
        safeguardingOpen: r.safeguardingOpen,
        vulnerability: r.vulnerability,
        weight: r.weight,
        missedKeyDates: r.missedKeyDates,
      },
    } satisfies SampleCandidate;
  });

const inputArb: fc.Arbitrary<SampleInput> = fc.record({
  period: fc.constant(q4),
  casesPerPractitioner: fc.integer({ min: 0, max: 8 }),
  riskShare: fc.integer({ min: 0, max: 100 }).map((p) => p / 100),
  seed: fc.string({ maxLength: 12 }),
  candidates: fc.uniqueArray(candidateArb, { selector: (c) => c.caseId, maxLength: 30 }),
  reviewedCaseIds: fc
    .array(fc.stringMatching(/^[a-f0-9]{1,3}$/), { maxLength: 6 })
    .map((ids) => new Set(ids)),
  existing: fc.record({ risk: fc.nat(2), random: fc.nat(2), manual: fc.nat(1) }),
});

const active = (c: SampleCandidate) =>
  c.openedOn <= q4.last && (c.closedOn === null || c.closedOn >= q4.first);

/** The input of a second run after the first one's cases were stored as reviews. */
function afterStoring(input: SampleInput, chosen: ReturnType<typeof planSample>['chosen']): SampleInput {
  const risk = chosen.filter((c) => c.selection === 'risk').length;
  return {
    ...input,
    reviewedCaseIds: new Set([...input.reviewedCaseIds, ...chosen.map((c) => c.caseId)]),
    existing: {
      ...input.existing,
      risk: input.existing.risk + risk,
      random: input.existing.random + chosen.length - risk,
    },
  };
}

describe('file-review sampling, whatever the caseload', () => {
  it('never repeats a case, never exceeds N, and picks only eligible cases', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planSample(input);
        const ids = plan.chosen.map((c) => c.caseId);
        const have = input.existing.risk + input.existing.random + input.existing.manual;
        const needed = Math.max(0, input.casesPerPractitioner - have);
        const eligible = input.candidates.filter((c) => active(c) && !input.reviewedCaseIds.has(c.caseId));
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(Math.min(needed, eligible.length));
        expect(have + ids.length).toBeLessThanOrEqual(Math.max(have, input.casesPerPractitioner));
        for (const id of ids) expect(eligible.map((c) => c.caseId)).toContain(id);
        expect(plan.eligible).toBe(eligible.length);
        expect(plan.shortfall).toBe(needed - ids.length);
      }),
    );
  });

  it('fills the risk share with the riskiest cases and never more', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const plan = planSample(input);
        const byRisk = plan.chosen.filter((c) => c.selection === 'risk');
        const wanted = Math.max(
          0,
          riskTarget(input.casesPerPractitioner, input.riskShare) - input.existing.risk,
        );
        expect(byRisk.length).toBeLessThanOrEqual(wanted);
        for (const c of byRisk) expect(c.risk.score).toBeGreaterThan(0);
        // No case left out had a higher risk score than one chosen by risk.
        const lowest = Math.min(...byRisk.map((c) => c.risk.score));
        const chosen = new Set(plan.chosen.map((c) => c.caseId));
        for (const c of input.candidates) {
          if (!active(c) || input.reviewedCaseIds.has(c.caseId) || chosen.has(c.caseId)) continue;
          if (byRisk.length > 0) expect(riskScore(c.risk).score).toBeLessThanOrEqual(lowest);
        }
      }),
    );
  });

  it('is the same every time for the same facts, in any order', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = { ...input, candidates: [...input.candidates].reverse() };
        expect(planSample(reversed)).toEqual(planSample(input));
      }),
    );
  });

  it('run again, adds nothing once N is reached, and tops up without duplicates when N grows', () => {
    fc.assert(
      fc.property(inputArb, fc.integer({ min: 0, max: 5 }), (input, more) => {
        const first = planSample(input);
        const second = planSample(afterStoring(input, first.chosen));
        const firstIds = new Set(first.chosen.map((c) => c.caseId));
        // Nothing more unless the first run fell short for want of cases (then there are none now either).
        expect(second.chosen).toEqual([]);
        const grown = afterStoring(
          { ...input, casesPerPractitioner: input.casesPerPractitioner + more },
          first.chosen,
        );
        const topUp = planSample(grown);
        for (const c of topUp.chosen) {
          expect(firstIds.has(c.caseId)).toBe(false);
          expect(input.reviewedCaseIds.has(c.caseId)).toBe(false);
        }
        const have =
          input.existing.risk + input.existing.random + input.existing.manual + first.chosen.length;
        expect(have + topUp.chosen.length).toBeLessThanOrEqual(
          Math.max(have, input.casesPerPractitioner + more),
        );
      }),
    );
  });
});
