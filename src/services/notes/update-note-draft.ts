import { AppError } from '../../domain/errors.ts';
import { updateDraft } from '../../store/notes.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { applyNoteInput, checkNoteContent, contentOf, type NoteInput } from './note-input.ts';
import { loadDraftForChange, type NoteView, noteViewOf } from './note-view.ts';

/**
 * The author changes their draft (the editor's auto-save): only the fields sent change, and the
 * result is checked as a whole. A filed note never changes: NOTE_IMMUTABLE, nothing written.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND, NOTE_IMMUTABLE, FORBIDDEN,
 *   VALIDATION_FAILED (contactChannel, occurredAt, goalIds, actionIds)
 */
export async function updateNoteDraft(
  ctx: ServiceContext,
  noteId: string,
  input: NoteInput,
): Promise<NoteView> {
  return inTransaction(ctx, async (tx) => {
    const { note, kase } = await loadDraftForChange(ctx, tx, noteId);
    const { content, changed } = applyNoteInput(contentOf(note), input);
    await checkNoteContent(ctx, tx, kase.row, content, 'draft');
    if (changed.length > 0) {
      const updated = await updateDraft(tx, note.org_id, note.id, content, ctx.clock.now());
      if (!updated) throw new AppError('NOTE_IMMUTABLE');
      await audit(ctx, tx, {
        action: 'note.draft_updated',
        entityType: 'note',
        entityId: note.id,
        details: { caseId: note.case_id, fields: changed },
      });
    }
    return noteViewOf(ctx, tx, kase.access, note.id);
  });
}
