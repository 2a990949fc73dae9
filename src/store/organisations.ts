/** Organisations. Teams are in ./teams.ts. */
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
