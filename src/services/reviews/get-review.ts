import { type SnapshotFigure, snapshotFigures } from '../../domain/reviews/compare.ts';
import { REASON_LABELS, type ReviewReasonKind } from '../../domain/reviews/proposals.ts';
import { caseIdsOfSnapshot, redactSnapshot } from '../../domain/reviews/redact.ts';
import { DEFAULT_REVIEW_CADENCE_WEEKS, nextDueAfter } from '../../domain/reviews/schedule.ts';
import { addCalendarDays, type CalendarDate, calendarDateIn } from '../../domain/time/calendar.ts';
import { getCaseloadSettings } from '../../store/caseload-settings.ts';
import { type ExternalFactorRow, listExternalFactors } from '../../store/external-factors.ts';
import type { ReflectionRow } from '../../store/reflections.ts';
import {
  listReviewActions,
  listReviewCases,
  listReviewObstacles,
  listReviewSchedules,
  listSharedReflections,
  previousCompletedReview,
  type ReviewActionView,
  type ReviewCaseView,
  type ReviewRow,
  visibleCaseIds,
} from '../../store/reviews.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { loadReview } from './review-access.ts';

type Band = 'red' | 'amber' | 'green' | 'not-assessed';

export interface ReviewCaseDetail {
  readonly row: ReviewCaseView;
  readonly band: Band;
  readonly currentBand: Band;
  readonly reasons: readonly { kind: ReviewReasonKind; label: string; reason: string }[];
  readonly improvements: readonly ReviewActionView[];
  readonly obstacleRecords: Awaited<ReturnType<typeof listReviewObstacles>>;
}

export interface SnapshotView {
  readonly takenAt: string;
  readonly today: string;
  readonly figures: readonly SnapshotFigure[];
  readonly capacity: {
    load: number;
    capacity: number;
    rag: 'blue' | 'green' | 'amber' | 'red';
    summary: string;
  } | null;
  readonly dashboard: Record<string, unknown> | null;
}

export interface ReviewDetail {
  readonly review: ReviewRow;
  readonly today: CalendarDate;
  readonly timeZone: string;
  readonly yourRole: 'practitioner' | 'supervisor' | 'other-supervisor';
  readonly mayChange: boolean;
  readonly mayShareReflections: boolean;
  readonly suggestedNextReviewOn: CalendarDate;
  readonly previousReviewId: string | null;
  readonly period: { readonly from: CalendarDate; readonly to: CalendarDate };
  readonly snapshot: SnapshotView;
  readonly cases: readonly ReviewCaseDetail[];
  readonly hiddenCases: number;
  readonly reflections: readonly (ReflectionRow & { shared_at: Date })[];
  readonly externalFactors: readonly ExternalFactorRow[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const asBand = (v: unknown): Band => (v === 'red' || v === 'amber' || v === 'green' ? v : 'not-assessed');

/**
 * One caseload review as its participants see it: the frozen snapshot (the cases behind each
 * figure named only where the reader may view them), the cases discussed with their reasons,
 * decisions, obstacles and the improvements agreed (actions), the reflections the practitioner
 * shared into it, and the external factors of its period. Readable by the practitioner, the
 * supervisor who holds it and the other supervisors of the practitioner's teams; anyone else gets
 * REVIEW_NOT_FOUND. The read is audited (`review.viewed`, with the ids of the cases named).
 * @throws AppError UNAUTHENTICATED, REVIEW_NOT_FOUND
 */
export async function getReviewDetail(ctx: ServiceContext, reviewId: string): Promise<ReviewDetail> {
  const detail = await readReviewDetail(ctx, reviewId);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'review.viewed',
      entityType: 'caseload_review',
      entityId: detail.review.id,
      details: {
        caseIds: detail.cases.map((c) => c.row.case_id),
        hiddenCases: detail.hiddenCases,
        reflectionIds: detail.reflections.map((r) => r.id),
      },
    }),
  );
  return detail;
}

