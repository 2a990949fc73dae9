/**
 * Whose caseload a read is about — the actor's own (`mine`), one member of a team they supervise
 * (`user`), or a team they supervise (`team`; every such team without teamId) — checked by the
 * worklist's access rule (a refusal is audited) and answered as the stores take it. Shared by the
 * worklist, the dashboard, the capacity view and the outcome report, so all four decide alike.
 */
import { AppError } from '../domain/errors.ts';
import { viewWorklist, type WorklistScope, worklistTeamIds } from '../domain/worklist/worklist-access.ts';
import { listMemberships } from '../store/users.ts';
import { requireAccess, requireActor, type ServiceContext } from './context.ts';

export interface CaseloadScopeInput {
  readonly scope: 'mine' | 'user' | 'team';
  readonly userId?: string | undefined;
  readonly teamId?: string | undefined;
}

/** The scope as the stores read it. */
export type ResolvedCaseloadScope =
  | { readonly kind: 'mine' }
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamIds: readonly string[] };

/**
 * Checks the combination of scope, userId and teamId, then the actor's access, and answers the
 * scope to read. `what` names the view in messages ("worklist", "dashboard"…).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.userId, query.teamId),
 *   FORBIDDEN (another person's or team's view without supervising them)
 */
export async function resolveCaseloadScope(
  ctx: ServiceContext,
  input: CaseloadScopeInput,
  what: string,
): Promise<ResolvedCaseloadScope> {
  const actor = requireActor(ctx);
  checkCombination(input, what);
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
  if (access.kind === 'team') return { kind: 'team', teamIds: worklistTeamIds(actor, access.teamId) };
  if (access.kind === 'user') return { kind: 'user', userId: access.userId };
  return { kind: 'mine' };
}

/** userId required with (and only with) scope=user; teamId only with scope=team. */
function checkCombination(input: CaseloadScopeInput, what: string): void {
  if (input.scope === 'user' && !input.userId) {
    throw AppError.field('query.userId', `Name the person whose ${what} to show (userId) with scope=user`);
  }
  if (input.scope !== 'user' && input.userId) {
    throw AppError.field('query.userId', 'Give userId with scope=user only');
  }
  if (input.scope !== 'team' && input.teamId) {
    throw AppError.field('query.teamId', 'Give teamId with scope=team only');
  }
}

async function accessScope(ctx: ServiceContext, input: CaseloadScopeInput): Promise<WorklistScope> {
  const actor = requireActor(ctx);
  if (input.scope === 'team') return { kind: 'team', teamId: input.teamId ?? null };
  if (input.scope === 'user' && input.userId) {
    // Memberships are of the actor's organisation only: someone elsewhere has none (403, nothing leaks).
    const memberships = await listMemberships(ctx.db, actor.orgId, [input.userId]);
    return { kind: 'user', userId: input.userId, userTeamIds: memberships.map((m) => m.teamId) };
  }
  return { kind: 'mine' };
}
