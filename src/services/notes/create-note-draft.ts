import { insertNoteWithContext } from '../../store/notes.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { applyNoteInput, blankContent, checkNoteContent, type NoteInput, newNoteRow } from './note-input.ts';
import { type NoteView, noteViewFrom } from './note-view.ts';

export type CreateNoteDraftInput = NoteInput & {
  readonly type: NonNullable<NoteInput['type']>;
  readonly occurredAt: string;
};

/**
 * A practitioner who may add to the case starts a note: a draft that only they see, until they
 * file it. Nothing needs to be written yet; filing asks for content.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN,
 *   VALIDATION_FAILED (contactChannel, occurredAt, goalIds, actionIds)
 */
export async function createNoteDraft(
  ctx: ServiceContext,
  caseId: string,
  input: CreateNoteDraftInput,
): Promise<NoteView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const kase = await loadCase(ctx, caseId, 'contribute', tx);
    const { content } = applyNoteInput(blankContent(input.type, input.occurredAt), input);
    await checkNoteContent(ctx, tx, kase.row, content, 'draft');
    const now = ctx.clock.now();
    const inserted = await insertNoteWithContext(tx, newNoteRow(actor, kase.row.id, content, now, false));
    const view = noteViewFrom(ctx, kase.access, inserted);
    // Last: the audit append takes the organisation's chain lock, held until commit.
    await audit(ctx, tx, {
      action: 'note.draft_created',
      entityType: 'note',
      entityId: view.note.id,
      details: { caseId: kase.row.id, type: content.type, sensitivity: content.sensitivity },
    });
    return view;
  });
}
