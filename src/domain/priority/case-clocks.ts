/**
 * A case's clocks: where it stands against its service timescales today (first contact until the
 * client has been contacted, then the review interval since the last attention; and the target
 * resolution since opening), and the facts an assessment reads, computed from the stored facts of
 * the case. Nothing here is stored: breaches and near-breaches are computed each time.
 */
import { type CalendarDate, calendarDateIn, calendarDaysBetween } from '../time/calendar.ts';
import { type TimescaleStatus, timescaleStatus } from '../time/timescales.ts';
import { type UkNation, workingDaysBetween } from '../time/working-days.ts';
import type { AssessmentInputs } from './facts.ts';
import type { ImpactLevel, VulnerabilityLevel } from './levels.ts';
import type { ServiceTimescale } from './service-timescales.ts';

/** What is stored about a case that an assessment and its clocks look at. */
export interface CaseFacts {
  /** When the earliest open safeguarding concern was raised, if one is open. */
  readonly safeguardingRaisedAt: Date | null;
  readonly vulnerability: VulnerabilityLevel;
  readonly impact: ImpactLevel;
  /** The nearest pending key date (it may be past: missed but still pending). */
  readonly nearestKeyDate: { readonly date: CalendarDate; readonly label: string } | null;
  readonly openedAt: Date;
  /** When the case last had attention (a note filed), or its opening. */
  readonly lastAttentionAt: Date;
  /** When the client was first contacted (the first contact or advice note); null until then. */
  readonly firstContactAt: Date | null;
}

export interface ClockSettings {
  /** Today in the organisation's time zone. */
  readonly today: CalendarDate;
  readonly timeZone: string;
  readonly nation: UkNation;
}

export interface AttentionClock extends TimescaleStatus {
  /** 'first-contact' until the client has been contacted, then 'review'. */
  readonly kind: 'first-contact' | 'review';
  readonly workingDays: number;
}

export interface CaseClocks {
  readonly attention: AttentionClock;
  readonly resolution: TimescaleStatus & { readonly workingDays: number };
}

/**
 * Where a case stands against its timescale today.
 * @example caseClocks(facts, { firstContactDays: 1, reviewDays: 5, resolutionDays: 40 }, settings).attention.status // 'near'
 */
export function caseClocks(
  facts: CaseFacts,
  timescale: ServiceTimescale,
  settings: ClockSettings,
): CaseClocks {
  const { today, timeZone, nation } = settings;
  const opened = calendarDateIn(facts.openedAt, timeZone);
  const contacted = facts.firstContactAt !== null;
  const attentionDays = contacted ? timescale.reviewDays : timescale.firstContactDays;
  const attentionStart = contacted ? calendarDateIn(facts.lastAttentionAt, timeZone) : opened;
  return {
    attention: {
      kind: contacted ? 'review' : 'first-contact',
      workingDays: attentionDays,
      ...timescaleStatus({ start: attentionStart, workingDays: attentionDays, today, nation }),
    },
    resolution: {
      workingDays: timescale.resolutionDays,
      ...timescaleStatus({ start: opened, workingDays: timescale.resolutionDays, today, nation }),
    },
  };
}

/**
 * Working days from today to a key date, never 0 unless it is today: a date that has passed is at
 * least 1 behind (a Friday deadline is missed on Saturday, although no working day came between),
 * and a future one at least 1 ahead (a Sunday deadline seen on Friday is not "today").
 * @example workingDaysAway('2026-11-28', '2026-11-27', 'england-and-wales') // -1
 */
export function workingDaysAway(today: CalendarDate, date: CalendarDate, nation: UkNation): number {
  const count = workingDaysBetween(today, date, nation);
  if (date < today) return Math.min(count, -1);
  if (date > today) return Math.max(count, 1);
  return 0;
}

/**
 * The inputs of an assessment: the stored facts, with working days to the key date and the share
 * of the attention timescale elapsed counted for today.
 */
export function assessmentInputsOf(
  facts: CaseFacts,
  timescale: ServiceTimescale | null,
  settings: ClockSettings,
): AssessmentInputs {
  const { today, timeZone, nation } = settings;
  const keyDate = facts.nearestKeyDate;
  return {
    safeguarding: facts.safeguardingRaisedAt ? { raisedAt: facts.safeguardingRaisedAt } : null,
    vulnerability: facts.vulnerability,
    impact: facts.impact,
    nearestKeyDate: keyDate
      ? {
          date: keyDate.date,
          label: keyDate.label,
          workingDaysAway: workingDaysAway(today, keyDate.date, nation),
        }
      : null,
    timescaleElapsedShare: timescale ? caseClocks(facts, timescale, settings).attention.elapsedShare : null,
    lastAttentionDaysAgo: Math.max(
      0,
      calendarDaysBetween(calendarDateIn(facts.lastAttentionAt, timeZone), today),
    ),
  };
}
