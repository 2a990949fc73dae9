/** Reads of the information-exchange view that other repositories do not have. Scoped by org_id. */
import type { DbOrTx } from './db.ts';

/** Every share of a case — colleague shares and break-glass, revoked and expired ones too — oldest first. */
export async function listAllCaseShares(db: DbOrTx, orgId: string, caseId: string) {
  return db
    .selectFrom('case_shares as s')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').onRef('u.org_id', '=', 's.org_id'))
    .innerJoin('users as g', (j) => j.onRef('g.id', '=', 's.granted_by').onRef('g.org_id', '=', 's.org_id'))
    .selectAll('s')
    .select(['u.display_name as user_name', 'g.display_name as granted_by_name'])
    .where('s.org_id', '=', orgId)
    .where('s.case_id', '=', caseId)
    .orderBy('s.granted_at')
    .orderBy('s.id')
    .execute();
}
