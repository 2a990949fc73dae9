/**
 * The worklist (DESIGN.md "Worklist order"): a practitioner's (or a team's) open and on-hold cases
 * in the order band, nearest key date or overdue action, score, longest since attention — each
 * with why it sits where it does, the filters people narrow it with, and the figures at its top.
 */
import { BANDS, type Band } from '../priority/levels.ts';
import { orderWorklist, type WorklistOrderKey } from '../priority/worklist-order.ts';
import type { TimescaleState } from '../time/timescales.ts';
import type { WorklistFlag, WorklistStatus } from './worklist-filters.ts';
import {
  type WorklistCase,
  type WorklistRowFacts,
  type WorklistSettings,
  worklistRowOf,
} from './worklist-row.ts';

export interface WorklistFilters {
  /** Any of these bands (all when empty). */
  readonly bands: readonly Band[];
  /** A case type's id or key. */
  readonly type?: string | undefined;
  /** Any of these statuses (both when empty). */
  readonly statuses: readonly WorklistStatus[];
  readonly flag?: WorklistFlag | undefined;
}

export const NO_FILTERS: WorklistFilters = { bands: [], statuses: [] };

export interface WorklistRow extends WorklistRowFacts {
  /** 1 for the top of the (filtered) worklist. */
  readonly position: number;
  /** What put this row below the one above it; null for the first. */
  readonly decidedBy: WorklistOrderKey | null;
  readonly explanation: string;
}

export interface ClockCounts {
  readonly near: number;
  readonly breached: number;
}

export interface WorklistSummary {
  /** Cases in the whole worklist of the scope, before filters. */
  readonly total: number;
  /** Rows after the filters. */
  readonly shown: number;
  readonly byBand: Readonly<Record<Band, number>>;
  readonly notAssessed: number;
  /** Cases near or past their first-contact or review timescale. */
  readonly attention: ClockCounts;
  /** Cases near or past their target resolution. */
  readonly resolution: ClockCounts;
  /** Red cases failing the resources check. */
  readonly redWithResourceProblems: number;
}

export interface Worklist {
  readonly rows: readonly WorklistRow[];
  readonly summary: WorklistSummary;
}

/** Whether a row passes every filter given. */
export function matchesFilters(row: WorklistRowFacts, filters: WorklistFilters): boolean {
  if (filters.bands.length > 0 && !filters.bands.includes(row.band)) return false;
  if (filters.statuses.length > 0 && !filters.statuses.includes(row.case.status)) return false;
  if (filters.type !== undefined && row.case.type.id !== filters.type && row.case.type.key !== filters.type) {
    return false;
  }
  switch (filters.flag) {
    case undefined:
      return true;
    case 'safeguarding':
      return row.case.openSafeguardingFlags > 0;
    case 'vulnerability':
      return row.case.openVulnerabilityFlags > 0;
    case 'overridden':
      return row.override !== null;
    case 'resources':
      return row.resourceProblems.length > 0;
  }
}

const countBy = (
  rows: readonly WorklistRowFacts[],
  state: (r: WorklistRowFacts) => TimescaleState,
): ClockCounts => ({
  near: rows.filter((r) => state(r) === 'near').length,
  breached: rows.filter((r) => state(r) === 'breached').length,
});

/** The figures at the top of the worklist, over every case of the scope (the filters do not change them). */
export function summarise(rows: readonly WorklistRowFacts[], shown: number): WorklistSummary {
  const byBand = Object.fromEntries(BANDS.map((b) => [b, rows.filter((r) => r.band === b).length])) as Record<
    Band,
    number
  >;
  return {
    total: rows.length,
    shown,
    byBand,
    notAssessed: rows.filter((r) => !r.assessed).length,
    attention: countBy(rows, (r) => r.clocks.attention.status),
    resolution: countBy(rows, (r) => r.clocks.resolution.status),
    redWithResourceProblems: rows.filter((r) => r.resourceProblems.length > 0).length,
  };
}

/**
 * The worklist of `cases` today: every case measured (see worklistRowOf), the filters applied, the
 * rest in the default order with each position explained; the summary counts the whole scope.
 * @example buildWorklist(cases, settings, { bands: ['red'], statuses: [] }).rows[0]?.explanation
 * // 'Top of the worklist: red, next date Tue 1 Dec (tribunal appeal deadline), score 75.'
 */
export function buildWorklist(
  cases: readonly WorklistCase[],
  settings: WorklistSettings,
  filters: WorklistFilters = NO_FILTERS,
): Worklist {
  const all = cases.map((c) => worklistRowOf(c, settings));
  const kept = all.filter((r) => matchesFilters(r, filters));
  const rows = orderWorklist(kept, { today: settings.today }).map((p) => ({
    ...p.row,
    position: p.position,
    decidedBy: p.decidedBy,
    explanation: p.explanation,
  }));
  return { rows, summary: summarise(all, rows.length) };
}
