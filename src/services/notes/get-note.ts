import { auditRead } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { loadNote, type NoteView, noteViewOf } from './note-view.ts';

/**
 * One note as the reader may see it (a restricted note without its content unless they may read
 * it; a draft only by its author), with the amendments that correct it. The read is audited.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND
 */
export async function getNote(ctx: ServiceContext, noteId: string): Promise<NoteView> {
  const { note, kase } = await loadNote(ctx, noteId, 'view');
  const view = await noteViewOf(ctx, ctx.db, kase.access, note.id);
  await auditRead(ctx, {
    action: 'note.viewed',
    entityType: 'note',
    entityId: note.id,
    details: { caseId: note.case_id, contentWithheld: !view.contentVisible },
  });
  return view;
}
