import { describe, expect, it } from 'vitest';
import { AGEING_BUCKET_KEYS, AGEING_BUCKETS, ageingBucketOf, ageingBuckets, daysOpen } from './ageing.ts';

describe('daysOpen', () => {
  it('counts calendar days from the opening day, 0 on that day', () => {
    expect(daysOpen('2026-11-26', '2026-11-26')).toBe(0);
    expect(daysOpen('2026-10-27', '2026-11-26')).toBe(30);
    expect(daysOpen('2025-11-26', '2026-11-26')).toBe(365);
  });

  it('never goes below 0 (a case dated after today)', () => {
    expect(daysOpen('2026-11-27', '2026-11-26')).toBe(0);
  });

  it('counts across a leap day', () => {
    expect(daysOpen('2028-02-28', '2028-03-01')).toBe(2);
  });
});

describe('ageingBucketOf', () => {
  it.each([
    [0, '0-30'],
    [30, '0-30'],
    [31, '31-90'],
    [90, '31-90'],
    [91, '91-180'],
    [180, '91-180'],
    [181, '181-365'],
    [365, '181-365'],
    [366, 'over-365'],
    [5000, 'over-365'],
  ])('puts %i days in %s', (days, key) => {
    expect(ageingBucketOf(days)).toBe(key);
  });

  it('refuses negative and fractional days', () => {
    expect(() => ageingBucketOf(-1)).toThrow(RangeError);
    expect(() => ageingBucketOf(1.5)).toThrow(RangeError);
    expect(() => ageingBucketOf(Number.NaN)).toThrow(RangeError);
  });

  it('has buckets that meet end to end with no gap', () => {
    for (let i = 1; i < AGEING_BUCKETS.length; i++) {
      expect(AGEING_BUCKETS[i]?.fromDays).toBe((AGEING_BUCKETS[i - 1]?.toDays ?? -1) + 1);
    }
    expect(AGEING_BUCKETS.map((b) => b.key)).toEqual([...AGEING_BUCKET_KEYS]);
  });
});

describe('ageingBuckets', () => {
  it('lists every bucket in order, empty ones too, with the cases in the order given', () => {
    const today = '2026-11-26';
    const buckets = ageingBuckets(
      [
        { caseId: 'new', openedOn: '2026-11-20' },
        { caseId: 'edge-30', openedOn: '2026-10-27' },
        { caseId: 'edge-31', openedOn: '2026-10-26' },
        { caseId: 'old', openedOn: '2024-01-01' },
        { caseId: 'half-year', openedOn: '2026-05-30' },
      ],
      today,
    );
    expect(buckets.map((b) => [b.key, b.caseIds])).toEqual([
      ['0-30', ['new', 'edge-30']],
      ['31-90', ['edge-31']],
      ['91-180', ['half-year']],
      ['181-365', []],
      ['over-365', ['old']],
    ]);
  });

  it('answers five empty buckets for no cases', () => {
    expect(ageingBuckets([], '2026-11-26').every((b) => b.caseIds.length === 0)).toBe(true);
  });
});
