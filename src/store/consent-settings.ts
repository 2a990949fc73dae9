/** The organisation's consent setting: how many months consent to recording lasts by default. */
import type { DbOrTx } from './db.ts';

export async function getRecordingConsentMonths(
  db: DbOrTx,
  orgId: string,
  options: { forUpdate?: boolean } = {},
): Promise<number | undefined> {
  let q = db.selectFrom('organisations').select('recording_consent_months').where('id', '=', orgId);
  if (options.forUpdate) q = q.forUpdate();
  return (await q.executeTakeFirst())?.recording_consent_months;
}

export async function setRecordingConsentMonths(db: DbOrTx, orgId: string, months: number): Promise<void> {
  await db
    .updateTable('organisations')
    .set({ recording_consent_months: months })
    .where('id', '=', orgId)
    .execute();
}
