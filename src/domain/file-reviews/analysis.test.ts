import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AnalysisAnswer, type AnalysisItem, analyseFileReviews, percentOf } from './analysis.ts';
import { ANSWER_RESULTS } from './answers.ts';

const items: AnalysisItem[] = [
  { id: 'b', key: 'dates', label: 'Key dates recorded', sortOrder: 2, active: true },
  { id: 'a', key: 'notes', label: 'Notes are clear', sortOrder: 1, active: true },
  { id: 'c', key: 'old', label: 'Retired item', sortOrder: 3, active: false },
  { id: 'd', key: 'unused', label: 'Retired, never answered', sortOrder: 4, active: false },
];

const answer = (
  reviewId: string,
  practitionerId: string,
  itemId: string,
  result: AnalysisAnswer['result'],
) => ({
  reviewId,
  practitionerId,
  itemId,
  itemLabel: `label of ${itemId} then`,
  result,
});

describe('whole per cent', () => {
  it.each([
    [1, 3, 33],
    [2, 3, 67],
    [1, 2, 50],
    [1, 8, 13],
    [0, 4, 0],
    [0, 0, null],
  ])('%d of %d is %s', (part, whole, pc) => {
    expect(percentOf(part, whole)).toBe(pc);
  });
});

describe('the annual analysis', () => {
  const reviews = [
    { id: 'r1', practitionerId: 'ari' },
    { id: 'r2', practitionerId: 'ari' },
    { id: 'r3', practitionerId: 'bo' },
  ];
  const answers = [
    answer('r1', 'ari', 'a', 'met'),
    answer('r1', 'ari', 'b', 'not-met'),
    answer('r2', 'ari', 'a', 'met'),
    answer('r2', 'ari', 'b', 'not-applicable'),
    answer('r2', 'ari', 'c', 'met'),
    answer('r3', 'bo', 'a', 'not-met'),
    answer('r3', 'bo', 'b', 'not-applicable'),
    answer('r3', 'bo', 'gone', 'met'),
    // A review not in the year: ignored.
    answer('r9', 'bo', 'a', 'not-met'),
  ];

  it('counts met, not met and not applicable per item, with % met of applicable', () => {
    const result = analyseFileReviews(items, reviews, answers);
    expect(result.reviews).toBe(3);
    expect(result.items).toEqual([
      {
        itemId: 'a',
        key: 'notes',
        label: 'Notes are clear',
        met: 2,
        notMet: 1,
        notApplicable: 0,
        applicable: 3,
        percentMet: 67,
      },
      {
        itemId: 'b',
        key: 'dates',
        label: 'Key dates recorded',
        met: 0,
        notMet: 1,
        notApplicable: 2,
        applicable: 1,
        percentMet: 0,
      },
      {
        itemId: 'c',
        key: 'old',
        label: 'Retired item',
        met: 1,
        notMet: 0,
        notApplicable: 0,
        applicable: 1,
        percentMet: 100,
      },
      {
        itemId: 'gone',
        key: null,
        label: 'label of gone then',
        met: 1,
        notMet: 0,
        notApplicable: 0,
        applicable: 1,
        percentMet: 100,
      },
    ]);
    expect(result.percentMet).toBe(67); // 4 of 6
    expect(result.practitioners).toBeUndefined();
  });

  it('gives each practitioner their own figures on request', () => {
    const result = analyseFileReviews(items, reviews, answers, { byPractitioner: true });
    expect(result.practitioners?.map((p) => [p.practitionerId, p.reviews, p.percentMet])).toEqual([
      ['ari', 2, 75],
      ['bo', 1, 50],
    ]);
    const bo = result.practitioners?.[1];
    expect(bo?.items.find((i) => i.itemId === 'a')).toMatchObject({ notMet: 1, percentMet: 0 });
    expect(bo?.items.find((i) => i.itemId === 'b')).toMatchObject({ notApplicable: 1, percentMet: null });
  });

  it('lists the active items with nothing answered', () => {
    const result = analyseFileReviews(items, [], []);
    expect(result).toMatchObject({ reviews: 0, percentMet: null });
    expect(result.items.map((i) => [i.itemId, i.applicable, i.percentMet])).toEqual([
      ['a', 0, null],
      ['b', 0, null],
    ]);
  });

  it('adds up: the counts of every item total the answers of the year', () => {
    const answerArb = fc.record({
      reviewId: fc.constantFrom('r1', 'r2', 'r3', 'r4'),
      practitionerId: fc.constantFrom('ari', 'bo'),
      itemId: fc.constantFrom('a', 'b', 'c', 'x'),
      itemLabel: fc.constant('then'),
      result: fc.constantFrom(...ANSWER_RESULTS),
    });
    fc.assert(
      fc.property(fc.array(answerArb, { maxLength: 40 }), (list) => {
        const counted = list.filter((a) => a.reviewId !== 'r4');
        const result = analyseFileReviews(items, reviews, list);
        const total = result.items.reduce((s, i) => s + i.met + i.notMet + i.notApplicable, 0);
        expect(total).toBe(counted.length);
        for (const i of result.items) {
          expect(i.applicable).toBe(i.met + i.notMet);
          if (i.percentMet !== null) expect(i.percentMet).toBeGreaterThanOrEqual(0);
          if (i.percentMet !== null) expect(i.percentMet).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
