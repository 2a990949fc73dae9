/**
 * The default worklist order (DESIGN.md "Worklist order"): band (red, amber, green), then the
 * nearest pending key date or overdue action, then score (highest first), then the longest time
 * since the case last had attention; the case reference breaks any remaining tie, so the order is
 * total and the same rows always come out in the same order. Every position is explained: the
 * key that put a row below the one above it, in words.
 */
import { dateParts, formatShortDate } from '../time/calendar.ts';
import { type Band, bandRank } from './levels.ts';
import { points } from './wording.ts';

/** What the order looks at; rows may carry anything else. */
export interface WorklistOrderFacts {
  /** Human case reference ('CL-2026-000123'), unique: the last tie-break. */
  readonly reference: string;
  /** The band that counts: the override's when the assessment was overridden. */
  readonly band: Band;
  readonly score: number;
  /** The nearest pending key date ('YYYY-MM-DD'), if any; a past one is missed but still pending. */
  readonly nearestKeyDate: { readonly date: string; readonly label: string } | null;
  /** The earliest due date ('YYYY-MM-DD') among the case's overdue actions, if any. */
  readonly overdueAction: { readonly due: string; readonly label: string } | null;
  /** When the case last had attention; null when it never had any (the longest wait). */
  readonly lastAttentionAt: Date | null;
}

export const WORKLIST_ORDER_KEYS = ['band', 'next-date', 'score', 'last-attention', 'reference'] as const;
/** The keys of the order, in the order they are compared. */
export type WorklistOrderKey = (typeof WORKLIST_ORDER_KEYS)[number];

export interface NextDate {
  readonly date: string;
  /** 'tribunal appeal deadline' or 'overdue action: send the form' */
  readonly what: string;
}

/**
 * The date the worklist sorts on: the earlier of the nearest pending key date and the earliest
 * overdue action (the key date when both fall on the same day).
 * @example nextDateOf({ nearestKeyDate: { date: '2026-12-01', label: 'hearing' },
 *   overdueAction: { due: '2026-11-20', label: 'send form' }, … }) // { date: '2026-11-20', what: 'overdue action: send form' }
 */
export function nextDateOf(row: WorklistOrderFacts): NextDate | null {
  const keyDate = row.nearestKeyDate
    ? { date: row.nearestKeyDate.date, what: row.nearestKeyDate.label.trim() || 'key date' }
    : null;
  const action = row.overdueAction
    ? { date: row.overdueAction.due, what: `overdue action: ${row.overdueAction.label.trim() || 'untitled'}` }
    : null;
  if (!keyDate || !action) return keyDate ?? action;
  return action.date < keyDate.date ? action : keyDate;
}

const sign = (n: number): number => (n > 0 ? 1 : n < 0 ? -1 : 0);

function compareBy(key: WorklistOrderKey, a: WorklistOrderFacts, b: WorklistOrderFacts): number {
  switch (key) {
    case 'band':
      return sign(bandRank(b.band) - bandRank(a.band));
    case 'next-date': {
      const [da, db] = [nextDateOf(a)?.date, nextDateOf(b)?.date];
      if (da === db) return 0;
      if (da === undefined) return 1;
      if (db === undefined) return -1;
      return da < db ? -1 : 1;
    }
    case 'score':
      return sign(b.score - a.score);
    case 'last-attention': {
      const [ta, tb] = [a.lastAttentionAt?.getTime(), b.lastAttentionAt?.getTime()];
      if (ta === tb) return 0;
      if (ta === undefined) return -1;
      if (tb === undefined) return 1;
      return sign(ta - tb);
    }
    case 'reference':
      return a.reference < b.reference ? -1 : a.reference > b.reference ? 1 : 0;
  }
}

/**
 * The first key on which two rows differ (the one that orders them), or null when they tie on
 * every key (only the same reference twice).
 */
export function worklistDecidingKey(a: WorklistOrderFacts, b: WorklistOrderFacts): WorklistOrderKey | null {
  return WORKLIST_ORDER_KEYS.find((key) => compareBy(key, a, b) !== 0) ?? null;
}

