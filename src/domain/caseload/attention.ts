/**
 * Where the practitioner's attention went, by band, over the last weeks (default 4): the share of
 * attention each band received against its share of the caseload. It shows the effect — or the
 * distortion — of the priorities (SFJHA5 K39): for example that green cases got none at all.
 *
 * Counting rules:
 * - Cases are counted by their band now; attention events by the band the case had at the time
 *   (a case that was red when attended and is green now adds its events to red).
 * - Only events of cases in the given caseload count; the others (a case since closed or
 *   reassigned, say) are reported as `eventsOutsideCaseload`. Pass every case the practitioner
 *   held during the window to count them too.
 * - The window is calendar days: the `weeks × 7` days ending on `today`, both ends included.
 *   Events outside it (including any dated after today) are left out.
 */
import { BANDS, type Band, bandName } from '../priority/levels.ts';
import { checkNumber, checkUniqueCaseIds } from './input-checks.ts';
import { percent, plural } from './wording.ts';

export interface AttentionEvent {
  readonly caseId: string;
  /** The case's band when the attention was given. */
  readonly band: Band;
  /** The day it was given, 'YYYY-MM-DD' in the organisation's time zone. */
  readonly on: string;
}

export interface CaseloadEntry {
  readonly caseId: string;
  /** The case's band now. */
  readonly band: Band;
}

export interface AttentionInput {
  readonly caseload: readonly CaseloadEntry[];
  readonly events: readonly AttentionEvent[];
  /** The last day of the window, 'YYYY-MM-DD'. */
  readonly today: string;
  /** Length of the window in weeks; default 4. */
  readonly weeks?: number;
}

export interface BandAttention {
  readonly band: Band;
  /** Cases in this band now. */
  readonly cases: number;
  /** Those cases as a share of the caseload (0..1; 0 for an empty caseload). */
  readonly shareOfCases: number;
  /** Attention events given while a case was in this band. */
  readonly attentionEvents: number;
  /** Those events as a share of all counted events (0..1; 0 when there were none). */
  readonly shareOfAttention: number;
  /** shareOfAttention ÷ shareOfCases: 1 is in proportion, 0 is none; null when the band has no cases. */
  readonly attentionRatio: number | null;
  /** Case ids (sorted) of this band's cases that had no attention in the window. */
  readonly casesWithoutAttention: readonly string[];
}

export interface AttentionDistribution {
  /** First day of the window, 'YYYY-MM-DD'. */
  readonly from: string;
  /** Last day of the window, 'YYYY-MM-DD'. */
  readonly to: string;
  readonly totalCases: number;
  /** Events counted (in the window, for cases in the caseload). */
  readonly totalEvents: number;
  /** Events in the window for cases not in the given caseload (not counted). */
  readonly eventsOutsideCaseload: number;
  /** One entry per band: red, amber, green. */
  readonly bands: readonly BandAttention[];
  /** One sentence per band that has cases or attention, in plain words. */
  readonly summary: readonly string[];
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function dayNumber(date: string, what: string): number {
  const m = ISO_DATE.exec(date);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== date) {
    throw new RangeError(`${what} must be a date written YYYY-MM-DD; got '${date}'.`);
  }
  return ms / DAY_MS;
}

const isoDate = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

/**
 * The first and last day of the window of `weeks` weeks ending on `today` (both included).
 *
 * @example
 * attentionWindow('2026-03-31'); // { from: '2026-03-04', to: '2026-03-31' }
 * @throws RangeError when `today` is not a real 'YYYY-MM-DD' date or `weeks` not a positive whole number.
 */
export function attentionWindow(today: string, weeks = 4): { from: string; to: string } {
  checkNumber(weeks, 'weeks', { min: 1, integer: true });
  return { from: isoDate(dayNumber(today, 'today') - weeks * 7 + 1), to: today };
}

/**
 * The distribution of attention by band over the last `weeks` weeks.
 *
 * @example
 * attentionByBand({
 *   today: '2026-03-31',
 *   caseload: [{ caseId: 'a', band: 'red' }, { caseId: 'b', band: 'green' }],
 *   events: [{ caseId: 'a', band: 'red', on: '2026-03-30' }],
 * }).bands;
 * // red: 1 case (50%), 1 event (100%); amber: none; green: 1 case (50%), 0 events, ['b'] without attention
 * @throws RangeError when a date is not a real 'YYYY-MM-DD' date, `weeks` is not a positive whole
 *   number, or a case appears twice in the caseload.
 */
export function attentionByBand(input: AttentionInput): AttentionDistribution {
  const weeks = input.weeks ?? 4;
  const { from, to } = attentionWindow(input.today, weeks);
  checkUniqueCaseIds(input.caseload);
  const inCaseload = new Set(input.caseload.map((c) => c.caseId));
  const eventsByBand = new Map<Band, number>(BANDS.map((b) => [b, 0]));
  const attended = new Set<string>();
  let outside = 0;
  for (const e of input.events) {
    dayNumber(e.on, `The date of an attention event for case ${e.caseId}`);
    if (e.on < from || e.on > to) continue;
    if (!inCaseload.has(e.caseId)) {
      outside += 1;
      continue;
    }
    eventsByBand.set(e.band, (eventsByBand.get(e.band) ?? 0) + 1);
    attended.add(e.caseId);
  }
  const totalCases = input.caseload.length;
  const totalEvents = sum([...eventsByBand.values()]);
  const bands = BANDS.map((band) => {
    const members = input.caseload.filter((c) => c.band === band);
    const attentionEvents = eventsByBand.get(band) ?? 0;
    const shareOfCases = totalCases === 0 ? 0 : members.length / totalCases;
    const shareOfAttention = totalEvents === 0 ? 0 : attentionEvents / totalEvents;
    return {
      band,
      cases: members.length,
      shareOfCases,
      attentionEvents,
      shareOfAttention,
      attentionRatio: members.length === 0 ? null : shareOfAttention / shareOfCases,
      casesWithoutAttention: members
        .filter((c) => !attended.has(c.caseId))
        .map((c) => c.caseId)
        .sort(),
    };
  });
  const summary = bands
    .filter((b) => b.cases > 0 || b.attentionEvents > 0)
    .map((b) => bandSentence(b, totalEvents, weeks));
  return { from, to, totalCases, totalEvents, eventsOutsideCaseload: outside, bands, summary };
}

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);

function bandSentence(b: BandAttention, totalEvents: number, weeks: number): string {
  const period = `the last ${plural(weeks, 'week')}`;
  const header = `${bandName(b.band)}: ${plural(b.cases, 'case')} (${percent(b.shareOfCases)} of the caseload)`;
  const attention =
    totalEvents === 0
      ? `no attention events in ${period}`
      : `${b.attentionEvents} of the ${plural(totalEvents, 'attention event')} in ${period} (${percent(b.shareOfAttention)})`;
  const missing = b.casesWithoutAttention.length;
  if (b.cases === 0) return `${header}; ${attention}, given while cases now in another band were ${b.band}.`;
  if (missing === 0) return `${header}; ${attention}; every case had some attention.`;
  if (missing === b.cases) return `${header}; ${attention}; none of its cases had any attention.`;
  return `${header}; ${attention}; ${missing} of its cases had no attention at all.`;
}
