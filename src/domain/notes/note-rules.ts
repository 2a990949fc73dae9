/** Rules of case notes: what a filed note must contain, and when it is a late entry. */

export interface NoteSections {
  readonly facts: string;
  readonly advice: string;
  readonly actionsAgreed: string;
  readonly judgement: string;
}

/** A note can be filed when at least one of facts, advice given or actions agreed is written. */
export function hasRecordedContent(s: NoteSections): boolean {
  return [s.facts, s.advice, s.actionsAgreed].some((text) => text.trim().length > 0);
}

/** The default: a note recorded more than 24 hours after the event is a late entry. */
export const DEFAULT_LATE_ENTRY_HOURS = 24;

/** Whether a note recorded at `recordedAt` about an event at `occurredAt` is a late entry. */
export function isLateEntry(
  occurredAt: Date,
  recordedAt: Date,
  thresholdHours = DEFAULT_LATE_ENTRY_HOURS,
): boolean {
  return recordedAt.getTime() - occurredAt.getTime() > thresholdHours * 3_600_000;
}

/** Clocks differ a little; an event may be noted as happening up to this far "in the future". */
export const FUTURE_TOLERANCE_MS = 5 * 60_000;

/** An event cannot have occurred after it was recorded (beyond a small clock tolerance). */
export function occurredInFuture(occurredAt: Date, now: Date): boolean {
  return occurredAt.getTime() - now.getTime() > FUTURE_TOLERANCE_MS;
}
