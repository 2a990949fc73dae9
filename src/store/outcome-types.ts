/** The organisation's outcome list (what a closed case names). Every query is scoped by org_id. */
import type { Selectable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { OutcomeTypesTable } from './schema.ts';

export type OutcomeTypeRow = Selectable<OutcomeTypesTable>;

/** The outcome list in its display order, optionally the active outcomes only. */
export async function listOutcomeTypes(
  db: DbOrTx,
  orgId: string,
  options: { activeOnly: boolean },
): Promise<OutcomeTypeRow[]> {
  let q = db.selectFrom('outcome_types').selectAll().where('org_id', '=', orgId);
  if (options.activeOnly) q = q.where('active', '=', true);
  return q.orderBy('sort_order').orderBy('label').orderBy('id').execute();
}

export async function getOutcomeTypeByKey(db: DbOrTx, orgId: string, key: string) {
  return db
    .selectFrom('outcome_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** One outcome type, locked for the rest of the transaction. */
export async function getOutcomeTypeForUpdate(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('outcome_types')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** The active outcome types, locked (in id order), so the last one cannot be deactivated twice at once. */
export async function lockActiveOutcomeTypes(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('outcome_types')
    .select('id')
    .where('org_id', '=', orgId)
    .where('active', '=', true)
    .orderBy('id')
    .forUpdate()
    .execute();
  return rows.map((r) => r.id);
}

export async function insertOutcomeType(
  db: DbOrTx,
  t: { orgId: string; key: string; label: string; positive: boolean; active: boolean; sortOrder: number },
): Promise<OutcomeTypeRow> {
  return db
    .insertInto('outcome_types')
    .values({
      org_id: t.orgId,
      key: t.key,
      label: t.label,
      positive: t.positive,
      active: t.active,
      sort_order: t.sortOrder,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes an outcome's label, positive flag, active flag or order (never its key). */
export async function updateOutcomeType(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: { label: string; positive: boolean; active: boolean; sortOrder: number },
): Promise<OutcomeTypeRow | undefined> {
  return db
    .updateTable('outcome_types')
    .set({ label: patch.label, positive: patch.positive, active: patch.active, sort_order: patch.sortOrder })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}
