import { AppError } from '../../domain/errors.ts';
import { buildWorklist, type Worklist, type WorklistFilters } from '../../domain/worklist/worklist.ts';
import type { WorklistSettings } from '../../domain/worklist/worklist-row.ts';
import { findAssessmentSettings } from '../../store/assessment-settings.ts';
import { listCaseTypes } from '../../store/case-types.ts';
import { listWorklistCases } from '../../store/worklist.ts';
import { resolveCaseloadScope } from '../caseload-scope.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { calendarOf } from '../organisation-calendar.ts';

export interface WorklistInput extends WorklistFilters {
  readonly scope: 'mine' | 'user' | 'team';
  readonly userId?: string | undefined;
  readonly teamId?: string | undefined;
}

export interface WorklistResult extends Worklist {
  readonly scope: WorklistInput['scope'];
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly today: string;
}

/**
 * The worklist: the open and on-hold cases of the actor (`mine`), of one member of a team they
 * supervise (`user`), or of a team they supervise (`team`; every such team when no teamId) — only
 * cases the actor may view, read in one query — in the default order with every position
 * explained, the timescale clocks and the resources check computed for today in the
 * organisation's time zone and nation. The filters narrow the rows; the summary counts the whole
 * scope. The read is audited (`worklist.viewed`: scope, filters, the number of rows and their case ids).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.userId, query.teamId, query.type),
 *   FORBIDDEN (another person's or team's worklist without supervising them)
 */
export async function listWorklist(ctx: ServiceContext, input: WorklistInput): Promise<WorklistResult> {
  const actor = requireActor(ctx);
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  const teamId = input.scope === 'team' ? (input.teamId ?? null) : null;
  const storeScope = await resolveCaseloadScope(ctx, input, 'worklist');
  const now = ctx.clock.now();
  // The calendar and timescales in one query (the settings re-assessment reads).
  const [stored, cases, types] = await Promise.all([
    findAssessmentSettings(ctx.db, actor.orgId),
    listWorklistCases(ctx.db, { actor, scope: storeScope, now }),
    input.type === undefined ? Promise.resolve(null) : listCaseTypes(ctx.db, actor.orgId),
  ]);
  if (types && !types.some((t) => t.id === input.type || t.key === input.type)) {
    throw AppError.field(
      'query.type',
      'There is no such case type: use a key or id listed by GET /api/case-types',
    );
  }
  const settings: WorklistSettings = {
    ...calendarOf(stored.organisation, now),
    timescales: stored.timescales,
  };
  const worklist = buildWorklist(cases, settings, input);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'worklist.viewed',
      entityType: 'case',
      details: {
        scope: input.scope,
        ...(userId ? { userId } : {}),
        ...(teamId ? { teamId } : {}),
        filters: {
          bands: [...input.bands],
          statuses: [...input.statuses],
          ...(input.type ? { type: input.type } : {}),
          ...(input.flag ? { flag: input.flag } : {}),
        },
        rows: worklist.rows.length,
        caseIds: worklist.rows.map((r) => r.case.id),
      },
    }),
  );
  return { ...worklist, scope: input.scope, userId, teamId, today: settings.today };
}
