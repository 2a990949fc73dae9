/**
 * The reads behind the effect of priorities on a practitioner's caseload: their open cases with
 * what the neglect check and the forecast look at, and the attention their cases had in a window,
 * each with the band the case had at that moment. Both only return cases the reader may view
 * (caseVisibleTo), and each is one query, however large the caseload.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import type { Band } from '../domain/priority/levels.ts';
import { caseVisibleTo } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';

export interface CaseloadScope {
  /** Who is reading: only cases they may view are returned. */
  readonly actor: Actor;
  /** The practitioner whose caseload it is (the cases they own). */
  readonly ownerId: string;
  readonly now: Date;
}

export interface CaseloadCaseRow {
  readonly id: string;
  readonly reference: string;
  readonly caseTypeId: string;
  readonly clientName: string;
  /** The band of the current assessment; null when the case has never been assessed. */
  readonly band: Band | null;
  readonly score: number | null;
  readonly estimatedEffortHours: number | null;
  readonly openedAt: Date;
  readonly lastAttentionAt: Date;
  /** Whether a note (not an amendment) has been filed on the case. */
  readonly attended: boolean;
}

/** Filed notes that are attention to a case: amendments only correct a note. */
const attentionNote = sql<boolean>`n.status = 'filed' AND n.amends_note_id IS NULL`;

/**
 * The practitioner's open cases (not on hold, not closed) that the reader may view, by reference.
 */
export async function listCaseloadCases(db: DbOrTx, scope: CaseloadScope): Promise<CaseloadCaseRow[]> {
  const rows = await db
    .selectFrom('cases as c')
    .innerJoin('clients as cl', (j) =>
      j.onRef('cl.id', '=', 'c.client_id').onRef('cl.org_id', '=', 'c.org_id'),
    )
    .select((eb) => [
      'c.id',
      'c.reference',
      'c.case_type_id',
      'c.priority_band',
      'c.priority_score',
      'c.estimated_effort_hours',
      'c.opened_at',
      'c.last_attention_at',
      'cl.legal_name',
      'cl.preferred_name',
      eb
        .exists(
          eb
            .selectFrom('notes as n')
            .select(sql<number>`1`.as('one'))
            .whereRef('n.org_id', '=', 'c.org_id')
            .whereRef('n.case_id', '=', 'c.id')
            .where(attentionNote),
        )
        .as('attended'),
    ])
    .where('c.org_id', '=', scope.actor.orgId)
    .where('c.owner_id', '=', scope.ownerId)
    .where('c.status', '=', 'open')
    .where(caseVisibleTo(scope.actor, scope.now))
    .orderBy('c.reference')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    reference: r.reference,
    caseTypeId: r.case_type_id,
    clientName: r.preferred_name || r.legal_name,
    band: r.priority_band,
    score: r.priority_score === null ? null : Number(r.priority_score),
    estimatedEffortHours: r.estimated_effort_hours === null ? null : Number(r.estimated_effort_hours),
    openedAt: r.opened_at,
    lastAttentionAt: r.last_attention_at,
    attended: Boolean(r.attended),
  }));
}

export interface AttentionEventRow {
  readonly caseId: string;
  readonly occurredAt: Date;
  /** The band of the case's latest assessment at or before `occurredAt` (see listAttentionEvents). */
  readonly band: Band;
}

/**
 * The attention the practitioner's cases (any status, that the reader may view) had from `since`
 * up to `until` (exclusive): one row per filed note that is not an amendment, by when it happened.
 * Its band is that of the case's latest assessment at or before then; for a note older than the
 * case's first assessment, that first assessment's band; for a case never assessed, green.
 */
export async function listAttentionEvents(
  db: DbOrTx,
  scope: CaseloadScope & { readonly since: Date; readonly until: Date },
): Promise<AttentionEventRow[]> {
  const rows = await db
    .selectFrom('notes as n')
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'n.case_id').onRef('c.org_id', '=', 'n.org_id'))
    .select([
      'n.case_id',
      'n.occurred_at',
      sql<Band>`coalesce(
        (SELECT a.band FROM assessments a
          WHERE a.org_id = n.org_id AND a.case_id = n.case_id AND a.assessed_at <= n.occurred_at
          ORDER BY a.assessed_at DESC, a.seq DESC LIMIT 1),
        (SELECT a.band FROM assessments a
          WHERE a.org_id = n.org_id AND a.case_id = n.case_id
          ORDER BY a.seq LIMIT 1),
        'green')`.as('band'),
    ])
    .where('n.org_id', '=', scope.actor.orgId)
    .where('c.owner_id', '=', scope.ownerId)
    .where(attentionNote)
    .where('n.occurred_at', '>=', scope.since)
    .where('n.occurred_at', '<', scope.until)
    .where(caseVisibleTo(scope.actor, scope.now))
    .orderBy('n.occurred_at')
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, occurredAt: r.occurred_at, band: r.band }));
}
