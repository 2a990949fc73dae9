import { listGlossaryTerms } from '../../store/glossary.ts';
import { listCaseNotes as listCaseNoteRows } from '../../store/notes.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { amendmentsAmong, type NoteView, toNoteViews } from './note-view.ts';

/**
 * A case's notes as the reader may see them: every filed note (restricted ones without their
 * content unless the reader may read it) and the reader's own drafts, in the order they occurred.
 * The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listCaseNotes(ctx: ServiceContext, caseId: string): Promise<NoteView[]> {
  const actor = requireActor(ctx);
  const kase = await loadCase(ctx, caseId, 'view');
  const rows = await listCaseNoteRows(ctx.db, actor.orgId, kase.row.id, actor.id);
  const glossary = rows.some((r) => r.status === 'draft') ? await listGlossaryTerms(ctx.db, actor.orgId) : [];
  // Amendments are notes of the same case, so they are in the list already.
  const views = toNoteViews(ctx, kase.access, rows, amendmentsAmong(rows), glossary);
  await auditRead(ctx, {
    action: 'note.listed',
    entityType: 'case',
    entityId: kase.row.id,
    details: { notes: views.length, withheld: views.filter((v) => !v.contentVisible).length },
  });
  return views;
}
