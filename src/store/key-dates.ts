/** Key dates of cases. Every query is scoped by org_id. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { KeyDatesTable } from './schema.ts';

export type KeyDateRow = Selectable<KeyDatesTable>;
export type NewKeyDate = Insertable<KeyDatesTable>;
export type KeyDatePatch = Pick<
  Updateable<KeyDatesTable>,
  'kind' | 'due_date' | 'due_time' | 'description' | 'source' | 'status' | 'status_note'
>;

export async function insertKeyDate(db: DbOrTx, keyDate: NewKeyDate): Promise<KeyDateRow> {
  return db.insertInto('key_dates').values(keyDate).returningAll().executeTakeFirstOrThrow();
}

/** One key date of the organisation, locked for the rest of the transaction. */
export async function getKeyDateForUpdate(
  db: DbOrTx,
  orgId: string,
  keyDateId: string,
): Promise<KeyDateRow | undefined> {
  return db
    .selectFrom('key_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', keyDateId)
    .forUpdate()
    .executeTakeFirst();
}

/** Changes some fields of one key date, stamping updated_at with `at`. */
export async function updateKeyDate(
  db: DbOrTx,
  orgId: string,
  keyDateId: string,
  patch: KeyDatePatch,
  at: Date,
): Promise<KeyDateRow | undefined> {
  return db
    .updateTable('key_dates')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', keyDateId)
    .returningAll()
    .executeTakeFirst();
}

/** The key dates of a case by date, then time (whole-day dates first). */
export async function listKeyDates(db: DbOrTx, orgId: string, caseId: string): Promise<KeyDateRow[]> {
  return db
    .selectFrom('key_dates')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .orderBy('due_date')
    .orderBy('due_time', (ob) => ob.asc().nullsFirst())
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}
