import type {
  ReviewCaseResponse,
  ReviewComparisonResponse,
  ReviewResponse,
  ReviewScheduleResponse,
  ReviewSummaryResponse,
} from '../../../contract/reviews.ts';
import type { FigureChange } from '../../../domain/reviews/compare.ts';
import type { ReviewCaseDetail, ReviewDetail } from '../../../services/reviews/get-review.ts';
import type { PractitionerSchedule } from '../../../services/reviews/list-review-schedules.ts';
import type { ReviewRow } from '../../../store/reviews.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSchedule(s: PractitionerSchedule): ReviewScheduleResponse {
  return {
    practitioner: s.practitioner,
    self: s.self,
    cadenceWeeks: s.schedule.cadenceWeeks,
    cadenceSource: s.schedule.cadenceSource,
    ownCadenceWeeks: s.ownCadenceWeeks,
    organisationCadenceWeeks: s.organisationCadenceWeeks,
    nextDueOn: s.schedule.nextDueOn,
    dueSource: s.schedule.dueSource,
    status: s.schedule.status,
    daysUntilDue: s.schedule.daysUntilDue,
    words: s.schedule.words,
    lastReview: s.lastReview?.completed_at
      ? {
          id: s.lastReview.id,
          completedAt: s.lastReview.completed_at.toISOString(),
          supervisorName: s.lastReview.supervisor_name,
        }
      : null,
    inProgressReview: s.inProgressReview
      ? {
          id: s.inProgressReview.id,
          startedAt: s.inProgressReview.started_at.toISOString(),
          supervisorName: s.inProgressReview.supervisor_name,
        }
      : null,
    mayStart: s.mayStart,
    maySetSchedule: s.maySetSchedule,
  };
}

export const presentReviewSummary = (r: ReviewRow): ReviewSummaryResponse => ({
  id: r.id,
  status: r.status,
  practitioner: { id: r.practitioner_id, displayName: r.practitioner_name },
  supervisor: { id: r.supervisor_id, displayName: r.supervisor_name },
  startedAt: r.started_at.toISOString(),
  completedAt: iso(r.completed_at),
  nextReviewOn: r.next_review_on,
});

function presentCase(c: ReviewCaseDetail): ReviewCaseResponse {
  const r = c.row;
  return {
    caseId: r.case_id,
    reference: r.reference,
    band: c.band,
    currentBand: c.currentBand,
    caseStatus: r.case_status as ReviewCaseResponse['caseStatus'],
    proposed: r.proposed,
    reasons: c.reasons.map((x) => ({ kind: x.kind, label: x.label, reason: x.reason })),
    decision: r.decision,
    obstacles: r.obstacles,
    discussed: r.discussed_at !== null,
    discussedAt: iso(r.discussed_at),
    improvements: c.improvements.map((a) => ({
      id: a.id,
      caseId: a.case_id,
      description: a.description,
      ownerKind: a.owner_kind,
      ownerUserId: a.owner_user_id,
      ownerName: a.owner_kind === 'practitioner' ? a.owner_display_name : a.owner_name,
      dueDate: a.due_date,
      status: a.status,
    })),
    obstacleRecords: c.obstacleRecords.map((o) => ({
      id: o.id,
      caseId: o.case_id,
      category: o.category,
      description: o.description,
      since: o.since,
      plan: o.plan,
      resolved: o.resolved_at !== null,
    })),
  };
}

export function presentReview(d: ReviewDetail): ReviewResponse {
  return {
    ...presentReviewSummary(d.review),
    summary: d.review.summary,
    today: d.today,
    yourRole: d.yourRole,
    mayChange: d.mayChange,
    mayShareReflections: d.mayShareReflections,
    suggestedNextReviewOn: d.suggestedNextReviewOn,
    previousReviewId: d.previousReviewId,
    period: d.period,
    snapshot: {
      takenAt: d.snapshot.takenAt,
      today: d.snapshot.today,
      figures: [...d.snapshot.figures],
      capacity: d.snapshot.capacity,
      dashboard: d.snapshot.dashboard,
    },
    cases: d.cases.map(presentCase),
    hiddenCases: d.hiddenCases,
    reflections: d.reflections.map((f) => ({
      id: f.id,
      title: f.title,
      occurredOn: f.occurred_on,
      description: f.description,
      feelings: f.feelings,
      evaluation: f.evaluation,
      analysis: f.analysis,
      conclusion: f.conclusion,
      actionPlan: f.action_plan,
      sharedAt: f.shared_at.toISOString(),
    })),
    externalFactors: d.externalFactors.map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      description: f.description,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
    })),
  };
}

export const presentComparison = (c: {
  from: ReviewRow;
  to: ReviewRow;
  figures: FigureChange[];
}): ReviewComparisonResponse => ({
  practitioner: { id: c.to.practitioner_id, displayName: c.to.practitioner_name },
  from: presentReviewSummary(c.from),
  to: presentReviewSummary(c.to),
  figures: c.figures.map((f) => ({ ...f })),
});
