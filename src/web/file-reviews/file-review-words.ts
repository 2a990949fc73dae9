/** Words the file-review pages share. */
import type { FileReviewSummaryResponse } from '../../contract/file-reviews.ts';
import {
  describePeriod,
  type PeriodKind,
  parsePeriod,
  periodContaining,
} from '../../domain/file-reviews/periods.ts';
import { addCalendarDays } from '../../domain/time/calendar.ts';

export const SELECTION_WORDS: Record<FileReviewSummaryResponse['selection'], string> = {
  risk: 'By risk',
  random: 'At random',
  manual: 'Added by hand',
};

/** "2 overdue, 1 open" — the corrective actions of a review in words, or "None". */
export function actionCountsInWords(c: FileReviewSummaryResponse['correctiveActions']): string {
  const parts = [
    c.overdue > 0 ? `${c.overdue} overdue` : '',
    c.open > 0 ? `${c.open} open` : '',
    c.awaitingVerification > 0 ? `${c.awaitingVerification} awaiting verification` : '',
    c.verified > 0 ? `${c.verified} verified` : '',
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'None';
}

/** The period of `label` and the `count - 1` periods before it, newest first, with their words. */
export function recentPeriods(label: string, count: number): { label: string; words: string }[] {
  const out: { label: string; words: string }[] = [];
  let p = parsePeriod(label);
  while (p && out.length < count) {
    out.push({ label: p.label, words: `${describePeriod(p)} (${p.label})` });
    p = periodContaining(addCalendarDays(p.first, -1), p.kind as PeriodKind);
  }
  return out;
}

/** The period in words from its label, or the label itself. */
export function periodWords(label: string): string {
  const p = parsePeriod(label);
  return p ? describePeriod(p) : label;
}
