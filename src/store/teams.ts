/** Teams and their memberships. Every query is scoped by org_id. */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { TeamRow } from './schema.ts';

/** A team membership with the member's display name. */
export interface TeamMemberWithName {
  readonly teamId: string;
  readonly userId: string;
  readonly displayName: string;
  readonly role: 'member' | 'supervisor';
}

export async function insertTeam(db: DbOrTx, orgId: string, name: string): Promise<TeamRow> {
  return db.insertInto('teams').values({ org_id: orgId, name }).returningAll().executeTakeFirstOrThrow();
}

export async function listTeams(db: DbOrTx, orgId: string): Promise<TeamRow[]> {
  return db.selectFrom('teams').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export async function getTeam(db: DbOrTx, orgId: string, teamId: string): Promise<TeamRow | undefined> {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', teamId)
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

export async function listTeamMembers(db: DbOrTx, orgId: string, teamId: string) {
  return db
    .selectFrom('team_members')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .execute();
}

/** Members (with their names) of every team of the organisation, or of one team. */
export async function listMembersWithNames(
  db: DbOrTx,
  orgId: string,
  teamId?: string,
): Promise<TeamMemberWithName[]> {
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

export async function setTeamMember(
  db: DbOrTx,
  m: { orgId: string; teamId: string; userId: string; role: 'member' | 'supervisor' },
) {
  await db
    .insertInto('team_members')
    .values({ org_id: m.orgId, team_id: m.teamId, user_id: m.userId, role: m.role })
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doUpdateSet({ role: m.role }))
    .execute();
}

export async function removeTeamMember(db: DbOrTx, orgId: string, teamId: string, userId: string) {
  const r = await db
    .deleteFrom('team_members')
    .where('org_id', '=', orgId)
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}

/** The active supervisors of each of these teams (as {@link listTeamSupervisorIds}), in one query. */
export async function listSupervisorIdsOfTeams(
  db: DbOrTx,
  orgId: string,
  teamIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byTeam = new Map<string, string[]>(teamIds.map((id) => [id, []]));
  if (teamIds.length === 0) return byTeam;
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'm.user_id').onRef('u.org_id', '=', 'm.org_id'))
    .select(['m.team_id', 'u.id'])
    .where('m.org_id', '=', orgId)
    .where('m.team_id', 'in', [...new Set(teamIds)])
    .where('m.role', '=', 'supervisor')
    .where('u.status', '=', 'active')
    .where(sql<boolean>`'supervisor' = ANY(u.roles)`)
    .orderBy('m.team_id')
    .orderBy('u.id')
    .execute();
  for (const r of rows) byTeam.get(r.team_id)?.push(r.id);
  return byTeam;
}

/** Active users holding the supervisor role who supervise the team. */
export async function listTeamSupervisorIds(db: DbOrTx, orgId: string, teamId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('team_members as m')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'm.user_id').onRef('u.org_id', '=', 'm.org_id'))
    .select('u.id')
    .where('m.org_id', '=', orgId)
    .where('m.team_id', '=', teamId)
    .where('m.role', '=', 'supervisor')
    .where('u.status', '=', 'active')
    .where(sql<boolean>`'supervisor' = ANY(u.roles)`)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}
