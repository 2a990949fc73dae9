/** Words the dashboard uses: bands, statuses, obstacle categories, dates and counts. */
import type { DashboardBand, DashboardCase, DashboardExternalFactor } from '../../contract/dashboard.ts';
import { EXTERNAL_FACTOR_KIND_LABELS } from '../../domain/dashboard/external-factors.ts';
import { formatDate } from '../lib/format.ts';
import { labelOf, OBSTACLE_CATEGORY_LABELS } from '../lib/labels.ts';

export const BAND_WORDS: Record<DashboardBand, string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'not-assessed': 'Not yet assessed',
};

export const STATUS_WORDS: Record<DashboardCase['status'], string> = {
  open: 'Open',
  on_hold: 'On hold',
  closed: 'Closed',
};

export const obstacleWords = (category: string): string => labelOf(OBSTACLE_CATEGORY_LABELS, category);

export const factorKindWords = (kind: DashboardExternalFactor['kind']): string =>
  EXTERNAL_FACTOR_KIND_LABELS[kind];

/** "3 Dec 2026", or "13 Nov 2026 to 17 Nov 2026". */
export function factorDates(f: { startsOn: string; endsOn: string | null }): string {
  return f.endsOn && f.endsOn !== f.startsOn
    ? `${formatDate(f.startsOn)} to ${formatDate(f.endsOn)}`
    : formatDate(f.startsOn);
}

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** "w/c 23 Nov": a week by its Monday, short for chart axes. */
export function weekLabel(weekStart: string): string {
  const d = new Date(`${weekStart}T12:00:00Z`);
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}
