/** The organisation's case-type taxonomy. */
import type { DbOrTx } from './db.ts';

export async function insertCaseTypes(
  db: DbOrTx,
  orgId: string,
  types: readonly { key: string; name: string }[],
): Promise<void> {
  if (types.length === 0) return;
  await db
    .insertInto('case_types')
    .values(types.map((t, i) => ({ org_id: orgId, key: t.key, name: t.name, sort_order: i + 1 })))
    .execute();
}

export async function listCaseTypes(db: DbOrTx, orgId: string) {
  return db
    .selectFrom('case_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('sort_order')
    .orderBy('name')
    .execute();
}

export async function getCaseType(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('case_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}
