import type { Actor } from '../../domain/access/actor.ts';
import { hasRole } from '../../domain/access/actor.ts';
import { evidencePack } from '../../domain/compliance/compliance-policies.ts';
import {
  type EvidenceFileReview,
  type EvidenceKeyDate,
  type FileReviewTotals,
  fileReviewTotals,
  type KeyDateCounts,
  type KeyDateOutcome,
  keyDateCounts,
  keyDateOutcome,
  type SupervisionFigures,
  supervisionFigures,
} from '../../domain/compliance/evidence-pack.ts';
import {
  clocksBreached,
  type TimescaleCompliance,
  timescaleCompliance,
} from '../../domain/dashboard/compliance.ts';
import { AppError } from '../../domain/errors.ts';
import { addCalendarDays, startOfDayIn } from '../../domain/time/calendar.ts';
import { worklistRowOf } from '../../domain/worklist/worklist-row.ts';
import {
  type EvidenceScope,
  listEvidenceFileReviews,
  listEvidenceKeyDates,
  listEvidenceReviews,
} from '../../store/evidence-pack.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { listTeams } from '../../store/teams.ts';
import { getUser } from '../../store/users.ts';
import { listWorklistCases } from '../../store/worklist.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

export interface EvidencePack {
  readonly from: string;
  readonly to: string;
  readonly generatedAt: Date;
  readonly timeZone: string;
  /** 'organisation' for admins; else the supervisor's teams. */
  readonly scope: 'organisation' | 'teams';
  /** Who produced it (for the PDF). */
  readonly generatedBy: string;
  readonly keyDates: {
    readonly counts: KeyDateCounts;
    readonly register: readonly (EvidenceKeyDate & { readonly outcome: KeyDateOutcome })[];
  };
  readonly fileReviews: { readonly totals: FileReviewTotals; readonly log: readonly EvidenceFileReview[] };
  readonly supervision: readonly SupervisionFigures[];
  /** Open cases' service timescales at the time of the export (the worklist's clocks). */
  readonly timescales: TimescaleCompliance & { readonly breachedReferences: readonly string[] };
}

/**
 * The quality-mark evidence pack for a period (calendar dates, inclusive, organisation time zone):
 * the key-dates register with met and missed counts, the file-review log with results and
 * corrective actions, caseload reviews held per practitioner (on time or late), and service
 * timescale compliance of the open cases. Admins: the whole organisation; supervisors: the teams
 * they supervise. Case references only, no client names. Audited (`evidence_pack.exported`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (query.to)
 */
export async function exportEvidencePack(
  ctx: ServiceContext,
  input: { from: string; to: string; format: 'pdf' | 'csv' },
): Promise<EvidencePack> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, evidencePack, undefined);
  if (input.to < input.from)
    throw AppError.field('query.to', 'The end of the period cannot be before its start');
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const calendar = await organisationCalendar(tx, actor.orgId, now);
    const { timeZone, today } = calendar;
    const whole = hasRole(actor, 'admin');
    const teamIds = whole
      ? (await listTeams(tx, actor.orgId)).map((t) => t.id)
      : [...actor.supervisedTeamIds];
    const scope: EvidenceScope = { orgId: actor.orgId, teamIds: whole ? null : teamIds };
    const fromAt = startOfDayIn(input.from, timeZone);
    const toAt = startOfDayIn(addCalendarDays(input.to, 1), timeZone);
    const keyDates = await listEvidenceKeyDates(tx, scope, input.from, input.to);
    const fileReviews = await listEvidenceFileReviews(tx, scope, fromAt, toAt, timeZone);
    const reviews = await listEvidenceReviews(tx, scope, fromAt, toAt, timeZone);
    // The worklist's own clocks, read as a supervisor of the teams in scope (admins: every team).
    const reader: Actor = { ...actor, roles: ['supervisor'], supervisedTeamIds: teamIds };
    const cases = await listWorklistCases(tx, { actor: reader, scope: { kind: 'team', teamIds }, now });
    const timescales = await listServiceTimescales(tx, actor.orgId);
    const rows = cases.map((c) => worklistRowOf(c, { ...calendar, timescales }));
    const compliance = timescaleCompliance(
      rows.map((r) => ({ caseId: r.case.id, breached: clocksBreached(r.clocks) })),
    );
    const breached = new Set(compliance.breachedCaseIds);
    await audit(ctx, tx, {
      action: 'evidence_pack.exported',
      entityType: 'organisation',
      entityId: actor.orgId,
      details: {
        from: input.from,
        to: input.to,
        format: input.format,
        teamIds: whole ? null : teamIds,
        keyDates: keyDates.length,
        fileReviews: fileReviews.length,
        reviews: reviews.length,
        casesMeasured: compliance.measured,
      },
    });
    return {
      from: input.from,
      to: input.to,
      generatedAt: now,
      timeZone,
      scope: whole ? 'organisation' : 'teams',
      generatedBy: (await getUser(tx, actor.orgId, actor.id))?.display_name ?? 'Caseload',
      keyDates: {
        counts: keyDateCounts(keyDates, today),
        register: keyDates.map((k) => ({ ...k, outcome: keyDateOutcome(k, today) })),
      },
      fileReviews: { totals: fileReviewTotals(fileReviews), log: fileReviews },
      supervision: supervisionFigures(reviews),
      timescales: {
        ...compliance,
        breachedReferences: rows.filter((r) => breached.has(r.case.id)).map((r) => r.case.reference),
      },
    };
  });
}
