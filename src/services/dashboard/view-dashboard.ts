import { AppError } from '../../domain/errors.ts';
import { viewWorklist, type WorklistScope, worklistTeamIds } from '../../domain/worklist/worklist-access.ts';
import { listMemberships } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { computeDashboardFigures, type DashboardFigures, type DashboardScope } from './dashboard-figures.ts';

export interface ViewDashboardInput {
  readonly scope: 'mine' | 'user' | 'team';
  readonly userId?: string | undefined;
  readonly teamId?: string | undefined;
}

/**
 * The caseload dashboard of the actor (`mine`), of one member of a team they supervise (`user`),
 * or of a team they supervise (`team`; every such team when no teamId) — the worklist's access
 * rule — counting only cases the actor may view. Audited (`dashboard.viewed`: the scope, the main
 * counts and the ids of every case the figures name).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.userId, query.teamId),
 *   FORBIDDEN (another person's or team's dashboard without supervising them)
 */
export async function viewDashboard(
  ctx: ServiceContext,
  input: ViewDashboardInput,
): Promise<DashboardFigures> {
  const actor = requireActor(ctx);
  checkCombination(input);
  const access = await accessScope(ctx, input);
  await requireAccess(
    ctx,
    viewWorklist,
    access,
    access.kind === 'user'
      ? { entityType: 'user', entityId: access.userId }
      : access.kind === 'team' && access.teamId
        ? { entityType: 'team', entityId: access.teamId }
        : undefined,
  );
  const scope: DashboardScope =
    access.kind === 'team'
      ? { kind: 'team', teamIds: worklistTeamIds(actor, access.teamId) }
      : access.kind === 'user'
        ? { kind: 'user', userId: access.userId }
        : { kind: 'mine' };
  return inTransaction(ctx, async (tx) => {
    const figures = await computeDashboardFigures(ctx, tx, scope);
    await audit(ctx, tx, {
      action: 'dashboard.viewed',
      entityType: 'case',
      details: {
        scope: input.scope,
        ...(input.userId ? { userId: input.userId } : {}),
        ...(input.teamId ? { teamId: input.teamId } : {}),
        counts: {
          open: figures.open.total.count,
          red: figures.open.byBand.red.count,
          overdueActions: figures.overdueActions.count,
          stalled: figures.stalled.count,
          timescaleBreached: figures.timescales.breached.count,
          closedLast90Days: figures.closed.last90Days.count,
        },
        caseIds: figures.cases.map((c) => c.id),
      },
    });
    return figures;
  });
}

/** userId required with (and only with) scope=user; teamId only with scope=team. */
function checkCombination(input: ViewDashboardInput): void {
  if (input.scope === 'user' && !input.userId) {
    throw AppError.field('query.userId', 'Name the person whose dashboard to show (userId) with scope=user');
  }
  if (input.scope !== 'user' && input.userId) {
    throw AppError.field('query.userId', 'Give userId with scope=user only');
  }
  if (input.scope !== 'team' && input.teamId) {
    throw AppError.field('query.teamId', 'Give teamId with scope=team only');
  }
}

async function accessScope(ctx: ServiceContext, input: ViewDashboardInput): Promise<WorklistScope> {
  const actor = requireActor(ctx);
  if (input.scope === 'team') return { kind: 'team', teamId: input.teamId ?? null };
  if (input.scope === 'user' && input.userId) {
    // Memberships are of the actor's organisation only: someone elsewhere has none (403, nothing leaks).
    const memberships = await listMemberships(ctx.db, actor.orgId, [input.userId]);
    return { kind: 'user', userId: input.userId, userTeamIds: memberships.map((m) => m.teamId) };
  }
  return { kind: 'mine' };
}
