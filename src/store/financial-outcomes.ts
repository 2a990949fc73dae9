/** Financial outcomes of cases (whole pence) and whether the organisation records them. */
import type { Insertable, Selectable } from 'kysely';
import type { DbOrTx } from './db.ts';
import type { FinancialOutcomesTable } from './schema.ts';

export type FinancialOutcomeRow = Selectable<FinancialOutcomesTable>;

export async function insertFinancialOutcomes(
  db: DbOrTx,
  rows: readonly Insertable<FinancialOutcomesTable>[],
): Promise<FinancialOutcomeRow[]> {
  if (rows.length === 0) return [];
  return db
    .insertInto('financial_outcomes')
    .values([...rows])
    .returningAll()
    .execute();
}

const withNames = (db: DbOrTx, orgId: string) =>
  db
    .selectFrom('financial_outcomes as f')
    .innerJoin('users as u', (j) => j.onRef('u.id', '=', 'f.recorded_by').onRef('u.org_id', '=', 'f.org_id'))
    .selectAll('f')
    .select('u.display_name as recorded_by_name')
    .where('f.org_id', '=', orgId);

/** The financial outcomes of a case with who recorded each, oldest first. */
export async function listCaseFinancialOutcomes(db: DbOrTx, orgId: string, caseId: string) {
  return withNames(db, orgId)
    .where('f.case_id', '=', caseId)
    .orderBy('f.recorded_at')
    .orderBy('f.id')
    .execute();
}

export async function getFinancialOutcomeWithNames(db: DbOrTx, orgId: string, id: string) {
  return withNames(db, orgId).where('f.id', '=', id).executeTakeFirst();
}
export type FinancialOutcomeWithNames = Awaited<ReturnType<typeof listCaseFinancialOutcomes>>[number];

/** Whether the organisation records financial outcomes (organisations.records_financial_outcomes). */
export async function recordsFinancialOutcomes(db: DbOrTx, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('organisations')
    .select('records_financial_outcomes')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.records_financial_outcomes ?? false;
}
