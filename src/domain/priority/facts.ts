/**
 * The facts an assessment looks at, computed beforehand by the caller (working days, timescale
 * shares: no calendars in here), and how each is said in plain words.
 */
import { calendarDateIn, dateParts, formatShortDate } from '../time/calendar.ts';
import { IMPACT_LABELS, type ImpactLevel, type VulnerabilityLevel } from './levels.ts';
import type { Criterion, HardRule } from './policy.ts';
import { percent, plural, workingDays } from './wording.ts';

export interface AssessmentInputs {
  /** The open safeguarding concern, if any (the earliest still open). */
  readonly safeguarding: { readonly raisedAt: Date } | null;
  readonly vulnerability: VulnerabilityLevel;
  /** What happens to the client if the case is not actioned. */
  readonly impact: ImpactLevel;
  /** The nearest pending key date, if any. */
  readonly nearestKeyDate: {
    /** A calendar date, 'YYYY-MM-DD'. */
    readonly date: string;
    /** What it is, in words: 'tribunal appeal deadline'. */
    readonly label: string;
    /** Working days from today to the date: 0 today, negative when missed. */
    readonly workingDaysAway: number;
  } | null;
  /** Share of the service timescale elapsed since the case last had attention (1 = all of it);
   *  null when no timescale applies. */
  readonly timescaleElapsedShare: number | null;
  /** Whole days since the case last had attention; null when it never had any. */
  readonly lastAttentionDaysAgo: number | null;
}

/** The five facts criteria and rules can look at. */
export type Fact = 'safeguarding' | 'vulnerability' | 'impact' | 'key-date' | 'waiting';

export const factOf = (item: Criterion | HardRule): Fact =>
  item.kind === 'flag'
    ? 'safeguarding'
    : item.kind === 'scale'
      ? item.scale
      : item.kind === 'deadline'
        ? 'key-date'
        : 'waiting';

/** How dates are shown in reasons: the year only when it is not the current one. */
export interface DateWords {
  /** The calendar day of an instant in the organisation's time zone: '20 Nov'. */
  readonly instant: (at: Date) => string;
  /** A calendar date with its weekday: 'Tue 1 Dec'. */
  readonly day: (iso: string) => string;
}

/**
 * Date wording as of `now` in `timeZone`; `now` only decides which year goes without saying.
 * @throws RangeError for an invalid `now` or an unknown time zone.
 */
export function dateWords(now: Date, timeZone: string): DateWords {
  const currentYear = dateParts(calendarDateIn(now, timeZone)).year;
  return {
    instant: (at) => formatShortDate(calendarDateIn(at, timeZone), { currentYear }),
    day: (iso) => formatShortDate(iso, { weekday: true, currentYear }),
  };
}

/**
 * One fact of a case in plain words, lower-case so it can follow "Red: ".
 * @example describeFact('key-date', inputs, words) // 'tribunal appeal deadline in 3 working days (Tue 1 Dec)'
 * @throws RangeError when the key date is not a 'YYYY-MM-DD' calendar date.
 */
export function describeFact(fact: Fact, inputs: AssessmentInputs, words: DateWords): string {
  switch (fact) {
    case 'safeguarding':
      return inputs.safeguarding
        ? `safeguarding concern raised ${words.instant(inputs.safeguarding.raisedAt)}`
        : 'no open safeguarding concern';
    case 'vulnerability':
      return `client vulnerability ${inputs.vulnerability} of 3`;
    case 'impact':
      return inputs.impact === 'none'
        ? 'no impact if not actioned'
        : `${IMPACT_LABELS[inputs.impact]} if not actioned`;
    case 'key-date':
      return describeKeyDate(inputs.nearestKeyDate, words);
    case 'waiting':
      return describeWaiting(inputs);
  }
}

function describeKeyDate(keyDate: AssessmentInputs['nearestKeyDate'], words: DateWords): string {
  if (!keyDate) return 'no pending key date';
  const label = keyDate.label.trim() || 'key date';
  const away = keyDate.workingDaysAway;
  const when =
    away > 0 ? `in ${workingDays(away)}` : away === 0 ? 'today' : `missed ${workingDays(-away)} ago`;
  return `${label} ${when} (${words.day(keyDate.date)})`;
}

function describeWaiting(inputs: AssessmentInputs): string {
  const share = inputs.timescaleElapsedShare;
  if (share === null) return 'no service timescale applies';
  // Rounded down, so a case at 99.96% never reads "100%" while it is below a 100% band.
  const shown = percent(Math.floor(share * 1000 + 1e-6) / 1000);
  const days = inputs.lastAttentionDaysAgo;
  const since =
    days === null
      ? 'with no attention recorded'
      : `since last attention (${days === 0 ? 'today' : `${plural(days, 'day')} ago`})`;
  return `${shown} of the service timescale elapsed ${since}`;
}
