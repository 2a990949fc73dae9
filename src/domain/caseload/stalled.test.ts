import { describe, expect, it } from 'vitest';
import { stalledCases, stalledOf } from './stalled.ts';

describe('stalledOf', () => {
  it('is stalled from the threshold day, not the day before', () => {
    expect(stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 9 }, 10)).toBeUndefined();
    expect(stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 10 }, 10)).toEqual({
      caseId: 'a',
      workingDaysSinceAttention: 10,
      reason: 'No attention for 10 working days (stalled after 10).',
    });
  });

  it('never counts a case on hold', () => {
    expect(stalledOf({ caseId: 'a', status: 'on_hold', workingDaysSinceAttention: 400 }, 10)).toBeUndefined();
  });

  it('says "1 working day" in the singular', () => {
    expect(stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 1 }, 1)?.reason).toBe(
      'No attention for 1 working day (stalled after 1).',
    );
  });

  it('refuses nonsense figures', () => {
    expect(() => stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: -1 }, 10)).toThrow(
      RangeError,
    );
    expect(() => stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 1.5 }, 10)).toThrow(
      RangeError,
    );
    expect(() => stalledOf({ caseId: 'a', status: 'open', workingDaysSinceAttention: 3 }, 0)).toThrow(
      RangeError,
    );
  });
});

describe('stalledCases', () => {
  it('lists only stalled open cases, longest without attention first, ties by id', () => {
    const result = stalledCases(
      [
        { caseId: 'c', status: 'open', workingDaysSinceAttention: 12 },
        { caseId: 'a', status: 'open', workingDaysSinceAttention: 30 },
        { caseId: 'b', status: 'open', workingDaysSinceAttention: 12 },
        { caseId: 'd', status: 'open', workingDaysSinceAttention: 2 },
        { caseId: 'e', status: 'on_hold', workingDaysSinceAttention: 50 },
      ],
      10,
    );
    expect(result.map((r) => r.caseId)).toEqual(['a', 'b', 'c']);
  });
});
