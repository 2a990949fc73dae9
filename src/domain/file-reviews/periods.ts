/**
 * File-review sampling periods and their labels. Periods follow the calendar year:
 *
 * | kind        | label       | covers                      |
 * |-------------|-------------|-----------------------------|
 * | `month`     | `2026-11`   | 1–30 November 2026          |
 * | `quarter`   | `2026-Q4`   | 1 October – 31 December     |
 * | `half-year` | `2026-H2`   | 1 July – 31 December        |
 * | `year`      | `2026`      | 1 January – 31 December     |
 *
 * Labels are what `file_reviews.period` stores, so a case is reviewed at most once per label.
 */
import {
  type CalendarDate,
  dateParts,
  daysInMonth,
  formatDate,
  fromParts,
  monthName,
} from '../time/calendar.ts';

export type PeriodKind = 'month' | 'quarter' | 'half-year' | 'year';

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half-year', 'year'];

/** The kind in words, e.g. for "2 cases per practitioner per quarter". */
export const PERIOD_KIND_WORDS: Readonly<Record<PeriodKind, string>> = {
  month: 'month',
  quarter: 'quarter',
  'half-year': 'half-year',
  year: 'year',
};

/** An example label of each kind, for messages that say what to send. */
export const PERIOD_EXAMPLES: Readonly<Record<PeriodKind, string>> = {
  month: '2026-11',
  quarter: '2026-Q4',
  'half-year': '2026-H2',
  year: '2026',
};

export interface Period {
  readonly kind: PeriodKind;
  readonly label: string;
  readonly year: number;
  /** First and last calendar day, inclusive. */
  readonly first: CalendarDate;
  readonly last: CalendarDate;
}

/** Months in a period of each kind. */
const MONTHS_IN: Readonly<Record<PeriodKind, number>> = { month: 1, quarter: 3, 'half-year': 6, year: 12 };

const LABEL = /^(\d{4})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|H([12])))?$/;

function build(kind: PeriodKind, year: number, index: number): Period {
  const span = MONTHS_IN[kind];
  const firstMonth = (index - 1) * span + 1;
  const lastMonth = firstMonth + span - 1;
  const label =
    kind === 'year'
      ? String(year).padStart(4, '0')
      : `${String(year).padStart(4, '0')}-${
          kind === 'month' ? String(index).padStart(2, '0') : kind === 'quarter' ? `Q${index}` : `H${index}`
        }`;
  return {
    kind,
    label,
    year,
    first: fromParts(year, firstMonth, 1),
    last: fromParts(year, lastMonth, daysInMonth(year, lastMonth)),
  };
}

/**
 * The period of `kind` that contains `date`.
 * @throws RangeError for a malformed date
 * @example periodContaining('2026-11-24', 'quarter').label // '2026-Q4'
 * @example periodContaining('2026-11-24', 'half-year') // { label: '2026-H2', first: '2026-07-01', last: '2026-12-31', … }
 */
export function periodContaining(date: CalendarDate, kind: PeriodKind): Period {
  const { year, month } = dateParts(date);
  return build(kind, year, Math.floor((month - 1) / MONTHS_IN[kind]) + 1);
}

/**
 * The period a label names, or undefined when it names none ('2026-Q5', '2026-13', '26-Q1',
 * lower-case 'q4' and years before 1000 are refused).
 * @example parsePeriod('2026-H1') // { kind: 'half-year', first: '2026-01-01', last: '2026-06-30', … }
 */
export function parsePeriod(label: string): Period | undefined {
  const m = LABEL.exec(label);
  if (!m) return undefined;
  const year = Number(m[1]);
  if (year < 1000) return undefined;
  if (m[2]) return build('month', year, Number(m[2]));
  if (m[3]) return build('quarter', year, Number(m[3]));
  if (m[4]) return build('half-year', year, Number(m[4]));
  return build('year', year, 1);
}

/** Whether the label names a period (of any kind, or of `kind` when given). */
export function isPeriodLabel(label: string, kind?: PeriodKind): boolean {
  const p = parsePeriod(label);
  return p !== undefined && (kind === undefined || p.kind === kind);
}

/**
 * Why a label cannot be used where periods of `kind` are sampled, or undefined when it can.
 * @example periodLabelProblem('2026-11', 'quarter') // 'Your organisation samples by quarter: use a label such as 2026-Q4'
 */
export function periodLabelProblem(label: string, kind: PeriodKind): string | undefined {
  const p = parsePeriod(label);
  const example = PERIOD_EXAMPLES[kind];
  if (!p) return `Use a period label such as ${example} (a ${PERIOD_KIND_WORDS[kind]})`;
  if (p.kind !== kind) {
    return `Your organisation samples by ${PERIOD_KIND_WORDS[kind]}: use a label such as ${example}`;
  }
  return undefined;
}

/**
 * The period in words.
 * @example describePeriod(parsePeriod('2026-Q4')!) // 'October to December 2026'
 * @example describePeriod(parsePeriod('2026-11')!) // 'November 2026'
 */
export function describePeriod(p: Period): string {
  const first = dateParts(p.first).month;
  const last = dateParts(p.last).month;
  if (first === last) return `${monthName(first)} ${p.year}`;
  return `${monthName(first)} to ${monthName(last)} ${p.year}`;
}

/** Whether a case open from `openedOn` to `closedOn` (null: still open) was open on some day of the period. */
export function isActiveInPeriod(
  c: { readonly openedOn: CalendarDate; readonly closedOn: CalendarDate | null },
  p: Pick<Period, 'first' | 'last'>,
): boolean {
  return c.openedOn <= p.last && (c.closedOn === null || c.closedOn >= p.first);
}

/** "1 Oct 2026 – 31 Dec 2026", for headings and reports. */
export const periodRange = (p: Period): string => `${formatDate(p.first)} – ${formatDate(p.last)}`;
