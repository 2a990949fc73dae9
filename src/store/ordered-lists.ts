/** The organisation's ordered lists (case types, outcome types, checklist items, factors, templates). */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export type OrderedListTable =
  | 'case_types'
  | 'outcome_types'
  | 'file_review_items'
  | 'complexity_factors'
  | 'time_limit_templates';

/** The sort order after the last item of the organisation's list (1 for the first). */
export async function nextSortOrder(db: DbOrTx, table: OrderedListTable, orgId: string): Promise<number> {
  const { rows } = await sql<{ last: number | null }>`
    SELECT max(sort_order) AS last FROM ${sql.table(table)} WHERE org_id = ${orgId}`.execute(db);
  return (rows[0]?.last ?? 0) + 1;
}
