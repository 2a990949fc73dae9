/**
 * Information-sharing records (never updated or deleted: a trigger refuses) and the consents they
 * rest on. Every query is scoped by org_id.
 */
import type { Insertable, Selectable } from 'kysely';
import type { ConsentRow } from './clients.ts';
import type { DbOrTx } from './db.ts';
import type { SharingRecordsTable } from './schema.ts';

export type SharingRecordRow = Selectable<SharingRecordsTable>;

export async function insertSharingRecord(
  db: DbOrTx,
  r: Insertable<SharingRecordsTable>,
): Promise<SharingRecordRow> {
  return db.insertInto('sharing_records').values(r).returningAll().executeTakeFirstOrThrow();
}

const withNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('sharing_records as s')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.recorded_by').onRef('u.org_id', '=', 's.org_id'))
    .selectAll('s')
    .select('u.display_name as recorded_by_name')
    .where('s.org_id', '=', orgId);

/** The sharing records of a case, latest decision first. */
export async function listCaseSharingRecords(db: DbOrTx, orgId: string, caseId: string) {
  return withNames(db, orgId)
    .where('s.case_id', '=', caseId)
    .orderBy('s.decided_on', 'desc')
    .orderBy('s.recorded_at', 'desc')
    .orderBy('s.id')
    .execute();
}
export type SharingRecordWithNames = Awaited<ReturnType<typeof listCaseSharingRecords>>[number];

export async function getSharingRecordWithNames(db: DbOrTx, orgId: string, id: string) {
  return withNames(db, orgId).where('s.id', '=', id).executeTakeFirst();
}

/**
 * A client's consent records, locked for the rest of the transaction, so a withdrawal cannot
 * slip in between checking a consent and sharing on it.
 */
export async function lockClientConsents(db: DbOrTx, orgId: string, clientId: string): Promise<ConsentRow[]> {
  return db
    .selectFrom('consents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('client_id', '=', clientId)
    .orderBy('id')
    .forUpdate()
    .execute();
}
