import { parseCaseReference } from '../../domain/cases/reference.ts';
import { type SnippetSegment, splitMarkedSnippet } from '../../domain/search/snippets.ts';
import { findVisibleCaseByReference, searchCases, searchNotes } from '../../store/search.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';

export interface SearchResults {
  readonly cases: { id: string; reference: string; status: string; snippet: SnippetSegment[] }[];
  readonly notes: {
    id: string;
    caseId: string;
    reference: string;
    type: string;
    occurredAt: Date;
    isAmendment: boolean;
    snippet: SnippetSegment[];
  }[];
}

/**
 * Searches filed notes and case summaries the actor may see (a case reference finds its case).
 * Restricted notes the actor may not read never match. The search is audited without its words
 * (they may name people).
 * @throws AppError UNAUTHENTICATED
 */
export async function searchRecords(
  ctx: ServiceContext,
  input: { q: string; limit: number },
): Promise<SearchResults> {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const [caseRows, noteRows] = await Promise.all([
    searchCases(ctx.db, actor, input.q, now, input.limit),
    searchNotes(ctx.db, actor, input.q, now, input.limit),
  ]);
  const cases = caseRows.map((c) => ({
    id: c.id,
    reference: c.reference,
    status: c.status,
    snippet: splitMarkedSnippet(c.snippet),
  }));
  const hit = parseCaseReference(input.q)
    ? await findVisibleCaseByReference(ctx.db, actor, input.q, now)
    : undefined;
  if (hit && !cases.some((c) => c.id === hit.id)) {
    cases.unshift({ ...hit, snippet: [{ text: hit.reference, match: true }] });
  }
  const notes = noteRows.map((n) => ({
    id: n.id,
    caseId: n.case_id,
    reference: n.reference,
    type: n.type,
    occurredAt: n.occurred_at,
    isAmendment: n.amends_note_id !== null,
    snippet: splitMarkedSnippet(n.snippet),
  }));
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'search.performed',
      details: {
        caseHits: cases.length,
        noteHits: notes.length,
        caseIds: [...new Set(notes.map((n) => n.caseId).concat(cases.map((c) => c.id)))],
      },
    }),
  );
  return { cases, notes };
}
