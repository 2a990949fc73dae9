/**
 * One row of the worklist: a case's stored facts and current assessment, with what is computed
 * for today — the next key date and next action due, days since attention, where it stands against
 * its service timescales (computed, never stored) and the resources check.
 */
import {
  type PurposedConsentDates,
  type RecordingConsentStanding,
  recordingConsentStanding,
} from '../clients/consent-state.ts';
import type { Quadrant } from '../priority/assess.ts';
import { type CaseClocks, type CaseFacts, caseClocks } from '../priority/case-clocks.ts';
import { type Band, isImpactLevel, isVulnerabilityLevel } from '../priority/levels.ts';
import { keyDateLabel } from '../priority/reassessment.ts';
import {
  type ServiceTimescaleSetting,
  type TimescaleSource,
  timescaleFor,
} from '../priority/service-timescales.ts';
import type { WorklistOrderFacts } from '../priority/worklist-order.ts';
import { type CalendarDate, calendarDateIn, calendarDaysBetween } from '../time/calendar.ts';
import { type UkNation, workingDaysBetween } from '../time/working-days.ts';
import { type CaseResources, resourceProblems } from './resources.ts';

/** What the store reads about a case on the worklist (open or on hold). */
export interface WorklistCase {
  readonly id: string;
  readonly reference: string;
  readonly status: 'open' | 'on_hold';
  readonly client: { readonly id: string; readonly displayName: string };
  readonly type: { readonly id: string; readonly key: string; readonly name: string };
  readonly owner: { readonly id: string; readonly displayName: string; readonly active: boolean };
  readonly team: { readonly id: string; readonly name: string } | null;
  readonly vulnerability: number;
  readonly impact: string;
  readonly openedAt: Date;
  readonly lastAttentionAt: Date;
  /** The first contact or advice note filed; null until the client has been contacted. */
  readonly firstContactAt: Date | null;
  readonly allocatedHours: number | null;
  readonly openSafeguardingFlags: number;
  readonly openVulnerabilityFlags: number;
  /** When the earliest open safeguarding concern was raised. */
  readonly safeguardingRaisedAt: Date | null;
  /** A handover note to the reader that they have not marked read (absent: not known). */
  readonly handoverToRead?: boolean;
  /** The client's consents to recording and the organisation's period (absent: not known). */
  readonly recordingConsent?: {
    readonly consents: readonly (PurposedConsentDates & { readonly id: string })[];
    readonly months: number;
  };
  /** The nearest pending key date (it may have passed: missed but still pending). */
  readonly nextKeyDate: {
    readonly date: CalendarDate;
    readonly kind: string;
    readonly description: string;
  } | null;
  /** The earliest open action with a due date. */
  readonly nextAction: {
    readonly id: string;
    readonly dueDate: CalendarDate;
    readonly description: string;
  } | null;
  /** The current assessment; null when the case has not been assessed yet. */
  readonly assessment: {
    readonly id: string;
    readonly band: Band;
    readonly computedBand: Band;
    readonly score: number;
    readonly quadrant: Quadrant;
    readonly reasons: readonly string[];
    readonly override: { readonly band: Band; readonly rationale: string } | null;
    readonly assessedAt: Date;
  } | null;
}

export interface WorklistSettings {
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  readonly timeZone: string;
  readonly nation: UkNation;
  readonly timescales: readonly ServiceTimescaleSetting[];
}

/** The reason shown for a case no assessment has looked at yet. */
export const NOT_YET_ASSESSED = 'Not yet assessed';

export interface WorklistRowFacts extends WorklistOrderFacts {
  readonly case: WorklistCase;
  readonly assessed: boolean;
  readonly computedBand: Band;
  readonly quadrant: Quadrant | null;
  /** Headline first. */
  readonly reasons: readonly string[];
  readonly override: { readonly band: Band; readonly rationale: string } | null;
  readonly assessedAt: Date | null;
  readonly nextKeyDate:
    | (NonNullable<WorklistCase['nextKeyDate']> & {
        readonly workingDaysAway: number;
        readonly missed: boolean;
      })
    | null;
  readonly nextActionDue: {
    readonly id: string;
    readonly dueDate: CalendarDate;
    readonly description: string;
    readonly overdue: boolean;
  } | null;
  readonly daysSinceAttention: number;
  readonly clocks: CaseClocks;
  readonly timescaleSource: TimescaleSource;
  readonly resources: CaseResources;
  /** For red cases: what they lack, in plain words. */
  readonly resourceProblems: readonly string[];
  /** Where the client stands on consent to recording today (null: not known). */
  readonly recordingConsent: RecordingConsentStanding | null;
}

/** The domain's view of the case for its clocks. */
function caseFactsOf(c: WorklistCase): CaseFacts {
  return {
    safeguardingRaisedAt: c.safeguardingRaisedAt,
    vulnerability: isVulnerabilityLevel(c.vulnerability) ? c.vulnerability : 0,
    impact: isImpactLevel(c.impact) ? c.impact : 'none',
    nearestKeyDate: c.nextKeyDate
      ? { date: c.nextKeyDate.date, label: keyDateLabel(c.nextKeyDate.description) }
      : null,
    openedAt: c.openedAt,
    lastAttentionAt: c.lastAttentionAt,
    firstContactAt: c.firstContactAt,
  };
}

/**
 * A case as the worklist shows it today. A case not yet assessed counts as green with score 0 and
 * says so ("Not yet assessed"). The timescale is the one of the case's type in the band that counts
 * (the override's when overridden).
 */
export function worklistRowOf(c: WorklistCase, settings: WorklistSettings): WorklistRowFacts {
  const { today, timeZone, nation } = settings;
  const a = c.assessment;
  const band: Band = a?.band ?? 'green';
  const timescale = timescaleFor(settings.timescales, c.type.id, band);
  const nextKeyDate = c.nextKeyDate
    ? {
        ...c.nextKeyDate,
        workingDaysAway: workingDaysBetween(today, c.nextKeyDate.date, nation),
        missed: c.nextKeyDate.date < today,
      }
    : null;
  const nextActionDue = c.nextAction ? { ...c.nextAction, overdue: c.nextAction.dueDate < today } : null;
  const resources: CaseResources = {
    ownerActive: c.owner.active,
    hasNextActionWithDueDate: c.nextAction !== null,
    allocatedHours: c.allocatedHours,
  };
  return {
    case: c,
    reference: c.reference,
    band,
    score: a?.score ?? 0,
    nearestKeyDate: c.nextKeyDate
      ? { date: c.nextKeyDate.date, label: keyDateLabel(c.nextKeyDate.description) }
      : null,
    overdueAction: nextActionDue?.overdue
      ? { due: nextActionDue.dueDate, label: nextActionDue.description }
      : null,
    lastAttentionAt: c.lastAttentionAt,
    assessed: a !== null,
    computedBand: a?.computedBand ?? 'green',
    quadrant: a?.quadrant ?? null,
    reasons: a ? a.reasons : [NOT_YET_ASSESSED],
    override: a?.override ?? null,
    assessedAt: a?.assessedAt ?? null,
    nextKeyDate,
    nextActionDue,
    daysSinceAttention: Math.max(0, calendarDaysBetween(calendarDateIn(c.lastAttentionAt, timeZone), today)),
    clocks: caseClocks(caseFactsOf(c), timescale, { today, timeZone, nation }),
    timescaleSource: timescale.source,
    resources,
    resourceProblems: resourceProblems(band, resources),
    recordingConsent: c.recordingConsent
      ? recordingConsentStanding(c.recordingConsent.consents, today, c.recordingConsent.months)
      : null,
  };
}
