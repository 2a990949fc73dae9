/**
 * What the external-factor use cases share: checking a factor's values (dates in order, a team or
 * a person of the organisation, not both), whom it bears on for the access policy, and the view
 * of a factor with its team's and person's names and whether the reader may change it.
 */
import {
  type ExternalFactorScope,
  mayManageExternalFactor,
} from '../../domain/dashboard/external-factor-access.ts';
import { externalFactorProblems } from '../../domain/dashboard/external-factors.ts';
import { AppError } from '../../domain/errors.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { ExternalFactorRow, ExternalFactorValues } from '../../store/external-factors.ts';
import { getTeam, listTeams } from '../../store/teams.ts';
import { displayNamesOf, getUser, listMemberships } from '../../store/users.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface ExternalFactorView extends ExternalFactorRow {
  readonly teamName: string | null;
  readonly userName: string | null;
  readonly canChange: boolean;
}

/**
 * Checks a factor's values: every problem at once, each naming its field.
 * @throws AppError VALIDATION_FAILED (endsOn, userId, teamId)
 */
export async function checkFactorValues(db: DbOrTx, orgId: string, v: ExternalFactorValues): Promise<void> {
  const problems = externalFactorProblems(v);
  const [team, user] = await Promise.all([
    v.teamId === null ? Promise.resolve(null) : getTeam(db, orgId, v.teamId),
    v.userId === null ? Promise.resolve(null) : getUser(db, orgId, v.userId),
  ]);
  if (v.teamId !== null && !team) {
    problems.push({ field: 'teamId', message: 'There is no such team in your organisation' });
  }
  if (v.userId !== null && !user) {
    problems.push({ field: 'userId', message: 'There is no such person in your organisation' });
  }
  const first = problems[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { fields: problems });
  }
}

/** Whom a factor bears on, as the access policy needs it (the person's teams looked up). */
export async function factorScopeOf(
  db: DbOrTx,
  orgId: string,
  v: { readonly teamId: string | null; readonly userId: string | null },
): Promise<ExternalFactorScope> {
  const userTeamIds =
    v.userId === null ? [] : (await listMemberships(db, orgId, [v.userId])).map((m) => m.teamId);
  return { teamId: v.teamId, userId: v.userId, userTeamIds };
}

/** The factors as the reader sees them: with names, and whether the reader may change each. */
export async function viewFactors(
  ctx: ServiceContext,
  db: DbOrTx,
  rows: readonly ExternalFactorRow[],
): Promise<ExternalFactorView[]> {
  const actor = requireActor(ctx);
  const userIds = rows.flatMap((r) => (r.userId === null ? [] : [r.userId]));
  const [teams, names, memberships] = await Promise.all([
    rows.some((r) => r.teamId !== null) ? listTeams(db, actor.orgId) : Promise.resolve([]),
    displayNamesOf(db, actor.orgId, userIds),
    userIds.length > 0 ? listMemberships(db, actor.orgId, userIds) : Promise.resolve([]),
  ]);
  const teamNames = new Map(teams.map((t) => [t.id, t.name]));
  return rows.map((r) => ({
    ...r,
    teamName: r.teamId === null ? null : (teamNames.get(r.teamId) ?? null),
    userName: r.userId === null ? null : (names.get(r.userId) ?? null),
    canChange: mayManageExternalFactor(actor, {
      teamId: r.teamId,
      userId: r.userId,
      userTeamIds: memberships.filter((m) => m.userId === r.userId).map((m) => m.teamId),
    }),
  }));
}
