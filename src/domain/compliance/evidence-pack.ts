/**
 * The quality-mark evidence pack (AQS, SQM, Lexcel): what a period's records add up to — the key
 * dates register (met and missed), the file-review log, supervision (caseload reviews held on time
 * or late) and service timescale compliance. Pure: the store reads the rows, this counts them.
 * Case references only: no client names.
 */
export interface EvidenceKeyDate {
  readonly reference: string;
  readonly kind: string;
  readonly dueDate: string;
  readonly status: 'pending' | 'met' | 'missed' | 'cancelled';
}

/** A key date counts as missed when marked missed, or still pending after its day has passed. */
export type KeyDateOutcome = 'met' | 'missed' | 'pending' | 'cancelled';

export const keyDateOutcome = (k: EvidenceKeyDate, today: string): KeyDateOutcome =>
  k.status === 'pending' && k.dueDate < today ? 'missed' : k.status;

export interface KeyDateCounts {
  readonly met: number;
  readonly missed: number;
  readonly pending: number;
  readonly cancelled: number;
}

export function keyDateCounts(dates: readonly EvidenceKeyDate[], today: string): KeyDateCounts {
  const counts = { met: 0, missed: 0, pending: 0, cancelled: 0 };
  for (const k of dates) counts[keyDateOutcome(k, today)] += 1;
  return counts;
}

export interface EvidenceReview {
  readonly practitionerId: string;
  readonly practitionerName: string;
  readonly completedOn: string;
  /** The date it was due (the previous review's next date); null for a first review. */
  readonly dueOn: string | null;
}

export interface SupervisionFigures {
  readonly practitionerId: string;
  readonly practitionerName: string;
  readonly held: number;
  /** Completed on or before the day it was due (a first review counts as on time). */
  readonly onTime: number;
  readonly late: number;
}

/** Caseload reviews completed in the period, per practitioner, by name. */
export function supervisionFigures(reviews: readonly EvidenceReview[]): SupervisionFigures[] {
  const by = new Map<
    string,
    { practitionerId: string; practitionerName: string; held: number; onTime: number; late: number }
  >();
  for (const r of reviews) {
    const f = by.get(r.practitionerId) ?? {
      practitionerId: r.practitionerId,
      practitionerName: r.practitionerName,
      held: 0,
      onTime: 0,
      late: 0,
    };
    f.held += 1;
    if (r.dueOn === null || r.completedOn <= r.dueOn) f.onTime += 1;
    else f.late += 1;
    by.set(r.practitionerId, f);
  }
  return [...by.values()].sort((a, b) => a.practitionerName.localeCompare(b.practitionerName));
}

export interface EvidenceFileReview {
  readonly reference: string;
  readonly practitionerName: string;
  readonly reviewerName: string | null;
  readonly period: string;
  readonly selection: string;
  readonly status: 'due' | 'completed';
  readonly completedOn: string | null;
  readonly met: number;
  readonly notMet: number;
  readonly notApplicable: number;
  readonly correctiveActions: number;
  readonly correctiveActionsDone: number;
  readonly correctiveActionsVerified: number;
}

export interface FileReviewTotals {
  readonly reviews: number;
  readonly completed: number;
  readonly met: number;
  readonly notMet: number;
  /** Share of answered items met, 0–100 with one decimal; null with none answered. */
  readonly percentMet: number | null;
  readonly correctiveActions: number;
  readonly correctiveActionsVerified: number;
}

export function fileReviewTotals(reviews: readonly EvidenceFileReview[]): FileReviewTotals {
  const sum = (f: (r: EvidenceFileReview) => number) => reviews.reduce((s, r) => s + f(r), 0);
  const met = sum((r) => r.met);
  const notMet = sum((r) => r.notMet);
  return {
    reviews: reviews.length,
    completed: reviews.filter((r) => r.status === 'completed').length,
    met,
    notMet,
    percentMet: met + notMet === 0 ? null : Math.round((met / (met + notMet)) * 1000) / 10,
    correctiveActions: sum((r) => r.correctiveActions),
    correctiveActionsVerified: sum((r) => r.correctiveActionsVerified),
  };
}
