/**
 * The forecast's plain words: why each case is projected where it is, and the summary line.
 */
import type { CaseForecast, ForecastSummary } from './forecast.ts';
import { hoursText, plural } from './wording.ts';

/**
 * A working day on the forecast's scale (0 = today) relative to now.
 *
 * @example
 * fromNow(0); // 'today'
 * fromNow(3); // 'in 3 working days'
 */
export const fromNow = (workingDay: number): string =>
  workingDay === 0 ? 'today' : `in ${plural(workingDay, 'working day')}`;

type Projection = Omit<CaseForecast, 'reason'>;

function workAhead(p: Projection, aheadMinutes: number): string {
  if (p.position === 1) return 'it is first in the order';
  return `${hoursText(aheadMinutes)} of work on ${plural(p.position - 1, 'case')} ahead of it`;
}

/**
 * When an attention is expected to be done, on the forecast's scale.
 *
 * @example
 * attentionWhen(2, 7); // 'week 2 (within 7 working days)'
 * attentionWhen(1, 0); // 'week 1 (today)'
 * attentionWhen('not reached', null); // 'not reached'
 */
export function attentionWhen(week: number | 'not reached', workingDay: number | null): string {
  if (workingDay === null) return 'not reached';
  return `week ${week} (${workingDay === 0 ? 'today' : `within ${plural(workingDay, 'working day')}`})`;
}

const expected = (p: Projection): string => attentionWhen(p.attentionWeek, p.attentionWorkingDay);

/**
 * Why a case is projected as it is.
 *
 * @example
 * // 'Breach expected in week 1: its timescale ends in 3 working days, but its attention is
 * //  expected only in week 2 (within 5 working days), after 8 hours of work on 1 case ahead of it.'
 */
export function breachReason(p: Projection, aheadMinutes: number, horizonWeeks: number): string {
  const ends = `its timescale ends ${fromNow(p.deadlineWorkingDays)}`;
  const forecast = `the next ${plural(horizonWeeks, 'week')}`;
  const reached = p.attentionWorkingDay !== null;
  if (p.alreadyOverdue) {
    const past = `Already past its timescale, by ${plural(-p.deadlineWorkingDays, 'working day')}`;
    return reached
      ? `${past}; attention expected in ${expected(p)}.`
      : `${past}; not reached in ${forecast} (${workAhead(p, aheadMinutes)}).`;
  }
  if (p.breaches && reached) {
    const why =
      p.position === 1
        ? `: it is first in the order but needs ${hoursText(p.effortHours * 60)} of work`
        : `, after ${workAhead(p, aheadMinutes)}`;
    return `Breach expected in week ${p.breachWeek}: ${ends}, but its attention is expected only in ${expected(p)}${why}.`;
  }
  if (p.breaches) {
    return `Breach expected in week ${p.breachWeek}: ${ends}, and the capacity of ${forecast} runs out before it is reached (${workAhead(p, aheadMinutes)}).`;
  }
  if (reached) return `Attention expected in ${expected(p)}, in time: ${ends}.`;
  return `Not reached in ${forecast} (${workAhead(p, aheadMinutes)}); ${ends}, after the forecast.`;
}

/**
 * The forecast's summary in one or two sentences.
 *
 * @example
 * // '2 of 12 cases are forecast to breach their timescales in the next 4 weeks (1 already has).
 * //  The work on the caseload (130 hours) is 10 hours more than the 120 hours available.'
 */
export function forecastSummaryText(
  s: Omit<ForecastSummary, 'text'>,
  effortMinutes: number,
  capacityMinutes: number,
  horizonWeeks: number,
): string {
  if (s.cases === 0) return 'There are no cases to forecast.';
  const period = `in the next ${plural(horizonWeeks, 'week')}`;
  const overdue =
    s.alreadyOverdue === 0 ? '' : ` (${s.alreadyOverdue} already ${s.alreadyOverdue === 1 ? 'has' : 'have'})`;
  const breaches =
    s.breaching === 0
      ? `No case is forecast to breach its timescale ${period}.`
      : `${s.breaching} of ${plural(s.cases, 'case')} ${s.breaching === 1 ? 'is forecast to breach its timescale' : 'are forecast to breach their timescales'} ${period}${overdue}.`;
  const work = `The work on the caseload (${hoursText(effortMinutes)})`;
  const capacity = `the ${hoursText(capacityMinutes)} available`;
  const fit =
    effortMinutes > capacityMinutes
      ? `${work} is ${hoursText(effortMinutes - capacityMinutes)} more than ${capacity}.`
      : `${work} fits in ${capacity}.`;
  return `${breaches} ${fit}`;
}
