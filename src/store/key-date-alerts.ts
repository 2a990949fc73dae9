/**
 * What the scheduled key-date alerts read: pending key dates of cases that are not closed, with
 * what a notification needs (case reference, owner, team), and which alerts were sent already.
 * Every query is scoped by org_id.
 */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export interface KeyDateAlertCandidate {
  readonly id: string;
  readonly case_id: string;
  readonly kind: string;
  readonly due_date: string;
  readonly status: 'pending' | 'met' | 'missed' | 'cancelled';
  readonly reminder_lead_days: number[] | null;
  readonly case_reference: string;
  readonly owner_id: string;
  /** Whether the owner's account is active (a disabled owner is not e-mailed). */
  readonly owner_active: boolean;
  readonly team_id: string | null;
}

/** Pending key dates due from `from` to `to` (inclusive) of the organisation's cases that are not closed. */
export async function listPendingKeyDatesDue(
  db: DbOrTx,
  orgId: string,
  range: { from: string; to: string },
): Promise<KeyDateAlertCandidate[]> {
  return db
    .selectFrom('key_dates as k')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'k.case_id').onRef('c.org_id', '=', 'k.org_id'))
    .innerJoin('users as o', (j) => j.onRef('o.id', '=', 'c.owner_id').onRef('o.org_id', '=', 'c.org_id'))
    .select([
      'k.id',
      'k.case_id',
      'k.kind',
      'k.due_date',
      'k.status',
      'k.reminder_lead_days',
      'c.reference as case_reference',
      'c.owner_id',
      sql<boolean>`o.status = 'active'`.as('owner_active'),
      'c.team_id',
    ])
    .where('k.org_id', '=', orgId)
    .where('k.status', '=', 'pending')
    .where('k.due_date', '>=', range.from)
    .where('k.due_date', '<=', range.to)
    .where('c.status', '<>', 'closed')
    .orderBy('k.due_date')
    .orderBy('k.id')
    .execute();
}

/** Which of these subject keys of a kind have been alerted already. */
export async function sentAlertKeys(
  db: DbOrTx,
  orgId: string,
  kind: string,
  subjectKeys: readonly string[],
): Promise<Set<string>> {
  if (subjectKeys.length === 0) return new Set();
  const rows = await db
    .selectFrom('alerts_sent')
    .select('subject_key')
    .where('org_id', '=', orgId)
    .where('kind', '=', kind)
    .where('subject_key', 'in', [...subjectKeys])
    .execute();
  return new Set(rows.map((r) => r.subject_key));
}
