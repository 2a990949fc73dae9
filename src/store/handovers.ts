/** Handovers of cases: the note the new owner reads first. Every query is scoped by org_id. */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { CaseHandoversTable } from './schema.ts';

export type HandoverRow = Selectable<CaseHandoversTable>;

export async function insertHandover(db: DbOrTx, h: Insertable<CaseHandoversTable>): Promise<HandoverRow> {
  return db.insertInto('case_handovers').values(h).returningAll().executeTakeFirstOrThrow();
}

const withNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('case_handovers as h')
    .innerJoin('users as f', (j) => j.onRef('f.id', '=', 'h.from_user_id').onRef('f.org_id', '=', 'h.org_id'))
    .innerJoin('users as t', (j) => j.onRef('t.id', '=', 'h.to_user_id').onRef('t.org_id', '=', 'h.org_id'))
    .innerJoin('users as b', (j) =>
      j.onRef('b.id', '=', 'h.handed_over_by').onRef('b.org_id', '=', 'h.org_id'),
    )
    .selectAll('h')
    .select(['f.display_name as from_name', 't.display_name as to_name', 'b.display_name as by_name'])
    .where('h.org_id', '=', orgId);

/** The handovers of a case with the names of who handed over to whom, newest first. */
export async function listCaseHandovers(db: DbOrTx, orgId: string, caseId: string) {
  return withNames(db, orgId)
    .where('h.case_id', '=', caseId)
    .orderBy('h.handed_over_at', 'desc')
    .orderBy('h.id')
    .execute();
}
export type HandoverWithNames = Awaited<ReturnType<typeof listCaseHandovers>>[number];

export async function getHandoverWithNames(db: DbOrTx, orgId: string, id: string) {
  return withNames(db, orgId).where('h.id', '=', id).executeTakeFirst();
}

/** One handover, locked for the rest of the transaction. */
export async function getHandoverForUpdate(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('case_handovers')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function setHandoverAcknowledged(
  db: DbOrTx,
  orgId: string,
  id: string,
  at: Date,
): Promise<void> {
  await db
    .updateTable('case_handovers')
    .set({ acknowledged_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('acknowledged_at', 'is', null)
    .execute();
}
