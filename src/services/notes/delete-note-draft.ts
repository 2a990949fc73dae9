import { AppError } from '../../domain/errors.ts';
import { deleteDraft } from '../../store/notes.ts';
import { audit, inTransaction, type ServiceContext } from '../context.ts';
import { loadDraftForChange } from './note-view.ts';

/**
 * The author throws a draft away. A filed note is never deleted: NOTE_IMMUTABLE.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND, NOTE_IMMUTABLE, FORBIDDEN
 */
export async function deleteNoteDraft(ctx: ServiceContext, noteId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const { note } = await loadDraftForChange(ctx, tx, noteId);
    if (!(await deleteDraft(tx, note.org_id, note.id))) throw new AppError('NOTE_IMMUTABLE');
    await audit(ctx, tx, {
      action: 'note.draft_deleted',
      entityType: 'note',
      entityId: note.id,
      details: { caseId: note.case_id },
    });
  });
}
