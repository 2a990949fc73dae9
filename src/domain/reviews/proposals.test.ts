import { describe, expect, it } from 'vitest';
import { capacityStatus } from '../weighting/capacity.ts';
import {
  countReasons,
  overTimescaleReason,
  proposeCases,
  type ReviewCandidate,
  reallocationCandidates,
  redReason,
} from './proposals.ts';

const TODAY = '2026-11-26';

/** A quiet green case: attended yesterday, well within every timescale. */
function candidate(overrides: Partial<ReviewCandidate> & { caseId: string }): ReviewCandidate {
  return {
    reference: `CL-2026-${overrides.caseId.padStart(6, '0')}`,
    band: 'green',
    status: 'open',
    workingDaysSinceAttention: 1,
    attendedBefore: true,
    reviewTimescaleWorkingDays: 20,
    attention: { kind: 'review', status: 'within', dueDate: '2026-12-23', workingDays: 20 },
    resolution: { status: 'within', dueDate: '2027-03-01', workingDays: 90 },
    weight: 1,
    ...overrides,
  };
}

const settings = { today: TODAY, stalledAfterDays: 10, capacity: null };

describe('proposeCases', () => {
  it('proposes nothing for a quiet caseload', () => {
    expect(proposeCases([candidate({ caseId: '1' }), candidate({ caseId: '2' })], settings)).toEqual([]);
  });

  it('proposes a red case, saying so', () => {
    expect(proposeCases([candidate({ caseId: '1', band: 'red' })], settings)).toEqual([
      {
        caseId: '1',
        reference: 'CL-2026-000001',
        band: 'red',
        reasons: [{ kind: 'red', reason: 'Red priority band.' }],
      },
    ]);
  });

  it('proposes a stalled case from the organisation’s number of working days, never one on hold', () => {
    const stalled = candidate({ caseId: '1', workingDaysSinceAttention: 10 });
    const notYet = candidate({ caseId: '2', workingDaysSinceAttention: 9 });
    const onHold = candidate({ caseId: '3', status: 'on_hold', workingDaysSinceAttention: 40 });
    const result = proposeCases([stalled, notYet, onHold], settings);
    // On hold is paused on purpose: neither stalled nor at risk of neglect, however long.
    expect(result.map((p) => p.caseId)).toEqual(['1']);
    expect(result[0]?.reasons).toEqual([
      { kind: 'stalled', reason: 'No attention for 10 working days (stalled after 10).' },
    ]);
  });

  it('uses the organisation’s stalled threshold', () => {
    const c = candidate({ caseId: '1', workingDaysSinceAttention: 4 });
    expect(proposeCases([c], { ...settings, stalledAfterDays: 5 })).toEqual([]);
    expect(proposeCases([c], { ...settings, stalledAfterDays: 4 })[0]?.reasons[0]?.kind).toBe('stalled');
  });

  it('proposes a case at risk of neglect from 75% of its review timescale, with neglect’s words', () => {
    const atRisk = candidate({ caseId: '1', workingDaysSinceAttention: 8, reviewTimescaleWorkingDays: 10 });
    const fine = candidate({ caseId: '2', workingDaysSinceAttention: 7, reviewTimescaleWorkingDays: 10 });
    const result = proposeCases([atRisk, fine], { ...settings, stalledAfterDays: 20 });
    expect(result).toHaveLength(1);
    expect(result[0]?.reasons).toEqual([
      {
        kind: 'neglected',
        reason:
          '80% of its review timescale of 10 working days has gone: no attention for 8 working days; review due within 2 working days.',
      },
    ]);
  });

  it('takes a different neglect threshold when given one', () => {
    const c = candidate({ caseId: '1', workingDaysSinceAttention: 5, reviewTimescaleWorkingDays: 10 });
    expect(proposeCases([c], { ...settings, neglectThreshold: 0.5 })[0]?.reasons[0]?.kind).toBe('neglected');
    expect(() => proposeCases([c], { ...settings, neglectThreshold: 0 })).toThrow(RangeError);
  });

  it('proposes a case over its timescale as the worklist computed it', () => {
    const firstContact = candidate({
      caseId: '1',
      workingDaysSinceAttention: 3,
      attention: { kind: 'first-contact', status: 'breached', dueDate: '2026-11-03', workingDays: 1 },
    });
    const [p] = proposeCases([firstContact], settings);
    expect(p?.reasons).toEqual([
      {
        kind: 'over-timescale',
        reason: 'First contact overdue: due within 1 working day of opening, by Tue 3 Nov.',
      },
    ]);
    // "near" is not a breach.
    const near = candidate({
      caseId: '2',
      attention: { kind: 'review', status: 'near', dueDate: '2026-11-27', workingDays: 5 },
    });
    expect(proposeCases([near], settings)).toEqual([]);
  });

  it('says every breached timescale of a case in one over-timescale reason', () => {
    const c = candidate({
      caseId: '1',
      attention: { kind: 'review', status: 'breached', dueDate: '2026-11-17', workingDays: 5 },
      resolution: { status: 'breached', dueDate: '2025-12-19', workingDays: 40 },
    });
    expect(overTimescaleReason(c, TODAY)).toBe(
      'Review interval passed: attention due every 5 working days, next by Tue 17 Nov. ' +
        'Past its target resolution of 40 working days from opening (Fri 19 Dec 2025).',
    );
    expect(overTimescaleReason(candidate({ caseId: '2' }), TODAY)).toBeUndefined();
  });

  it('gives one row per case with all its reasons, in a fixed order', () => {
    const c = candidate({
      caseId: '1',
      band: 'red',
      workingDaysSinceAttention: 12,
      reviewTimescaleWorkingDays: 5,
      attention: { kind: 'review', status: 'breached', dueDate: '2026-11-17', workingDays: 5 },
    });
    const result = proposeCases([c], settings);
    expect(result).toHaveLength(1);
    expect(result[0]?.reasons.map((r) => r.kind)).toEqual(['red', 'over-timescale', 'neglected', 'stalled']);
    expect(result[0]?.reasons[2]?.reason).toMatch(/^Review overdue by 7 working days/);
  });

  it('orders red first, then amber, green; more reasons first within a band; then by reference', () => {
    const cases = [
      candidate({ caseId: '1', band: 'green', workingDaysSinceAttention: 30 }),
      candidate({
        caseId: '2',
        band: 'amber',
        workingDaysSinceAttention: 12,
        reviewTimescaleWorkingDays: 30,
      }),
      candidate({ caseId: '3', band: 'red', reviewTimescaleWorkingDays: 30 }),
      candidate({ caseId: '4', band: 'red', workingDaysSinceAttention: 11, reviewTimescaleWorkingDays: 30 }),
      candidate({
        caseId: '5',
        band: 'amber',
        workingDaysSinceAttention: 12,
        reviewTimescaleWorkingDays: 30,
      }),
    ];
    expect(proposeCases(cases, settings).map((p) => p.caseId)).toEqual(['4', '3', '2', '5', '1']);
  });

  it('counts each reason across proposals', () => {
    const result = proposeCases(
      [
        candidate({
          caseId: '1',
          band: 'red',
          workingDaysSinceAttention: 10,
          reviewTimescaleWorkingDays: 30,
        }),
        candidate({ caseId: '2', band: 'red' }),
      ],
      settings,
    );
    expect(countReasons(result)).toEqual({
      red: 2,
      stalled: 1,
      neglected: 0,
      'over-timescale': 0,
      'over-capacity': 0,
      added: 0,
    });
  });
});

