import type {
  CorrectiveActionResponse,
  FileReviewItemResponse,
  FileReviewReportResponse,
  FileReviewResponse,
  FileReviewSummaryResponse,
  SampleResultResponse,
  SamplingRuleResponse,
} from '../../../contract/file-reviews.ts';
import { CORRECTIVE_ACTION_STATE_LABELS } from '../../../domain/file-reviews/corrective-actions.ts';
import type {
  CorrectiveActionView,
  SamplingRuleView,
} from '../../../services/file-reviews/file-review-views.ts';
import type { FileReviewDetail } from '../../../services/file-reviews/get-file-review.ts';
import type { FileReviewReport } from '../../../services/file-reviews/get-file-review-report.ts';
import type { FileReviewSummaryView } from '../../../services/file-reviews/review-summaries.ts';
import type { SampleResult } from '../../../services/file-reviews/sample-file-reviews.ts';
import type { FileReviewItemRow } from '../../../store/file-review-items.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export const presentItem = (row: FileReviewItemRow): FileReviewItemResponse => ({
  id: row.id,
  key: row.key,
  label: row.label,
  guidance: row.guidance,
  active: row.active,
  sortOrder: row.sort_order,
});

export const presentRule = (rule: SamplingRuleView): SamplingRuleResponse => ({
  casesPerPractitioner: rule.casesPerPractitioner,
  period: rule.period,
  riskShare: rule.riskShare,
  currentPeriod: rule.currentPeriod,
  currentPeriodWords: rule.currentPeriodWords,
  description: rule.description,
});

export const presentAction = (a: CorrectiveActionView): CorrectiveActionResponse => ({
  id: a.id,
  fileReviewId: a.file_review_id,
  case: { id: a.case_id, reference: a.reference },
  period: a.period,
  item: a.item_id ? { id: a.item_id, label: a.item_label ?? '' } : null,
  description: a.description,
  assignedTo: { id: a.assigned_to, displayName: a.assignee_name },
  raisedBy: { id: a.created_by, displayName: a.created_by_name },
  raisedAt: a.created_at.toISOString(),
  dueOn: a.due_on,
  doneAt: iso(a.done_at),
  doneNote: a.done_note,
  verifiedBy: a.verified_by ? { id: a.verified_by, displayName: a.verified_by_name ?? '' } : null,
  verifiedAt: iso(a.verified_at),
  verificationNote: a.verification_note,
  state: a.status.state,
  stateLabel: CORRECTIVE_ACTION_STATE_LABELS[a.status.state],
  stateWords: a.status.words,
  daysOverdue: a.status.daysOverdue,
});

export const presentSummary = (s: FileReviewSummaryView): FileReviewSummaryResponse => {
  const r = s.review;
  return {
    id: r.id,
    period: r.period,
    status: r.status,
    selection: r.selection,
    selectionReason: r.selection_reason,
    case: { id: r.case_id, reference: r.reference },
    practitioner: { id: r.practitioner_id, displayName: r.practitioner_name },
    reviewer: r.reviewer_id ? { id: r.reviewer_id, displayName: r.reviewer_name ?? '' } : null,
    selectedAt: r.selected_at.toISOString(),
    completedAt: iso(r.completed_at),
    answered: s.answered,
    itemsToAnswer: s.itemsToAnswer,
    correctiveActions: s.actionCounts,
  };
};

export const presentDetail = (d: FileReviewDetail): FileReviewResponse => ({
  ...presentSummary(d),
  summary: d.review.summary,
  today: d.today,
  canReview: d.canReview,
  checklist: d.checklist.map((c) => ({ ...c })),
  correctiveActionList: d.actions.map(presentAction),
});

export const presentSample = (s: SampleResult): SampleResultResponse => ({
  period: s.period.label,
  periodWords: s.periodWords,
  rule: presentRule(s.rule),
  added: s.practitioners.reduce((n, p) => n + p.chosen.length, 0),
  practitioners: s.practitioners.map((p) => ({
    practitioner: p.practitioner,
    summary: p.plan.summary,
    eligible: p.plan.eligible,
    shortfall: p.plan.shortfall,
    chosen: p.chosen.map((c) => ({
      fileReviewId: c.fileReviewId,
      case: { id: c.caseId, reference: c.reference },
      selection: c.selection,
      reason: c.reason,
      riskScore: c.riskScore,
    })),
  })),
});

export const presentReport = (r: FileReviewReport): FileReviewReportResponse => ({
  year: r.year,
  scope: r.scope,
  teams: [...r.teams],
  today: r.today,
  reviews: r.analysis.reviews,
  reviewsNotCompleted: r.reviewsNotCompleted,
  percentMet: r.analysis.percentMet,
  items: r.analysis.items.map((i) => ({ ...i })),
  practitioners: (r.analysis.practitioners ?? [])
    .map((p) => ({
      practitioner: { id: p.practitionerId, displayName: r.practitionerNames.get(p.practitionerId) ?? '' },
      reviews: p.reviews,
      percentMet: p.percentMet,
      items: p.items.map((i) => ({ ...i })),
    }))
    .sort((a, b) => a.practitioner.displayName.localeCompare(b.practitioner.displayName)),
  correctiveActions: { ...r.correctiveActions },
});
