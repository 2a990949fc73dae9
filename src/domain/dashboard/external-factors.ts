/**
 * External factors: dated annotations (a policy change, a seasonal peak, an office closure, a
 * staff absence) that explain movements on the trend charts and are discussed in reviews. Each
 * runs from its first day to its last (a single day when it has no end), for the whole
 * organisation, one team or one person.
 */
import { type CalendarDate, isCalendarDate } from '../time/calendar.ts';

export const EXTERNAL_FACTOR_KINDS = [
  'policy-change',
  'seasonal-peak',
  'office-closure',
  'staff-absence',
  'other',
] as const;
export type ExternalFactorKind = (typeof EXTERNAL_FACTOR_KINDS)[number];

export const EXTERNAL_FACTOR_KIND_LABELS: Readonly<Record<ExternalFactorKind, string>> = {
  'policy-change': 'Policy change',
  'seasonal-peak': 'Seasonal peak',
  'office-closure': 'Office closure',
  'staff-absence': 'Staff absence',
  other: 'Other',
};

export interface DatedFactor {
  readonly id: string;
  readonly startsOn: CalendarDate;
  /** null: the factor lasts one day. */
  readonly endsOn: CalendarDate | null;
}

/** The factor's last day. */
export const lastDayOf = (f: DatedFactor): CalendarDate => f.endsOn ?? f.startsOn;

/**
 * Whether the factor touches the period from `from` to `to` (both inclusive).
 * @example overlaps({ id: 'x', startsOn: '2026-12-24', endsOn: '2027-01-02' }, '2026-12-28', '2027-01-03') // true
 */
export function overlaps(f: DatedFactor, from: CalendarDate, to: CalendarDate): boolean {
  return f.startsOn <= to && lastDayOf(f) >= from;
}

/**
 * For each period (e.g. the weeks of a trend), the ids of the factors that overlap it, in the
 * order the factors are given.
 */
export function factorIdsByPeriod(
  factors: readonly DatedFactor[],
  periods: readonly { readonly from: CalendarDate; readonly to: CalendarDate }[],
): string[][] {
  return periods.map((p) => factors.filter((f) => overlaps(f, p.from, p.to)).map((f) => f.id));
}

export interface ExternalFactorDraft {
  readonly startsOn: CalendarDate;
  readonly endsOn: CalendarDate | null;
  readonly teamId: string | null;
  readonly userId: string | null;
}

export interface FactorProblem {
  readonly field: string;
  readonly message: string;
}

/**
 * What is wrong with a factor's dates and scope, each problem naming its field; [] when nothing.
 * @example externalFactorProblems({ startsOn: '2026-12-10', endsOn: '2026-12-01', teamId: null, userId: null })
 * // [{ field: 'endsOn', message: 'The last day must be on or after the first day (2026-12-10)' }]
 */
export function externalFactorProblems(draft: ExternalFactorDraft): FactorProblem[] {
  const problems: FactorProblem[] = [];
  if (!isCalendarDate(draft.startsOn)) {
    problems.push({ field: 'startsOn', message: 'Give the first day as a date such as 2026-12-01' });
  }
  if (draft.endsOn !== null && !isCalendarDate(draft.endsOn)) {
    problems.push({ field: 'endsOn', message: 'Give the last day as a date such as 2026-12-24' });
  } else if (draft.endsOn !== null && isCalendarDate(draft.startsOn) && draft.endsOn < draft.startsOn) {
    problems.push({
      field: 'endsOn',
      message: `The last day must be on or after the first day (${draft.startsOn})`,
    });
  }
  if (draft.teamId !== null && draft.userId !== null) {
    problems.push({
      field: 'userId',
      message: 'Give a team or a person, not both (leave both out for the whole organisation)',
    });
  }
  return problems;
}
