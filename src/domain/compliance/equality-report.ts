/**
 * The equality monitoring report: for each question, how many of the clients counted gave each
 * answer, and how many did not answer (no form, or the question left blank) — with small numbers
 * suppressed (see small-number-suppression.ts). Only aggregates leave this function.
 */
import { EQUALITY_QUESTIONS, type EqualityAnswers, type EqualityQuestionKey } from './equality-questions.ts';
import { type ShownCount, suppressTable } from './small-number-suppression.ts';

export const NOT_ANSWERED = 'not-answered';

export interface EqualityReportRow {
  readonly value: string;
  readonly label: string;
  readonly count: ShownCount;
}

export interface EqualityReportTable {
  readonly question: EqualityQuestionKey;
  readonly label: string;
  readonly rows: readonly EqualityReportRow[];
  readonly total: ShownCount;
}

/**
 * @param answers one entry per client counted (an empty object for a client with no form)
 */
export function equalityReport(answers: readonly EqualityAnswers[]): EqualityReportTable[] {
  return EQUALITY_QUESTIONS.map((q) => {
    const categories = [...q.options, { value: NOT_ANSWERED, label: 'Not answered' }];
    const counts = categories.map(
      (c) =>
        answers.filter((a) => {
          const v = a[q.key] ?? null;
          return c.value === NOT_ANSWERED ? v === null : v === c.value;
        }).length,
    );
    const suppressed = suppressTable(counts);
    return {
      question: q.key,
      label: q.label,
      rows: categories.map((c, i) => ({
        value: c.value,
        label: c.label,
        count: suppressed.cells[i] ?? { shown: false },
      })),
      total: suppressed.total,
    };
  });
}
