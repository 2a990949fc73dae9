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

/** The organisation's case types, optionally the active ones only, in their display order. */
export async function listCaseTypesOf(db: DbOrTx, orgId: string, options: { activeOnly: boolean }) {
  let q = db.selectFrom('case_types').selectAll().where('org_id', '=', orgId);
  if (options.activeOnly) q = q.where('active', '=', true);
  return q.orderBy('sort_order').orderBy('name').execute();
}

export async function getCaseTypeByKey(db: DbOrTx, orgId: string, key: string) {
  return db
    .selectFrom('case_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** One case type, locked for the rest of the transaction. */
export async function getCaseTypeForUpdate(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('case_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function insertCaseType(
  db: DbOrTx,
  input: { orgId: string; key: string; name: string; baseWeight: number; active: boolean; sortOrder: number },
) {
  return db
    .insertInto('case_types')
    .values({
      org_id: input.orgId,
      key: input.key,
      name: input.name,
      base_weight: input.baseWeight,
      active: input.active,
      sort_order: input.sortOrder,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes a case type's name, weight, active flag or order (never its key). */
export async function updateCaseType(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: { name: string; baseWeight: number | string; active: boolean; sortOrder: number },
) {
  return db
    .updateTable('case_types')
    .set({
      name: patch.name,
      base_weight: patch.baseWeight,
      active: patch.active,
      sort_order: patch.sortOrder,
    })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

/** Locks the organisation's active case types (in id order) and returns their ids. */
export async function lockActiveCaseTypes(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('case_types')
    .select('id')
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}