/** The same, without the audit (the caller audits, e.g. the PDF export). */
export async function readReviewDetail(ctx: ServiceContext, reviewId: string): Promise<ReviewDetail> {
  const actor = requireActor(ctx);
  const db = ctx.db;
  const { review, access } = await loadReview(ctx, db, reviewId, 'read');
  const now = ctx.clock.now();
  const snapshot = isRecord(review.snapshot) ? review.snapshot : {};
  const [calendar, cases, actions, obstacles, reflections, previous, settings, schedules, visible] =
    await Promise.all([
      organisationCalendar(db, actor.orgId, now),
      listReviewCases(db, { actor, now, reviewId: review.id }),
      listReviewActions(db, actor.orgId, review.id),
      listReviewObstacles(db, actor.orgId, review.id),
      listSharedReflections(db, actor.orgId, review.id),
      previousCompletedReview(db, actor.orgId, review.practitioner_id, review.started_at),
      getCaseloadSettings(db, actor.orgId),
      listReviewSchedules(db, actor.orgId, [review.practitioner_id]),
      visibleCaseIds(db, { actor, now, caseIds: caseIdsOfSnapshot(snapshot) }),
    ]);
  const { today, timeZone } = calendar;
  const cadence = schedules[0]?.cadence_weeks ?? settings?.reviewCadenceWeeks ?? DEFAULT_REVIEW_CADENCE_WEEKS;
  const startedOn = calendarDateIn(review.started_at, timeZone);
  const period = {
    from: previous ? calendarDateIn(previous.started_at, timeZone) : addCalendarDays(startedOn, -7 * cadence),
    to: review.completed_at ? calendarDateIn(review.completed_at, timeZone) : today,
  };
  const externalFactors = await listExternalFactors(db, actor.orgId, {
    from: period.from,
    to: period.to,
    relevantTo: {
      teamIds: access.practitionerTeamIds,
      userIds: [review.practitioner_id],
      membersOfTeamIds: [],
    },
  });
  const seen = redactSnapshot(snapshot, visible);
  // Proposed cases in the proposals' order (red first), then those added, by reference.
  const proposedBands = new Map<string, Band>();
  const order = new Map<string, number>();
  if (Array.isArray(snapshot.proposals)) {
    for (const p of snapshot.proposals) {
      if (!isRecord(p) || typeof p.caseId !== 'string') continue;
      proposedBands.set(p.caseId, asBand(p.band));
      order.set(p.caseId, order.size);
    }
  }
  const rank = (caseId: string) => order.get(caseId) ?? Number.MAX_SAFE_INTEGER;
  const ordered = [...cases.visible].sort(
    (a, b) => rank(a.case_id) - rank(b.case_id) || (a.reference < b.reference ? -1 : 1),
  );
  const inProgress = review.status === 'in-progress';
  return {
    review,
    today,
    timeZone,
    yourRole:
      review.practitioner_id === actor.id
        ? 'practitioner'
        : review.supervisor_id === actor.id
          ? 'supervisor'
          : 'other-supervisor',
    mayChange: inProgress && review.supervisor_id === actor.id,
    mayShareReflections: inProgress && review.practitioner_id === actor.id,
    suggestedNextReviewOn: nextDueAfter(today, cadence),
    previousReviewId: previous?.id ?? null,
    period,
    snapshot: {
      takenAt: typeof snapshot.takenAt === 'string' ? snapshot.takenAt : review.started_at.toISOString(),
      today: typeof snapshot.today === 'string' ? snapshot.today : startedOn,
      figures: snapshotFigures(snapshot),
      capacity: isRecord(snapshot.capacity) ? (snapshot.capacity as SnapshotView['capacity']) : null,
      dashboard: isRecord(seen.dashboard) ? seen.dashboard : null,
    },
    cases: ordered.map((row) => ({
      row,
      band: proposedBands.get(row.case_id) ?? asBand(row.reasons.find((r) => r.kind === 'added')?.band),
      currentBand: asBand(row.current_band),
      reasons: row.reasons.map((r) => ({
        kind: r.kind,
        label: REASON_LABELS[r.kind] ?? r.kind,
        reason: r.reason,
      })),
      improvements: actions.filter((a) => a.case_id === row.case_id),
      obstacleRecords: obstacles.filter((o) => o.case_id === row.case_id),
    })),
    hiddenCases: cases.hidden,
    reflections,
    externalFactors,
  };
}
