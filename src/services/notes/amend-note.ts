import type { Actor } from '../../domain/access/actor.ts';
import { canReadNoteContent } from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { hasRecordedContent } from '../../domain/notes/note-rules.ts';
import { insertNote } from '../../store/notes.ts';
import { audit, inTransaction, recordDenial, requireActor, type ServiceContext } from '../context.ts';
import { noteEmpty } from './file-note.ts';
import { applyNoteInput, checkNoteContent, contentOf, type NoteInput } from './note-input.ts';
import { type LoadedNote, loadNote, type NoteView, noteViewOf, requireContribution } from './note-view.ts';

export type AmendNoteInput = NoteInput & { readonly reason: string };

/**
 * Corrects a filed note the only way there is: a new note, filed at once, that names the original
 * and says why. Fields left out are copied from the original; the original stays as it was and
 * shows "amended — see …". An amendment can itself be amended (a chain). Only someone who may add
 * to the case and read the original's content may amend it.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND, FORBIDDEN, CONFLICT (a draft: edit it instead),
 *   NOTE_EMPTY, VALIDATION_FAILED (contactChannel, occurredAt, goalIds, actionIds)
 */
export async function amendNote(
  ctx: ServiceContext,
  noteId: string,
  input: AmendNoteInput,
): Promise<NoteView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const original = await loadNote(ctx, noteId, 'view', tx);
    if (original.note.status === 'draft') {
      throw new AppError(
        'CONFLICT',
        'This note is a draft: change it and file it; only filed notes are amended.',
      );
    }
    await requireContribution(ctx, actor, original.kase);
    await requireContentAccess(ctx, actor, original);
    const { content, changed } = applyNoteInput(contentOf(original.note), input);
    await checkNoteContent(ctx, tx, original.kase.row, content, 'filing');
    if (!hasRecordedContent({ ...content, actionsAgreed: content.actions_agreed })) throw noteEmpty();
    const now = ctx.clock.now();
    const id = await insertNote(tx, {
      ...content,
      org_id: actor.orgId,
      case_id: original.note.case_id,
      author_id: actor.id,
      status: 'filed',
      recorded_at: now,
      amends_note_id: original.note.id,
      amendment_reason: input.reason.trim(),
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'note.amended',
      entityType: 'note',
      entityId: id,
      details: {
        caseId: original.note.case_id,
        amendsNoteId: original.note.id,
        fields: changed,
        sensitivity: content.sensitivity,
      },
    });
    return noteViewOf(ctx, tx, original.kase.access, id);
  });
}

/** Amending copies the original's content, so a reader who may not see it may not amend it. */
async function requireContentAccess(ctx: ServiceContext, actor: Actor, loaded: LoadedNote): Promise<void> {
  const { note, kase } = loaded;
  const readable = canReadNoteContent(
    actor,
    kase.access,
    { authorId: note.author_id, status: note.status, sensitivity: note.sensitivity },
    ctx.clock.now(),
  );
  if (readable) return;
  await recordDenial(ctx, 'note.read-content', { entityType: 'note', entityId: note.id });
  throw new AppError(
    'FORBIDDEN',
    'This note is restricted: only its author, the case owner or a team supervisor can amend it.',
  );
}
