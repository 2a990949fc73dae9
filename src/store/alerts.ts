/** Alerts already raised: one row per alert, so each happens once whichever process finds it. */
import type { DbOrTx } from './db.ts';

/**
 * Claims several alerts at once (one INSERT): the subject keys of those this caller recorded
 * first. Alerts of one kind, so subject keys identify them. Rows are inserted in subject-key order,
 * so two processes claiming overlapping batches wait for each other instead of deadlocking.
 */
export async function claimAlerts(
  db: DbOrTx,
  alerts: readonly { orgId: string; kind: string; subjectKey: string; caseId: string | null; sentAt: Date }[],
): Promise<Set<string>> {
  const claimed = new Set<string>();
  if (new Set(alerts.map((a) => a.kind)).size > 1)
    throw new Error('claimAlerts: alerts of one kind per call');
  const ordered = [...alerts].sort((a, b) =>
    a.subjectKey < b.subjectKey ? -1 : a.subjectKey > b.subjectKey ? 1 : 0,
  );
  // Within PostgreSQL's bind-parameter limit (5 per row).
  for (let i = 0; i < ordered.length; i += 5_000) {
    const rows = await db
      .insertInto('alerts_sent')
      .values(
        ordered.slice(i, i + 5_000).map((a) => ({
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
