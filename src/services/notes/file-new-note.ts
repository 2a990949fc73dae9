import { hasRecordedContent } from '../../domain/notes/note-rules.ts';
import { insertNoteWithContext } from '../../store/notes.ts';
import { loadCase } from '../cases/load-case.ts';
import { inTransaction, requireActor, type ServiceContext } from '../context.ts';
import type { CreateNoteDraftInput } from './create-note-draft.ts';
import { noteEmpty, recordFiling } from './file-note.ts';
import { applyNoteInput, blankContent, checkNoteContent, newNoteRow } from './note-input.ts';
import { type NoteView, noteViewFrom } from './note-view.ts';

/**
 * A practitioner who may add to the case writes a note and files it at once, without a draft: the
 * checks of filing, then exactly what filing a draft does — frozen from now on (recorded at the
 * server clock), visible to everyone who may view the case, attention to the case, the case
 * re-assessed — in one transaction. Audited as one `note.filed` (there never was a draft).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN,
 *   VALIDATION_FAILED (contactChannel, occurredAt, goalIds, actionIds: every problem at once),
 *   NOTE_EMPTY (fields facts, advice, actionsAgreed)
 */
export async function fileNewNote(
  ctx: ServiceContext,
  caseId: string,
  input: CreateNoteDraftInput,
): Promise<NoteView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const kase = await loadCase(ctx, caseId, 'contribute', tx);
    const { content } = applyNoteInput(blankContent(input.type, input.occurredAt), input);
    await checkNoteContent(ctx, tx, kase.row, content, 'filing');
    if (!hasRecordedContent({ ...content, actionsAgreed: content.actions_agreed })) throw noteEmpty();
    const now = ctx.clock.now();
    const inserted = await insertNoteWithContext(tx, newNoteRow(actor, kase.row.id, content, now, true));
    const view = noteViewFrom(ctx, kase.access, inserted);
    await recordFiling(ctx, tx, view.note, now);
    return view;
  });
}
