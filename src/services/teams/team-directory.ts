/**
 * The reads the team use cases share, and the view they answer with. The member query is an
 * org-scoped repository function that src/store/organisations.ts does not have yet; it belongs there.
 */
import type { DbOrTx } from '../../store/db.ts';
import { getTeam } from '../../store/organisations.ts';

export interface TeamRow {
  readonly id: string;
  readonly org_id: string;
  readonly name: string;
  readonly created_at: Date;
}

export interface TeamMemberView {
  readonly teamId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: 'member' | 'supervisor';
}

export interface TeamView {
  readonly team: TeamRow;
  readonly members: readonly TeamMemberView[];
}

/** Members (with their names) of every team of the organisation, or of one team. */
export async function listMembersWithNames(
  db: DbOrTx,
  orgId: string,
  teamId?: string,
): Promise<TeamMemberView[]> {
  let query = db
    .selectFrom('team_members')
    .innerJoin('users', (join) =>
      join.onRef('users.id', '=', 'team_members.user_id').onRef('users.org_id', '=', 'team_members.org_id'),
    )
    .select([
      'team_members.team_id as teamId',
      'team_members.user_id as userId',
      'users.display_name as displayName',
      'team_members.role as role',
    ])
    .where('team_members.org_id', '=', orgId);
  if (teamId) query = query.where('team_members.team_id', '=', teamId);
  return query.orderBy('users.display_name').orderBy('team_members.user_id').execute();
}

export function toTeamView(team: TeamRow, members: readonly TeamMemberView[]): TeamView {
  return { team, members: members.filter((m) => m.teamId === team.id) };
}

/** One team of the organisation with its members, or undefined. */
export async function loadTeamView(db: DbOrTx, orgId: string, teamId: string): Promise<TeamView | undefined> {
  const team = await getTeam(db, orgId, teamId);
  return team ? toTeamView(team, await listMembersWithNames(db, orgId, teamId)) : undefined;
}

/** A team's membership of one user, or undefined. */
export async function findMembership(db: DbOrTx, orgId: string, teamId: string, userId: string) {
  return db
    .selectFrom('team_members')
    .select('role')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** The organisation's team with this name, compared without case, or undefined. */
export async function findTeamByNameIgnoringCase(db: DbOrTx, orgId: string, name: string) {
  return db
    .selectFrom('teams')
    .select('id')
    .where('org_id', '=', orgId)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()))
    .executeTakeFirst();
}
