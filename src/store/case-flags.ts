import type { DbOrTx } from './db.ts';

const flagsWithNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('case_flags as f')
    .innerJoin('users as r', (j) => j.onRef('r.id', '=', 'f.raised_by').onRef('r.org_id', '=', 'f.org_id'))
    .leftJoin('users as v', (j) => j.onRef('v.id', '=', 'f.resolved_by').onRef('v.org_id', '=', 'f.org_id'))
    .selectAll('f')
    .select(['r.display_name as raised_by_name', 'v.display_name as resolved_by_name'])
    .where('f.org_id', '=', orgId);

/** The flags of a case, oldest first, with the names of who raised and resolved them. */
export async function listCaseFlags(db: DbOrTx, orgId: string, caseId: string) {
  return flagsWithNames(db, orgId)
    .where('f.case_id', '=', caseId)
    .orderBy('f.raised_at')
    .orderBy('f.id')
    .execute();
}
export type CaseFlagWithNames = Awaited<ReturnType<typeof listCaseFlags>>[number];

export async function getCaseFlag(db: DbOrTx, orgId: string, caseId: string, flagId: string) {
  return flagsWithNames(db, orgId)
    .where('f.case_id', '=', caseId)
    .where('f.id', '=', flagId)
    .executeTakeFirst();
}

export async function insertCaseFlag(
  db: DbOrTx,
  f: {
    orgId: string;
    caseId: string;
    kind: 'safeguarding' | 'vulnerability';
    category: string;
    description: string | null;
    raisedBy: string;
    raisedAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_flags')
    .values({
      org_id: f.orgId,
      case_id: f.caseId,
      kind: f.kind,
      category: f.category,
      description: f.description,
      raised_by: f.raisedBy,
      raised_at: f.raisedAt,
      resolved_by: null,
      resolved_at: null,
      resolution: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Resolves an unresolved flag; false when it was resolved already. */
export async function resolveCaseFlag(
  db: DbOrTx,
  f: {
    orgId: string;
    caseId: string;
    flagId: string;
    resolvedBy: string;
    resolvedAt: Date;
    resolution: string;
  },
): Promise<boolean> {
  const r = await db
    .updateTable('case_flags')
    .set({ resolved_by: f.resolvedBy, resolved_at: f.resolvedAt, resolution: f.resolution })
    .where('org_id', '=', f.orgId)
    .where('case_id', '=', f.caseId)
    .where('id', '=', f.flagId)
    .where('resolved_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
