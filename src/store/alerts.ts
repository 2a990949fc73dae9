/** Alerts already raised: one row per alert, so each happens once whichever process finds it. */
import type { DbOrTx } from './db.ts';

/**
 * Claims an alert: true for the one caller that records it first, false for everyone after
 * (including a concurrent transaction, which waits for the first to commit or roll back).
 */
export async function claimAlert(
  db: DbOrTx,
  alert: { orgId: string; kind: string; subjectKey: string; caseId: string | null; sentAt: Date },
): Promise<boolean> {
  const row = await db
    .insertInto('alerts_sent')
    .values({
      org_id: alert.orgId,
      kind: alert.kind,
      subject_key: alert.subjectKey,
      case_id: alert.caseId,
      sent_at: alert.sentAt,
    })
    .onConflict((oc) => oc.doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}
