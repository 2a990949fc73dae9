import { AppError } from '../../domain/errors.ts';
import { buildWorklist, type Worklist, type WorklistFilters } from '../../domain/worklist/worklist.ts';
import { viewWorklist, type WorklistScope, worklistTeamIds } from '../../domain/worklist/worklist-access.ts';
import type { WorklistSettings } from '../../domain/worklist/worklist-row.ts';
import { listCaseTypes } from '../../store/case-types.ts';
import { listServiceTimescales } from '../../store/service-timescales.ts';
import { listMemberships } from '../../store/users.ts';
import { listWorklistCases, type WorklistStoreScope } from '../../store/worklist.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';

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
  checkCombination(input);
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  const teamId = input.scope === 'team' ? (input.teamId ?? null) : null;
  const scope = await accessScope(ctx, input);
  await requireAccess(
    ctx,
    viewWorklist,
    scope,
    userId
      ? { entityType: 'user', entityId: userId }
      : teamId
        ? { entityType: 'team', entityId: teamId }
        : undefined,
  );
  const storeScope: WorklistStoreScope =
    scope.kind === 'team'
      ? { kind: 'team', teamIds: worklistTeamIds(actor, scope.teamId) }
      : scope.kind === 'user'
        ? { kind: 'user', userId: scope.userId }
        : { kind: 'mine' };
  const now = ctx.clock.now();
  const [calendar, timescales, cases, types] = await Promise.all([
    organisationCalendar(ctx.db, actor.orgId, now),
    listServiceTimescales(ctx.db, actor.orgId),
    listWorklistCases(ctx.db, { actor, scope: storeScope, now }),
    input.type === undefined ? Promise.resolve(null) : listCaseTypes(ctx.db, actor.orgId),
  ]);
  if (types && !types.some((t) => t.id === input.type || t.key === input.type)) {
    throw AppError.field(
      'query.type',
      'There is no such case type: use a key or id listed by GET /api/case-types',
    );
  }
  const settings: WorklistSettings = { ...calendar, timescales };
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

/** userId required with (and only with) scope=user; teamId only with scope=team. */
function checkCombination(input: WorklistInput): void {
  if (input.scope === 'user' && !input.userId) {
    throw AppError.field('query.userId', 'Name the person whose worklist to show (userId) with scope=user');
  }
  if (input.scope !== 'user' && input.userId) {
    throw AppError.field('query.userId', 'Give userId with scope=user only');
  }
  if (input.scope !== 'team' && input.teamId) {
    throw AppError.field('query.teamId', 'Give teamId with scope=team only');
  }
}

async function accessScope(ctx: ServiceContext, input: WorklistInput): Promise<WorklistScope> {
  const actor = requireActor(ctx);
  if (input.scope === 'team') return { kind: 'team', teamId: input.teamId ?? null };
  if (input.scope === 'user' && input.userId) {
    // Memberships are of the actor's organisation only: someone elsewhere has none (403, nothing leaks).
    const memberships = await listMemberships(ctx.db, actor.orgId, [input.userId]);
    return { kind: 'user', userId: input.userId, userTeamIds: memberships.map((m) => m.teamId) };
  }
  return { kind: 'mine' };
}
