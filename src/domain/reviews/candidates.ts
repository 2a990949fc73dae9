/**
 * A worklist row as a review candidate: the band and the timescale clocks exactly as the worklist
 * computed them (worklist-row.ts), with the working days since attention and the review timescale
 * the stalled and neglect rules read.
 */
import { timescaleFor } from '../priority/service-timescales.ts';
import { calendarDateIn } from '../time/calendar.ts';
import { workingDaysBetween } from '../time/working-days.ts';
import type { WorklistRowFacts, WorklistSettings } from '../worklist/worklist-row.ts';
import type { ReviewCandidate } from './proposals.ts';

/**
 * @param weight the case's weight in points (case-weight.ts), null when unknown
 */
export function candidateOf(
  row: WorklistRowFacts,
  settings: WorklistSettings,
  weight: number | null,
): ReviewCandidate {
  const c = row.case;
  const lastAttentionOn = calendarDateIn(c.lastAttentionAt, settings.timeZone);
  return {
    caseId: c.id,
    reference: c.reference,
    band: row.band,
    status: c.status,
    workingDaysSinceAttention: Math.max(
      0,
      workingDaysBetween(lastAttentionOn, settings.today, settings.nation),
    ),
    attendedBefore: c.lastAttentionAt.getTime() > c.openedAt.getTime(),
    reviewTimescaleWorkingDays: timescaleFor(settings.timescales, c.type.id, row.band).reviewDays,
    attention: {
      kind: row.clocks.attention.kind,
      status: row.clocks.attention.status,
      dueDate: row.clocks.attention.dueDate,
      workingDays: row.clocks.attention.workingDays,
    },
    resolution: {
      status: row.clocks.resolution.status,
      dueDate: row.clocks.resolution.dueDate,
      workingDays: row.clocks.resolution.workingDays,
    },
    weight,
    bandReason: row.reasons[0] ?? null,
  };
}
