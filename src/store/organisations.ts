/** Organisations and teams. */
import type { DbOrTx } from './db.ts';

export async function insertOrganisation(db: DbOrTx, name: string) {
  return db.insertInto('organisations').values({ name }).returningAll().executeTakeFirstOrThrow();
}

export async function getOrganisation(db: DbOrTx, orgId: string) {
  return db.selectFrom('organisations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function findOrganisationByName(db: DbOrTx, name: string) {
  return db.selectFrom('organisations').selectAll().where('name', '=', name).executeTakeFirst();
}

export async function insertTeam(db: DbOrTx, orgId: string, name: string) {
  return db.insertInto('teams').values({ org_id: orgId, name }).returningAll().executeTakeFirstOrThrow();
}

export async function listTeams(db: DbOrTx, orgId: string) {
  return db.selectFrom('teams').selectAll().where('org_id', '=', orgId).orderBy('name').execute();
}

export async function getTeam(db: DbOrTx, orgId: string, teamId: string) {
  return db
    .selectFrom('teams')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', teamId)
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
