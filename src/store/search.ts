/**
 * Full-text search (PostgreSQL tsvector + GIN) over filed notes and case summaries, limited in SQL
 * to what the reader may see. Snippets mark matches with ⟦ and ⟧.
 */
import { sql } from 'kysely';
import type { Actor } from '../domain/access/actor.ts';
import { caseVisibleTo, noteContentReadableBy, visibleCaseIds } from './case-visibility.ts';
import type { DbOrTx } from './db.ts';

export const MARK_START = '⟦';
export const MARK_END = '⟧';
const HEADLINE = `StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "`;

export async function searchNotes(db: DbOrTx, actor: Actor, query: string, now: Date, limit: number) {
  const q = sql`websearch_to_tsquery('english', ${query})`;
  // Driven from the reader's visible cases (see visibleCaseIds); caseVisibleTo stays as the rule.
  return db
    .selectFrom(visibleCaseIds(db, actor, now).as('v'))
    .innerJoin('notes as n', (j) => j.onRef('n.case_id', '=', 'v.id').on('n.org_id', '=', actor.orgId))
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'n.case_id').onRef('c.org_id', '=', 'n.org_id'))
    .select([
      'n.id',
      'n.case_id',
      'n.type',
      'n.occurred_at',
      'n.amends_note_id',
      'c.reference',
      sql<string>`ts_headline('english', n.facts || ' ' || n.advice || ' ' || n.actions_agreed || ' ' || n.judgement, ${q}, ${HEADLINE})`.as(
        'snippet',
      ),
      sql<number>`ts_rank(n.search, ${q})`.as('rank'),
    ])
    .where('n.org_id', '=', actor.orgId)
    .where('n.status', '=', 'filed')
    .where(sql<boolean>`n.search @@ ${q}`)
    .where(caseVisibleTo(actor, now))
    .where(noteContentReadableBy(actor))
    .orderBy('rank', 'desc')
    .orderBy('n.occurred_at', 'desc')
    .limit(limit)
    .execute();
}

export async function searchCases(db: DbOrTx, actor: Actor, query: string, now: Date, limit: number) {
  const q = sql`websearch_to_tsquery('english', ${query})`;
  return db
    .selectFrom(visibleCaseIds(db, actor, now).as('v'))
    .innerJoin('cases as c', (j) => j.onRef('c.id', '=', 'v.id').on('c.org_id', '=', actor.orgId))
    .select([
      'c.id',
      'c.reference',
      'c.status',
      // The presenting issue, then the desired outcome after a dash (so the two read apart).
      sql<string>`ts_headline('english', c.presenting_issue || coalesce(' — ' || c.desired_outcome, ''), ${q}, ${HEADLINE})`.as(
        'snippet',
      ),
      sql<number>`ts_rank(c.search, ${q})`.as('rank'),
    ])
    .where(sql<boolean>`c.search @@ ${q}`)
    .where(caseVisibleTo(actor, now))
    .orderBy('rank', 'desc')
    .limit(limit)
    .execute();
}

/** The case with this reference, if the actor may see it. */
export async function findVisibleCaseByReference(db: DbOrTx, actor: Actor, reference: string, now: Date) {
  return db
    .selectFrom('cases as c')
    .select(['c.id', 'c.reference', 'c.status'])
    .where('c.reference', '=', reference.trim().toUpperCase())
    .where(caseVisibleTo(actor, now))
    .executeTakeFirst();
}
