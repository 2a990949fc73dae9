/**
 * Specialists of a case (colleagues who work on it beside its owner), and the case's resource
 * facts (allocated hours, estimated effort, whether it has a dated next action). Every query is
 * scoped by org_id.
 */
import type { DbOrTx } from './db.ts';

const specialistsWithNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('case_specialists as s')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 's.user_id').onRef('u.org_id', '=', 's.org_id'))
    .innerJoin('users as a', (j) => j.onRef('a.id', '=', 's.added_by').onRef('a.org_id', '=', 's.org_id'))
    .leftJoin('users as r', (j) => j.onRef('r.id', '=', 's.removed_by').onRef('r.org_id', '=', 's.org_id'))
    .selectAll('s')
    .select([
      'u.display_name as user_name',
      'a.display_name as added_by_name',
      'r.display_name as removed_by_name',
    ])
    .where('s.org_id', '=', orgId);

/** Specialists of a case: current ones first (by when added), then removed ones (latest first). */
export async function listCaseSpecialists(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  options: { currentOnly?: boolean } = {},
) {
  let query = specialistsWithNames(db, orgId).where('s.case_id', '=', caseId);
  if (options.currentOnly) query = query.where('s.removed_at', 'is', null);
  const rows = await query.orderBy('s.added_at').orderBy('s.id').execute();
  const current = rows.filter((r) => r.removed_at === null);
  const removed = rows
    .filter((r) => r.removed_at !== null)
    .sort((a, b) => (b.removed_at?.getTime() ?? 0) - (a.removed_at?.getTime() ?? 0));
  return [...current, ...removed];
}
export type CaseSpecialistWithNames = Awaited<ReturnType<typeof listCaseSpecialists>>[number];

export async function getCaseSpecialist(db: DbOrTx, orgId: string, caseId: string, id: string) {
  return specialistsWithNames(db, orgId)
    .where('s.case_id', '=', caseId)
    .where('s.id', '=', id)
    .executeTakeFirst();
}

/** Whether the user is a current specialist of the case. */
export async function isCurrentSpecialist(
  db: DbOrTx,
  orgId: string,
  caseId: string,
  userId: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('case_specialists')
    .select('id')
    .where('org_id', '=', orgId)
    .where('case_id', '=', caseId)
    .where('user_id', '=', userId)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertCaseSpecialist(
  db: DbOrTx,
  s: {
    orgId: string;
    caseId: string;
    userId: string;
    role: string;
    hours: number | null;
    shareId: string | null;
    addedBy: string;
    addedAt: Date;
  },
): Promise<string> {
  const row = await db
    .insertInto('case_specialists')
    .values({
      org_id: s.orgId,
      case_id: s.caseId,
      user_id: s.userId,
      role: s.role,
      hours: s.hours,
      share_id: s.shareId,
      added_by: s.addedBy,
      added_at: s.addedAt,
      removed_by: null,
      removed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Marks a specialist removed (the row stays); false when they were removed already. */
export async function markSpecialistRemoved(
  db: DbOrTx,
  s: { orgId: string; caseId: string; id: string; removedBy: string; now: Date },
): Promise<boolean> {
  const r = await db
    .updateTable('case_specialists')
    .set({ removed_by: s.removedBy, removed_at: s.now })
    .where('org_id', '=', s.orgId)
    .where('case_id', '=', s.caseId)
    .where('id', '=', s.id)
    .where('removed_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** What the resources check needs beyond the case row: whether the owner is active, a dated next action. */
export async function loadResourceFacts(
  db: DbOrTx,
  orgId: string,
  c: { caseId: string; ownerId: string },
): Promise<{ ownerName: string; ownerActive: boolean; hasNextActionWithDueDate: boolean }> {
  const owner = await db
    .selectFrom('users')
    .select(['display_name', 'status'])
    .where('org_id', '=', orgId)
    .where('id', '=', c.ownerId)
    .executeTakeFirstOrThrow();
  const action = await db
    .selectFrom('actions')
    .select('id')
    .where('org_id', '=', orgId)
    .where('case_id', '=', c.caseId)
    .where('status', '=', 'open')
    .where('due_date', 'is not', null)
    .limit(1)
    .executeTakeFirst();
  return {
    ownerName: owner.display_name,
    ownerActive: owner.status === 'active',
    hasNextActionWithDueDate: action !== undefined,
  };
}
