import { type Actor, hasRole } from '../../domain/access/actor.ts';
import {
  type CapacityStatus,
  type CapacityThresholds,
  capacityStatus,
  DEFAULT_CAPACITY_THRESHOLDS,
} from '../../domain/weighting/capacity.ts';
import { roundWeight } from '../../domain/weighting/case-weight.ts';
import { listPractitioners, type PractitionerRow } from '../../store/capacity.ts';
import { listMemberships } from '../../store/users.ts';
import { type ResolvedCaseloadScope, resolveCaseloadScope } from '../caseload-scope.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { capacityOfUser, loadWeightedCases, type WeightedCase } from '../weighting/case-weights.ts';

export interface CapacityInput {
  readonly scope: 'mine' | 'user' | 'team';
  readonly userId?: string | undefined;
  readonly teamId?: string | undefined;
}

export interface TeamRef {
  readonly id: string;
  readonly name: string;
}

export interface PractitionerCapacity {
  readonly practitioner: PractitionerRow;
  /** The teams they belong to (filled in by listCapacity). */
  readonly teams: readonly (TeamRef & { readonly role: 'member' | 'supervisor' })[];
  readonly status: CapacityStatus;
  /** The cases the reader may view, heaviest first. */
  readonly cases: readonly WeightedCase[];
  /** Cases in the load the reader may not view: counted, never named. */
  readonly hidden: { readonly count: number; readonly weight: number };
}

export interface CapacityView {
  readonly scope: CapacityInput['scope'];
  readonly userId: string | null;
  readonly teamId: string | null;
  readonly thresholds: CapacityThresholds;
  /** The teams the actor supervises: whose capacity they may see. */
  readonly supervisedTeams: readonly TeamRef[];
  readonly practitioners: readonly PractitionerCapacity[];
}

/** Heaviest first; equal weights by reference. */
export const heaviestFirst = (a: WeightedCase, b: WeightedCase): number =>
  b.weight.weight - a.weight.weight || a.reference.localeCompare(b.reference);

/** A practitioner's load (every case they hold, seen or not) against their capacity. */
export function practitionerCapacity(
  practitioner: PractitionerRow,
  held: readonly WeightedCase[],
  thresholds: CapacityThresholds = DEFAULT_CAPACITY_THRESHOLDS,
): PractitionerCapacity {
  const load = roundWeight(held.reduce((sum, c) => sum + c.weight.weight, 0));
  const hidden = held.filter((c) => !c.visible);
  return {
    practitioner,
    teams: [],
    status: capacityStatus(load, capacityOfUser(practitioner), thresholds),
    cases: held.filter((c) => c.visible).sort(heaviestFirst),
    hidden: {
      count: hidden.length,
      weight: roundWeight(hidden.reduce((sum, c) => sum + c.weight.weight, 0)),
    },
  };
}

/**
 * Capacity: each practitioner's load in weighted points (the weights of the open and on-hold cases
 * they hold) against their capacity (points per FTE × FTE) as a RAG, with the cases that make it
 * up. Whose: the actor's own (`mine`), one member of a team they supervise (`user`), or the
 * advisers and supervisors of a team they supervise (`team`; every such team without teamId) —
 * the worklist's access rule. Cases the actor may not view are counted, never named. Audited
 * (`capacity.viewed`: scope, the people and the ids of the cases shown).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.userId, query.teamId), FORBIDDEN
 */
export async function listCapacity(ctx: ServiceContext, input: CapacityInput): Promise<CapacityView> {
  const actor = requireActor(ctx);
  const userId = input.scope === 'user' ? (input.userId ?? null) : null;
  const teamId = input.scope === 'team' ? (input.teamId ?? null) : null;
  const storeScope = await resolveCaseloadScope(ctx, input, 'capacity');
  const { people, practitioners, supervisedTeams } = await loadCapacities(ctx, actor, storeScope);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'capacity.viewed',
      entityType: 'case',
      details: {
        scope: input.scope,
        ...(userId ? { userId } : {}),
        ...(teamId ? { teamId } : {}),
        practitionerIds: people.map((p) => p.id),
        caseIds: practitioners.flatMap((p) => p.cases.map((c) => c.caseId)),
        hiddenCases: practitioners.reduce((n, p) => n + p.hidden.count, 0),
      },
    }),
  );
  return {
    scope: input.scope,
    userId,
    teamId,
    thresholds: DEFAULT_CAPACITY_THRESHOLDS,
    supervisedTeams,
    practitioners,
  };
}

/** The people of the scope with their loads, teams and visible cases, and the teams the actor supervises. */
async function loadCapacities(ctx: ServiceContext, actor: Actor, scope: ResolvedCaseloadScope) {
  const people = await listPractitioners(
    ctx.db,
    actor.orgId,
    scope.kind === 'team'
      ? { teamIds: scope.teamIds }
      : { userIds: [scope.kind === 'user' ? scope.userId : actor.id] },
  );
  const [weighted, memberships] = await Promise.all([
    loadWeightedCases(ctx.db, { actor, now: ctx.clock.now(), ownerIds: people.map((p) => p.id) }),
    listMemberships(ctx.db, actor.orgId, [actor.id, ...people.map((p) => p.id)]),
  ]);
  const teamsOf = (userId: string) =>
    memberships
      .filter((m) => m.userId === userId)
      .map((m) => ({ id: m.teamId, name: m.teamName, role: m.role }));
  const practitioners = people.map((p) => ({
    ...practitionerCapacity(
      p,
      weighted.filter((c) => c.ownerId === p.id),
    ),
    teams: teamsOf(p.id),
  }));
  const supervisedTeams = teamsOf(actor.id)
    .filter((t) => t.role === 'supervisor' && hasRole(actor, 'supervisor'))
    .map(({ id, name }) => ({ id, name }));
  return { people, practitioners, supervisedTeams };
}
