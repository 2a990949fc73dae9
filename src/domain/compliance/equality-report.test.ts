import { describe, expect, it } from 'vitest';
import { invalidEqualityAnswers } from './equality-questions.ts';
import { equalityReport } from './equality-report.ts';

const many = <T>(n: number, item: T): T[] => Array.from({ length: n }, () => item);

describe('the equality monitoring report', () => {
  it('counts each answer and the unanswered, hiding small numbers and protecting them from the total', () => {
    const answers = [
      ...many(7, { sex: 'female' }),
      ...many(6, { sex: 'male' }),
      ...many(2, { sex: 'prefer-not-to-say' }),
      ...many(5, {}),
    ];
    const sex = equalityReport(answers).find((t) => t.question === 'sex');
    expect(sex?.total).toEqual({ shown: true, count: 20 });
    expect(sex?.rows.map((r) => [r.value, r.count.shown ? r.count.count : 'fewer than 5'])).toEqual([
      ['female', 7],
      ['male', 6],
      ['prefer-not-to-say', 'fewer than 5'],
      // 5 unanswered would give away the 2 (20 − 7 − 6 − 5): the smallest other cell is hidden too.
      ['not-answered', 'fewer than 5'],
    ]);
  });

  it('has a table for every protected characteristic, each offering "Prefer not to say"', () => {
    const tables = equalityReport([]);
    expect(tables.map((t) => t.question)).toEqual([
      'ageBand',
      'sex',
      'genderSameAsBirth',
      'sexualOrientation',
      'ethnicity',
      'religion',
      'disability',
      'pregnancyMaternity',
      'maritalStatus',
    ]);
    for (const t of tables) {
      expect(t.rows.some((r) => r.value === 'prefer-not-to-say')).toBe(true);
      expect(t.total).toEqual({ shown: false });
    }
    expect(tables.find((t) => t.question === 'ethnicity')?.rows).toHaveLength(21);
  });

  it('accepts only the listed answers, and blanks', () => {
    expect(invalidEqualityAnswers({ sex: 'female', ethnicity: null, religion: undefined })).toEqual([]);
    expect(invalidEqualityAnswers({ sex: 'unknown', ethnicity: 'white-british', ageBand: '30' })).toEqual([
      'ageBand',
      'sex',
    ]);
  });
});