describe('over capacity: candidates for reallocation', () => {
  const heavy = [
    candidate({ caseId: '1', weight: 30 }),
    candidate({ caseId: '2', weight: 10 }),
    candidate({ caseId: '3', weight: 25 }),
    candidate({ caseId: '4', weight: 25 }),
    candidate({ caseId: '5', weight: 40 }),
  ];

  it('proposes the heaviest cases, just enough to bring the load within capacity', () => {
    // 130 points against 100: moving 40 brings it to 90.
    const capacity = capacityStatus(130, 100);
    const result = reallocationCandidates(heavy, capacity);
    expect(result.caseIds).toEqual(['5']);
    const proposals = proposeCases(heavy, { ...settings, capacity });
    expect(proposals.map((p) => p.caseId)).toEqual(['5']);
    expect(proposals[0]?.reasons).toEqual([
      {
        kind: 'over-capacity',
        reason:
          'Candidate for reallocation: weighs 40 points. Over capacity: 130 of 100 points (130%). ' +
          'Moving this case (40 points) would bring the load to 90 of 100 points.',
      },
    ]);
  });

  it('takes more cases when one is not enough, heaviest first with ties by reference', () => {
    // 180 against 100: 40 + 30 = 70 leaves 110; + 25 (case 3 before 4) leaves 85.
    const result = reallocationCandidates(heavy, capacityStatus(180, 100));
    expect(result.caseIds).toEqual(['5', '1', '3']);
    expect(result.reason(heavy[0] as ReviewCandidate)).toBe(
      'Candidate for reallocation: weighs 30 points. Over capacity: 180 of 100 points (180%). ' +
        'Moving the 3 heaviest cases (95 points) would bring the load to 85 of 100 points.',
    );
  });

  it('stops exactly at capacity (100% is not over)', () => {
    expect(reallocationCandidates(heavy, capacityStatus(140, 100)).caseIds).toEqual(['5']);
  });

  it('proposes every weighed case, and says the load stays over, when even that is not enough', () => {
    const few = [candidate({ caseId: '1', weight: 10 }), candidate({ caseId: '2', weight: null })];
    const result = reallocationCandidates(few, capacityStatus(150, 100));
    expect(result.caseIds).toEqual(['1']);
    expect(result.reason(few[0] as ReviewCandidate)).toMatch(
      /Moving this case \(10 points\) would still leave 140 of 100 points\.$/,
    );
  });

  it('proposes nothing when the load is within capacity, unknown, or there is no capacity at all', () => {
    expect(reallocationCandidates(heavy, capacityStatus(100, 100)).caseIds).toEqual([]);
    expect(reallocationCandidates(heavy, capacityStatus(95, 100)).caseIds).toEqual([]);
    expect(reallocationCandidates(heavy, null).caseIds).toEqual([]);
    expect(reallocationCandidates(heavy, capacityStatus(50, 0)).caseIds).toEqual([]);
  });

  it('adds over capacity to a case’s other reasons', () => {
    const cases = [
      candidate({ caseId: '1', band: 'red', weight: 50 }),
      candidate({ caseId: '2', weight: 70 }),
    ];
    const result = proposeCases(cases, { ...settings, capacity: capacityStatus(120, 100) });
    // Case 2 (70) alone brings 120 to 50: case 1 is proposed for being red only.
    expect(result.map((p) => [p.caseId, p.reasons.map((r) => r.kind)])).toEqual([
      ['1', ['red']],
      ['2', ['over-capacity']],
    ]);
  });
});

describe('redReason', () => {
  it('says why a red case is red, from the worklist headline', () => {
    expect(redReason('Red: safeguarding concern raised 26 Nov')).toBe('Safeguarding concern raised 26 Nov.');
    expect(redReason('Red: key date in 2 working days.')).toBe('Key date in 2 working days.');
  });

  it('falls back to the band when there is no headline', () => {
    expect(redReason(null)).toBe('Red priority band.');
    expect(redReason('Red: ')).toBe('Red priority band.');
  });
});
