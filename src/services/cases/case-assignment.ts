/**
 * Who holds a case and in which team, when it is opened or reassigned. The rules:
 *
 * - The owner is an active adviser or supervisor of the organisation.
 * - A case with a team is held by a member of that team.
 * - Opening: you open a case for yourself; a supervisor may open one for a member of a team they
 *   supervise (in that team). Without teamId the case goes to the owner's team when there is exactly
 *   one candidate; with several, teamId must say which.
 * - Reassigning (the caller already may manage the case): a supervisor of the resulting team may
 *   give the case to any member of it; the owner may hand it to a teammate. Moving a case to
 *   another team needs a supervisor of that team, or the owner moving it into another of their teams.
 */
import { type Actor, hasRole } from '../../domain/access/actor.ts';
import { canOwnCases } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getTeam } from '../../store/teams.ts';
import { loadActor } from '../../store/users.ts';
import { recordDenial, type ServiceContext } from '../context.ts';

export interface Assignment {
  readonly ownerId: string;
  readonly teamId: string | null;
}

const supervises = (actor: Actor, teamId: string | null) =>
  teamId !== null && hasRole(actor, 'supervisor') && actor.supervisedTeamIds.includes(teamId);

async function refuse(
  ctx: ServiceContext,
  policy: string,
  message: string,
  subject?: string,
): Promise<never> {
  await recordDenial(ctx, policy, subject ? { entityType: 'case', entityId: subject } : undefined);
  throw new AppError('FORBIDDEN', message);
}

/**
 * The prospective owner as the policies see them.
 * @throws AppError USER_NOT_FOUND (field ownerId), VALIDATION_FAILED (field ownerId)
 */
async function loadOwner(db: DbOrTx, actor: Actor, ownerId: string): Promise<Actor> {
  if (ownerId === actor.id) return actor;
  const owner = await loadActor(db, actor.orgId, ownerId);
  if (!owner) {
    throw AppError.field(
      'ownerId',
      'There is no active person with this id in your organisation.',
      'USER_NOT_FOUND',
    );
  }
  if (!canOwnCases(owner)) {
    throw AppError.field('ownerId', 'Only advisers and supervisors hold cases: choose one of them.');
  }
  return owner;
}

/** Checks that a team exists in the organisation. @throws AppError TEAM_NOT_FOUND (field teamId) */
async function requireTeam(db: DbOrTx, orgId: string, teamId: string): Promise<void> {
  if (!(await getTeam(db, orgId, teamId))) {
    throw AppError.field('teamId', 'There is no such team in your organisation.', 'TEAM_NOT_FOUND');
  }
}

const notInTeam = () =>
  AppError.field('teamId', 'The owner is not a member of this team: choose one of the owner’s teams.');

/**
 * Owner and team of a case about to be opened.
 * @throws AppError FORBIDDEN, USER_NOT_FOUND, TEAM_NOT_FOUND, VALIDATION_FAILED (ownerId, teamId)
 */
export async function assignNewCase(
  ctx: ServiceContext,
  actor: Actor,
  input: { readonly ownerId?: string | undefined; readonly teamId?: string | undefined },
): Promise<Assignment> {
  const owner = await loadOwner(ctx.db, actor, input.ownerId ?? actor.id);
  const forSomeoneElse = owner.id !== actor.id;
  const candidates = forSomeoneElse ? owner.teamIds.filter((t) => supervises(actor, t)) : [...owner.teamIds];
  if (forSomeoneElse && candidates.length === 0) {
    await refuse(
      ctx,
      'case.open-for',
      'You may open a case for someone else only when you supervise a team they belong to.',
    );
  }
  if (input.teamId !== undefined) {
    await requireTeam(ctx.db, actor.orgId, input.teamId);
    if (!owner.teamIds.includes(input.teamId)) throw notInTeam();
    if (forSomeoneElse && !candidates.includes(input.teamId)) {
      await refuse(ctx, 'case.open-for', 'You may open cases for others only in teams you supervise.');
    }
    return { ownerId: owner.id, teamId: input.teamId };
  }
  if (candidates.length > 1) {
    throw AppError.field('teamId', 'The owner belongs to several teams: choose the case’s team (teamId).');
  }
  return { ownerId: owner.id, teamId: candidates[0] ?? null };
}

/**
 * Owner and team of a case after a reassignment or a move to another team. The caller has
 * checked that the actor may manage the case.
 * @throws AppError FORBIDDEN, USER_NOT_FOUND, TEAM_NOT_FOUND, VALIDATION_FAILED (ownerId, teamId)
 */
export async function reassignCase(
  ctx: ServiceContext,
  db: DbOrTx,
  actor: Actor,
  current: Assignment & { readonly caseId: string },
  input: { readonly ownerId?: string | undefined; readonly teamId?: string | undefined },
): Promise<Assignment> {
  const teamId = input.teamId ?? current.teamId;
  const ownerId = input.ownerId ?? current.ownerId;
  const teamChanges = teamId !== current.teamId;
  const ownerChanges = ownerId !== current.ownerId;
  if (!teamChanges && !ownerChanges) return current;
  const isOwner = actor.id === current.ownerId;
  if (teamChanges && teamId !== null) {
    await requireTeam(db, actor.orgId, teamId);
    if (!supervises(actor, teamId) && !(isOwner && actor.teamIds.includes(teamId))) {
      await refuse(
        ctx,
        'case.move-team',
        'Only a supervisor of that team, or the owner moving the case into another of their teams, may move it there.',
        current.caseId,
      );
    }
  }
  const owner = await loadOwner(db, actor, ownerId);
  if (ownerChanges) {
    if (teamId === null) {
      throw AppError.field('teamId', 'Choose the team of the new owner (teamId) to hand the case over.');
    }
    if (!supervises(actor, teamId) && !isOwner) {
      await refuse(
        ctx,
        'case.reassign',
        'Only a supervisor of the case’s team, or its owner, may reassign it.',
        current.caseId,
      );
    }
  }
  if (teamId !== null && !owner.teamIds.includes(teamId)) {
    if (ownerChanges) {
      throw AppError.field('ownerId', 'The new owner is not a member of the case’s team: choose a teammate.');
    }
    throw notInTeam();
  }
  return { ownerId, teamId };
}
