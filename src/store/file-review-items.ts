/** The file-review checklist of an organisation, and its sampling rule (organisations.file_review_*). */
import type { DbOrTx } from './db.ts';
import type { FileReviewPeriod } from './schema.ts';

export async function listFileReviewItems(db: DbOrTx, orgId: string, options: { activeOnly: boolean }) {
  let q = db.selectFrom('file_review_items').selectAll().where('org_id', '=', orgId);
  if (options.activeOnly) q = q.where('active', '=', true);
  return q.orderBy('sort_order').orderBy('label').execute();
}

export type FileReviewItemRow = Awaited<ReturnType<typeof listFileReviewItems>>[number];

export async function getFileReviewItem(
  db: DbOrTx,
  orgId: string,
  id: string,
  options: { lock?: boolean } = {},
) {
  let q = db.selectFrom('file_review_items').selectAll().where('org_id', '=', orgId).where('id', '=', id);
  if (options.lock) q = q.forUpdate();
  return q.executeTakeFirst();
}

export async function getFileReviewItemByKey(db: DbOrTx, orgId: string, key: string) {
  return db
    .selectFrom('file_review_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('key', '=', key)
    .executeTakeFirst();
}

export async function insertFileReviewItem(
  db: DbOrTx,
  input: {
    orgId: string;
    key: string;
    label: string;
    guidance: string | null;
    active: boolean;
    sortOrder: number;
  },
) {
  return db
    .insertInto('file_review_items')
    .values({
      org_id: input.orgId,
      key: input.key,
      label: input.label,
      guidance: input.guidance,
      active: input.active,
      sort_order: input.sortOrder,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Changes an item's wording, guidance, active flag or position (never its key). */
export async function updateFileReviewItem(
  db: DbOrTx,
  orgId: string,
  id: string,
  patch: { label: string; guidance: string | null; active: boolean; sortOrder: number },
) {
  return db
    .updateTable('file_review_items')
    .set({ label: patch.label, guidance: patch.guidance, active: patch.active, sort_order: patch.sortOrder })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
}

export interface SamplingRuleRow {
  readonly casesPerPractitioner: number;
  readonly period: FileReviewPeriod;
  readonly riskShare: number;
}

/** The organisation's sampling rule (optionally locked for the rest of the transaction). */
export async function getSamplingRule(
  db: DbOrTx,
  orgId: string,
  options: { lock?: boolean } = {},
): Promise<SamplingRuleRow | undefined> {
  let q = db
    .selectFrom('organisations')
    .select(['file_review_cases_per_practitioner', 'file_review_period', 'file_review_risk_share'])
    .where('id', '=', orgId);
  if (options.lock) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row
    ? {
        casesPerPractitioner: row.file_review_cases_per_practitioner,
        period: row.file_review_period,
        riskShare: Number(row.file_review_risk_share),
      }
    : undefined;
}

export async function setSamplingRule(db: DbOrTx, orgId: string, rule: SamplingRuleRow): Promise<void> {
  await db
    .updateTable('organisations')
    .set({
      file_review_cases_per_practitioner: rule.casesPerPractitioner,
      file_review_period: rule.period,
      file_review_risk_share: rule.riskShare,
    })
    .where('id', '=', orgId)
    .execute();
}
