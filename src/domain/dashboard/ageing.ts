/**
 * Ageing of the open caseload: how long each open (or on-hold) case has been open, in calendar
 * days from the day it was opened to today in the organisation's time zone, in five buckets —
 * 0–30, 31–90, 91–180, 181–365 and over 365 days. Long-open cases are where drift hides
 * (LSIAG14 criterion 4: monitor progress towards outcomes).
 */
import { type CalendarDate, calendarDaysBetween } from '../time/calendar.ts';

export const AGEING_BUCKET_KEYS = ['0-30', '31-90', '91-180', '181-365', 'over-365'] as const;
export type AgeingBucketKey = (typeof AGEING_BUCKET_KEYS)[number];

export interface AgeingBucketDefinition {
  readonly key: AgeingBucketKey;
  readonly label: string;
  /** Days open, inclusive. */
  readonly fromDays: number;
  /** Days open, inclusive; null: no upper end. */
  readonly toDays: number | null;
}

export const AGEING_BUCKETS: readonly AgeingBucketDefinition[] = [
  { key: '0-30', label: '0 to 30 days', fromDays: 0, toDays: 30 },
  { key: '31-90', label: '31 to 90 days', fromDays: 31, toDays: 90 },
  { key: '91-180', label: '91 to 180 days', fromDays: 91, toDays: 180 },
  { key: '181-365', label: '181 to 365 days', fromDays: 181, toDays: 365 },
  { key: 'over-365', label: 'Over 365 days', fromDays: 366, toDays: null },
];

/**
 * Calendar days a case has been open today: 0 on the day it opened. A case dated after today
 * (a clock set back) counts as 0.
 * @example daysOpen('2026-11-01', '2026-12-01') // 30
 */
export function daysOpen(openedOn: CalendarDate, today: CalendarDate): number {
  return Math.max(0, calendarDaysBetween(openedOn, today));
}

/**
 * The bucket of a number of days open.
 * @throws RangeError when days is negative or not whole.
 * @example ageingBucketOf(31) // '31-90'
 * @example ageingBucketOf(366) // 'over-365'
 */
export function ageingBucketOf(days: number): AgeingBucketKey {
  if (!Number.isInteger(days) || days < 0) {
    throw new RangeError(`days open must be a whole number ≥ 0; got ${days}.`);
  }
  for (const b of AGEING_BUCKETS) {
    if (b.toDays === null || days <= b.toDays) return b.key;
  }
  return 'over-365';
}

export interface AgeingCase {
  readonly caseId: string;
  readonly openedOn: CalendarDate;
}

export interface AgeingBucket extends AgeingBucketDefinition {
  /** In the order given. */
  readonly caseIds: readonly string[];
}

/**
 * Every bucket (empty ones too, in order) with the cases in it.
 * @example ageingBuckets([{ caseId: 'a', openedOn: '2026-01-01' }], '2026-03-01')[1].caseIds // ['a']
 */
export function ageingBuckets(cases: readonly AgeingCase[], today: CalendarDate): AgeingBucket[] {
  const byKey = new Map<AgeingBucketKey, string[]>(AGEING_BUCKET_KEYS.map((k) => [k, []]));
  for (const c of cases) byKey.get(ageingBucketOf(daysOpen(c.openedOn, today)))?.push(c.caseId);
  return AGEING_BUCKETS.map((b) => ({ ...b, caseIds: byKey.get(b.key) ?? [] }));
}
