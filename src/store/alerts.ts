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

/**
 * Claims several alerts at once (one INSERT): the subject keys of those this caller recorded
 * first. Alerts of one kind, so subject keys identify them.
 */
export async function claimAlerts(
  db: DbOrTx,
  alerts: readonly { orgId: string; kind: string; subjectKey: string; caseId: string | null; sentAt: Date }[],
): Promise<Set<string>> {
  const claimed = new Set<string>();
  if (new Set(alerts.map((a) => a.kind)).size > 1)
    throw new Error('claimAlerts: alerts of one kind per call');
  // Within PostgreSQL's bind-parameter limit (5 per row).
  for (let i = 0; i < alerts.length; i += 5_000) {
    const rows = await db
      .insertInto('alerts_sent')
      .values(
        alerts.slice(i, i + 5_000).map((a) => ({
          org_id: a.orgId,
          kind: a.kind,
          subject_key: a.subjectKey,
          case_id: a.caseId,
          sent_at: a.sentAt,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .returning('subject_key')
      .execute();
    for (const r of rows) claimed.add(r.subject_key);
  }
  return claimed;
}
