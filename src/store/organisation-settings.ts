/** An organisation's settings beyond its name: the key dates' reminder lead times. */
import type { DbOrTx } from './db.ts';

/** The organisation's reminder lead times in working days, as stored (longest first). */
export async function getReminderLeadDays(db: DbOrTx, orgId: string): Promise<number[] | undefined> {
  const row = await db
    .selectFrom('organisations')
    .select('reminder_lead_days')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.reminder_lead_days;
}

/** Replaces the organisation's reminder lead times, answering the previous ones (locked while the transaction runs). */
export async function setReminderLeadDays(
  db: DbOrTx,
  orgId: string,
  leadDays: readonly number[],
): Promise<{ previous: number[] } | undefined> {
  const current = await db
    .selectFrom('organisations')
    .select('reminder_lead_days')
    .where('id', '=', orgId)
    .forUpdate()
    .executeTakeFirst();
  if (!current) return undefined;
  await db
    .updateTable('organisations')
    .set({ reminder_lead_days: [...leadDays] })
    .where('id', '=', orgId)
    .execute();
  return { previous: current.reminder_lead_days };
}
