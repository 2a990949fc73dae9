/** Each organisation's glossary of accepted abbreviations. Every query is scoped by org_id. */
import { sql } from 'kysely';
import type { DbOrTx } from './db.ts';

export interface GlossaryEntry {
  readonly term: string;
  readonly meaning: string;
}

export async function listGlossary(db: DbOrTx, orgId: string): Promise<GlossaryEntry[]> {
  return db
    .selectFrom('glossary_terms')
    .select(['term', 'meaning'])
    .where('org_id', '=', orgId)
    .orderBy('term')
    .execute();
}

/** Just the terms, for the clarity hints. */
export async function listGlossaryTerms(db: DbOrTx, orgId: string): Promise<string[]> {
  const rows = await db.selectFrom('glossary_terms').select('term').where('org_id', '=', orgId).execute();
  return rows.map((r) => r.term);
}

/** Adds a term or changes its meaning; `created` tells which. */
export async function upsertGlossaryTerm(
  db: DbOrTx,
  orgId: string,
  entry: GlossaryEntry,
): Promise<GlossaryEntry & { created: boolean }> {
  return (
    db
      .insertInto('glossary_terms')
      .values({ org_id: orgId, term: entry.term, meaning: entry.meaning })
      .onConflict((oc) => oc.columns(['org_id', 'term']).doUpdateSet({ meaning: entry.meaning }))
      // xmax is 0 for a freshly inserted row version, non-zero when ON CONFLICT updated it.
      .returning(['term', 'meaning', sql<boolean>`(xmax = 0)`.as('created')])
      .executeTakeFirstOrThrow()
  );
}

/** Removes a term; returns false when the organisation had no such term. */
export async function deleteGlossaryTerm(db: DbOrTx, orgId: string, term: string): Promise<boolean> {
  const result = await db
    .deleteFrom('glossary_terms')
    .where('org_id', '=', orgId)
    .where('term', '=', term)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}
