import type { DbOrTx } from './db.ts';

const sharesWithNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('case_shares as s')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').onRef('u.org_id', '=', 's.org_id'))
    .innerJoin('users as g', (j) => j.onRef('g.id', '=', 's.granted_by').onRef('g.org_id', '=', 's.org_id'))
    .selectAll('s')
    .select(['u.display_name as user_name', 'g.display_name as granted_by_name'])
    .where('s.org_id', '=', orgId);

/** Shares of a case that are not revoked (expired ones included: the caller checks expiry). */
export async function listCaseSharesWithNames(db: DbOrTx, orgId: string, caseId: string) {
  return sharesWithNames(db, orgId)
    .where('s.case_id', '=', caseId)
    .where('s.revoked_at', 'is', null)
    .orderBy('s.granted_at')
    .orderBy('s.id')
    .execute();
}
export type CaseShareWithNames = Awaited<ReturnType<typeof listCaseSharesWithNames>>[number];

export async function getCaseShare(db: DbOrTx, orgId: string, caseId: string, shareId: string) {
  return sharesWithNames(db, orgId)
    .where('s.case_id', '=', caseId)
    .where('s.id', '=', shareId)
    .executeTakeFirst();
}

export async function insertCaseShare(
  db: DbOrTx,
  s: {
    orgId: string;
    caseId: string;
    userId: string;
    kind: 'share' | 'break-glass';
    reason: string;
    expiresAt: Date | null;
    grantedBy: string;
    grantedAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_shares')
    .values({
      org_id: s.orgId,
      case_id: s.caseId,
      user_id: s.userId,
      kind: s.kind,
      reason: s.reason,
      expires_at: s.expiresAt,
      granted_by: s.grantedBy,
      granted_at: s.grantedAt,
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Revokes a share (the row stays, with revoked_at); false when it was revoked already. */
export async function revokeCaseShare(
  db: DbOrTx,
  s: { orgId: string; caseId: string; shareId: string; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('case_shares')
    .set({ revoked_at: s.now })
    .where('org_id', '=', s.orgId)
    .where('case_id', '=', s.caseId)
    .where('id', '=', s.shareId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
