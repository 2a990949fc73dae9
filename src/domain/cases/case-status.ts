/**
 * The life of a case: open → on hold (with a reason) → open again, and open or on hold → closed
 * (with an outcome from the organisation's list, optional outcome details and a closure reason)
 * → reopened (with a reason). Pure: the service loads the
 * case, asks `planStatusChange` what would change, and records every changed field in the field
 * history, so a reopened case keeps its earlier outcome and closure reason there.
 *
 * Allowed:             open → on_hold, open → closed, on_hold → open, on_hold → closed, closed → open
 * Refused:             closed → on_hold (reopen first), and any status to itself
 */

export type CaseStatus = 'open' | 'on_hold' | 'closed';

/** The status fields of a case as they are now. */
export interface CaseStatusState {
  readonly status: CaseStatus;
  readonly holdReason: string | null;
  /** The organisation's outcome category (outcome_types.key); null for cases closed before the list. */
  readonly outcomeKey: string | null;
  /** Details of the outcome in words (optional since the outcome list). */
  readonly outcome: string | null;
  readonly closureReason: string | null;
  readonly closedAt: Date | null;
}

export type StatusChangeRequest =
  | { readonly status: 'on_hold'; readonly reason: string }
  | {
      readonly status: 'closed';
      /** One of the organisation's active outcome keys. */
      readonly outcomeKey: string;
      /** Optional details in words. */
      readonly outcome?: string | undefined;
      readonly closureReason: string;
    }
  | { readonly status: 'open'; readonly reason?: string | undefined };

/** Names of the status fields as the field history records them (the case's column names). */
export type StatusField =
  | 'status'
  | 'hold_reason'
  | 'outcome_key'
  | 'outcome'
  | 'closure_reason'
  | 'closed_at';

export interface StatusFieldChange {
  readonly field: StatusField;
  readonly oldValue: string | null;
  readonly newValue: string | null;
}

export type StatusChangeRefusal =
  /** The case already has that status. */
  | 'SAME_STATUS'
  /** A closed case goes on hold only after it is reopened. */
  | 'CLOSED_TO_ON_HOLD'
  /** Reopening a closed case needs a reason (field `reason`). */
  | 'REOPEN_REASON_REQUIRED'
  /** A required text is empty after trimming (field named in `field`). */
  | 'TEXT_REQUIRED'
  /** Closing needs an outcome from the organisation's list (field `outcomeKey`). */
  | 'OUTCOME_REQUIRED'
  /** The outcome key is not one of the organisation's active outcomes (field `outcomeKey`). */
  | 'OUTCOME_UNKNOWN';

export type StatusChangePlan =
  | { readonly ok: true; readonly next: CaseStatusState; readonly changes: readonly StatusFieldChange[] }
  | { readonly ok: false; readonly refusal: StatusChangeRefusal; readonly field?: string };

const refuse = (refusal: StatusChangeRefusal, field?: string): StatusChangePlan =>
  field ? { ok: false, refusal, field } : { ok: false, refusal };

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The field-by-field difference between two states, in a stable order. */
export function statusFieldChanges(before: CaseStatusState, after: CaseStatusState): StatusFieldChange[] {
  const pairs: [StatusField, string | null, string | null][] = [
    ['status', before.status, after.status],
    ['hold_reason', before.holdReason, after.holdReason],
    ['outcome_key', before.outcomeKey, after.outcomeKey],
    ['outcome', before.outcome, after.outcome],
    ['closure_reason', before.closureReason, after.closureReason],
    ['closed_at', iso(before.closedAt), iso(after.closedAt)],
  ];
  return pairs
    .filter(([, oldValue, newValue]) => oldValue !== newValue)
    .map(([field, oldValue, newValue]) => ({ field, oldValue, newValue }));
}

/** What a status change is checked against: the organisation's outcome list. */
export interface StatusChangeOptions {
  /** The keys of the organisation's active outcome types: a closure must name one. */
  readonly activeOutcomeKeys: readonly string[];
}

/**
 * What a status change would do to a case, or why it is refused. Texts are trimmed; the reason of
 * a reopening is not stored on the case (it goes with the field history), so it is not in `next`.
 *
 * @example
 * planStatusChange(openCase, { status: 'on_hold', reason: 'Waiting for the DWP decision' }, now, options)
 * // → { ok: true, next: { status: 'on_hold', holdReason: 'Waiting…', … }, changes: [status, hold_reason] }
 * @example
 * planStatusChange(openCase, { status: 'closed', outcomeKey: 'won', closureReason: 'Done' }, now,
 *   { activeOutcomeKeys: ['resolved'] })
 * // → { ok: false, refusal: 'OUTCOME_UNKNOWN', field: 'outcomeKey' }
 */
export function planStatusChange(
  current: CaseStatusState,
  request: StatusChangeRequest,
  now: Date,
  options: StatusChangeOptions,
): StatusChangePlan {
  if (request.status === current.status) return refuse('SAME_STATUS', 'status');
  const next = nextState(current, request, now, options);
  if ('refusal' in next) return refuse(next.refusal, next.field);
  return { ok: true, next, changes: statusFieldChanges(current, next) };
}

function nextState(
  current: CaseStatusState,
  request: StatusChangeRequest,
  now: Date,
  options: StatusChangeOptions,
): CaseStatusState | { refusal: StatusChangeRefusal; field: string } {
  switch (request.status) {
    case 'on_hold': {
      if (current.status === 'closed') return { refusal: 'CLOSED_TO_ON_HOLD', field: 'status' };
      const reason = request.reason.trim();
      if (!reason) return { refusal: 'TEXT_REQUIRED', field: 'reason' };
      return { ...current, status: 'on_hold', holdReason: reason };
    }
    case 'closed': {
      const outcomeKey = request.outcomeKey.trim();
      const outcome = request.outcome?.trim() || null;
      const closureReason = request.closureReason.trim();
      if (!outcomeKey) return { refusal: 'OUTCOME_REQUIRED', field: 'outcomeKey' };
      if (!options.activeOutcomeKeys.includes(outcomeKey))
        return { refusal: 'OUTCOME_UNKNOWN', field: 'outcomeKey' };
      if (!closureReason) return { refusal: 'TEXT_REQUIRED', field: 'closureReason' };
      return { status: 'closed', holdReason: null, outcomeKey, outcome, closureReason, closedAt: now };
    }
    case 'open': {
      if (current.status === 'closed' && !request.reason?.trim()) {
        return { refusal: 'REOPEN_REASON_REQUIRED', field: 'reason' };
      }
      return {
        status: 'open',
        holdReason: null,
        outcomeKey: null,
        outcome: null,
        closureReason: null,
        closedAt: null,
      };
    }
  }
}
