/** The organisation's caseload settings: stalled after N working days, review cadence, financial outcomes. */
import type { DbOrTx } from './db.ts';

export interface CaseloadSettings {
  readonly stalledAfterDays: number;
  readonly reviewCadenceWeeks: number;
  readonly recordsFinancialOutcomes: boolean;
}

export async function getCaseloadSettings(
  db: DbOrTx,
  orgId: string,
  options: { forUpdate?: boolean } = {},
): Promise<CaseloadSettings | undefined> {
  let q = db
    .selectFrom('organisations')
    .select(['stalled_after_days', 'review_cadence_weeks', 'records_financial_outcomes'])
    .where('id', '=', orgId);
  if (options.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? {
        stalledAfterDays: row.stalled_after_days,
        reviewCadenceWeeks: row.review_cadence_weeks,
        recordsFinancialOutcomes: row.records_financial_outcomes,
      }
    : undefined;
}

export async function setCaseloadSettings(db: DbOrTx, orgId: string, s: CaseloadSettings): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      stalled_after_days: s.stalledAfterDays,
      review_cadence_weeks: s.reviewCadenceWeeks,
      records_financial_outcomes: s.recordsFinancialOutcomes,
    })
    .where('id', '=', orgId)
    .execute();
}
