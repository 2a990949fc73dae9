/** Cases and their shares. Every query is scoped by org_id. */
import type { CaseAccessView } from '../domain/cases/case-access.ts';
import type { DbOrTx } from './db.ts';
import type { CaseRow } from './schema.ts';

export async function getCase(db: DbOrTx, orgId: string, caseId: string): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', caseId)
    .executeTakeFirst();
}

export async function getCaseByReference(
  db: DbOrTx,
  orgId: string,
  reference: string,
): Promise<CaseRow | undefined> {
  return db
    .selectFrom('cases')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('reference', '=', reference.toUpperCase())
    .executeTakeFirst();
}

/** Shares of a case that are not revoked (expired ones included: policies check expiry). */
export async function listCaseShares(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('case_shares')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('revoked_at', 'is', null)
    .orderBy('granted_at')
    .execute();
}

/** The facts the access policies need about one case. */
export async function loadCaseAccessView(db: DbOrTx, row: CaseRow): Promise<CaseAccessView> {
  const shares = await listCaseShares(db, row.org_id, row.id);
  return {
    orgId: row.org_id,
    ownerId: row.owner_id,
    teamId: row.team_id,
    shares: shares.map((s) => ({
      userId: s.user_id,
      kind: s.kind,
      expiresAt: s.expires_at,
      revokedAt: s.revoked_at,
    })),
  };
}

/**
 * Takes the next case number of the organisation for `year` (row-locked counter, so concurrent
 * openings get distinct numbers; a number taken by a rolled-back transaction is never reused).
 */
export async function nextCaseNumber(db: DbOrTx, orgId: string, year: number): Promise<number> {
  const row = await db
    .insertInto('case_reference_counters')
    .values({ org_id: orgId, year, last_number: 1 })
    .onConflict((oc) =>
      oc
        .columns(['org_id', 'year'])
        .doUpdateSet((eb) => ({ last_number: eb('case_reference_counters.last_number', '+', 1) })),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number;
}
