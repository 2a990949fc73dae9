/** Referrals out and in of cases. Every query is scoped by org_id. */
import type { Insertable, Selectable, Updateable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { ReferralsTable } from './schema.ts';

export type ReferralRow = Selectable<ReferralsTable>;
export type ReferralPatch = Pick<Updateable<ReferralsTable>, 'status' | 'outcome'>;

export async function insertReferral(db: DbOrTx, r: Insertable<ReferralsTable>): Promise<ReferralRow> {
  return db.insertInto('referrals').values(r).returningAll().executeTakeFirstOrThrow();
}

const withNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('referrals as r')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'r.created_by').onRef('u.org_id', '=', 'r.org_id'))
    .selectAll('r')
    .select('u.display_name as created_by_name')
    .where('r.org_id', '=', orgId);

/** The referrals of a case, latest referred first. */
export async function listCaseReferrals(db: DbOrTx, orgId: string, caseId: string) {
  return withNames(db, orgId)
    .where('r.case_id', '=', caseId)
    .orderBy('r.referred_on', 'desc')
    .orderBy('r.created_at', 'desc')
    .orderBy('r.id')
    .execute();
}
export type ReferralWithNames = Awaited<ReturnType<typeof listCaseReferrals>>[number];

export async function getReferralWithNames(db: DbOrTx, orgId: string, id: string) {
  return withNames(db, orgId).where('r.id', '=', id).executeTakeFirst();
}

/** One referral, locked for the rest of the transaction. */
export async function getReferralForUpdate(db: DbOrTx, orgId: string, id: string) {
  return db
    .selectFrom('referrals')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateReferral(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: ReferralPatch,
  at: Date,
): Promise<void> {
  await db
    .updateTable('referrals')
    .set({ ...patch, updated_at: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
