/** Rules of case notes: what a filed note must contain, and when it is a late entry. */
import type { FieldError } from '../errors.ts';

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

/** What the rules need of a note's heading: its type, how contact happened, and when. */
export interface NoteHeading {
  readonly type: string;
  readonly contactChannel: string | null;
  readonly occurredAt: Date;
}

/**
 * The problems of a note's heading, by field (request field names): a contact note says how the
 * contact happened, and nothing occurs more than FUTURE_TOLERANCE_MS after `now`.
 */
export function noteHeadingProblems(
  n: NoteHeading,
  now: Date,
  stage: 'draft' | 'filing' = 'filing',
): FieldError[] {
  const problems: FieldError[] = [];
  // A draft may be saved before the channel is chosen; filing needs it.
  if (stage === 'filing' && n.type === 'contact' && !n.contactChannel) {
    problems.push({
      field: 'contactChannel',
      message: 'Say how the contact happened: phone, face-to-face, video, email or letter.',
    });
  }
  if (occurredInFuture(n.occurredAt, now)) {
    problems.push({
      field: 'occurredAt',
      message: 'This is in the future: enter when it happened (at most 5 minutes ahead of the server clock).',
    });
  }
  return problems;
}
