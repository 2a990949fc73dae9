/** The breach log: one row per suspected breach, scoped by organisation. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { BreachesTable } from './schema.ts';

export type BreachRow = Selectable<BreachesTable>;
export type BreachWithNames = BreachRow & { recorded_by_name: string; decided_by_name: string | null };

function withNames(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('breaches as b')
    .innerJoin('users as r', (j) => j.onRef('r.org_id', '=', 'b.org_id').onRef('r.id', '=', 'b.recorded_by'))
    .leftJoin('users as d', (j) => j.onRef('d.org_id', '=', 'b.org_id').onRef('d.id', '=', 'b.decided_by'))
    .selectAll('b')
    .select(['r.display_name as recorded_by_name', 'd.display_name as decided_by_name'])
    .where('b.org_id', '=', orgId);
}

/** Newest discovered first. */
export function listBreaches(db: DbOrTx, orgId: string): Promise<BreachWithNames[]> {
  return withNames(db, orgId).orderBy('b.discovered_at', 'desc').orderBy('b.id').execute();
}

export function getBreach(db: DbOrTx, orgId: string, id: string): Promise<BreachWithNames | undefined> {
  return withNames(db, orgId).where('b.id', '=', id).executeTakeFirst();
}

export function getBreachForUpdate(db: DbOrTx, orgId: string, id: string): Promise<BreachRow | undefined> {
  return db
    .selectFrom('breaches')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertBreach(db: DbOrTx, row: Insertable<BreachesTable>): Promise<string> {
  return (await db.insertInto('breaches').values(row).returning('id').executeTakeFirstOrThrow()).id;
}

export async function updateBreach(
  db: DbOrTx,
  orgId: string,
  id: string,
  changes: Updateable<BreachesTable>,
): Promise<void> {
  await db.updateTable('breaches').set(changes).where('org_id', '=', orgId).where('id', '=', id).execute();
}