/**
 * Comparator for `Array.prototype.sort`: negative when `a` comes first. A total order for rows
 * with distinct references, valid dates and finite scores.
 * @example rows.sort(compareWorklistRows)
 */
export function compareWorklistRows(a: WorklistOrderFacts, b: WorklistOrderFacts): number {
  const key = worklistDecidingKey(a, b);
  return key === null ? 0 : compareBy(key, a, b);
}

export interface WorklistPosition<Row extends WorklistOrderFacts> {
  readonly row: Row;
  /** 1 for the top of the worklist. */
  readonly position: number;
  /** What put this row below the one above it; null for the first row. */
  readonly decidedBy: WorklistOrderKey | null;
  /** The same, in words. */
  readonly explanation: string;
}

export interface OrderWorklistOptions {
  /** Today ('YYYY-MM-DD'): dates in its year are shown without the year. */
  readonly today?: string;
}

/**
 * Rows in worklist order, each with why it sits where it does. Does not change `rows`.
 * @example orderWorklist(rows, { today: '2026-11-26' }).map((p) => p.explanation)
 * // ['Top of the worklist: red, next date Tue 1 Dec (tribunal appeal deadline), score 75.',
 * //  'After CL-2026-000007: amber comes after red.', …]
 * @throws RangeError when a key date or an action's due date is not 'YYYY-MM-DD'.
 */
export function orderWorklist<Row extends WorklistOrderFacts>(
  rows: readonly Row[],
  options: OrderWorklistOptions = {},
): WorklistPosition<Row>[] {
  const currentYear = options.today === undefined ? undefined : dateParts(options.today).year;
  const describe = (next: NextDate | null) =>
    next ? `${formatShortDate(next.date, { weekday: true, currentYear })} (${next.what})` : undefined;
  const sorted = [...rows].sort(compareWorklistRows);
  return sorted.map((row, i) => {
    const above = sorted[i - 1];
    if (!above) {
      const next = describe(nextDateOf(row));
      return {
        row,
        position: 1,
        decidedBy: null,
        explanation: `Top of the worklist: ${row.band}${next ? `, next date ${next}` : ''}, score ${points(row.score)}.`,
      };
    }
    const key = worklistDecidingKey(above, row) ?? 'reference';
    return { row, position: i + 1, decidedBy: key, explanation: explain(key, row, above, describe) };
  });
}

const SAME: Readonly<Record<WorklistOrderKey, string>> = {
  band: 'band',
  'next-date': 'next date',
  score: 'score',
  'last-attention': 'last attention',
  reference: 'reference',
};

function explain(
  key: WorklistOrderKey,
  row: WorklistOrderFacts,
  above: WorklistOrderFacts,
  describe: (next: NextDate | null) => string | undefined,
): string {
  const same = WORKLIST_ORDER_KEYS.slice(0, WORKLIST_ORDER_KEYS.indexOf(key)).map((k) => SAME[k]);
  const sameWords =
    same.length === 0
      ? ''
      : ` (same ${same.length === 1 ? same[0] : `${same.slice(0, -1).join(', ')} and ${same.at(-1)}`})`;
  const lead = `After ${above.reference}${sameWords}: `;
  switch (key) {
    case 'band':
      return `${lead}${row.band} comes after ${above.band}.`;
    case 'next-date': {
      const [mine, theirs] = [describe(nextDateOf(row)), describe(nextDateOf(above))];
      return mine
        ? `${lead}its next date, ${mine}, comes after ${theirs}.`
        : `${lead}it has no pending key date or overdue action.`;
    }
    case 'score':
      return `${lead}lower score, ${points(row.score)} against ${points(above.score)}.`;
    case 'last-attention':
      return above.lastAttentionAt === null
        ? `${lead}${above.reference} has never had attention.`
        : `${lead}it had attention more recently.`;
    case 'reference':
      return `${lead}ordered by case reference.`;
  }
}
