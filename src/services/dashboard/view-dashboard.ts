import { resolveCaseloadScope } from '../caseload-scope.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
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
  const scope: DashboardScope = await resolveCaseloadScope(ctx, input, 'dashboard');
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
