/**
 * Timescale compliance: the share of open cases measured against a service timescale that have
 * no clock breached. The clocks themselves (first contact or review, and target resolution) are
 * the worklist's (src/domain/priority/case-clocks.ts via src/domain/worklist/worklist-row.ts):
 * this module only counts.
 */
import type { TimescaleState } from '../time/timescales.ts';

export interface ComplianceCase {
  readonly caseId: string;
  /** Whether any of its clocks is breached; null when the case has no timescale to meet. */
  readonly breached: boolean | null;
}

export interface TimescaleCompliance {
  /** Cases with a timescale. */
  readonly measured: number;
  readonly breachedCaseIds: readonly string[];
  readonly withinCaseIds: readonly string[];
  /** Share not breached, 0–100 with one decimal; null when no case has a timescale. */
  readonly percent: number | null;
}

/** Whether a case's clocks (the worklist's attention and resolution clocks) show a breach. */
export const clocksBreached = (clocks: {
  readonly attention: { readonly status: TimescaleState };
  readonly resolution: { readonly status: TimescaleState };
}): boolean => clocks.attention.status === 'breached' || clocks.resolution.status === 'breached';

/**
 * @example timescaleCompliance([{ caseId: 'a', breached: true }, { caseId: 'b', breached: false },
 *   { caseId: 'c', breached: false }]).percent // 66.7
 * @example timescaleCompliance([]).percent // null
 */
export function timescaleCompliance(cases: readonly ComplianceCase[]): TimescaleCompliance {
  const breachedCaseIds: string[] = [];
  const withinCaseIds: string[] = [];
  for (const c of cases) {
    if (c.breached === true) breachedCaseIds.push(c.caseId);
    else if (c.breached === false) withinCaseIds.push(c.caseId);
  }
  const measured = breachedCaseIds.length + withinCaseIds.length;
  return {
    measured,
    breachedCaseIds,
    withinCaseIds,
    percent: measured === 0 ? null : Math.round((withinCaseIds.length / measured) * 1000) / 10,
  };
}
