import { AppError } from '../../domain/errors.ts';
import { hasRecordedContent, isLateEntry } from '../../domain/notes/note-rules.ts';
import type { Tx } from '../../store/db.ts';
import { fileDraft, type NoteRecord, touchCaseAttention } from '../../store/notes.ts';
import { inTransaction, recordSettings, type ServiceContext } from '../context.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { checkNoteContent, contentOf } from './note-input.ts';
import { loadDraftForChange, type NoteView, noteViewFrom } from './note-view.ts';

const EMPTY_MESSAGE = 'Write at least one of: facts, advice given, actions agreed.';

/** NOTE_EMPTY naming the three sections, facts first. */
export const noteEmpty = () =>
  new AppError('NOTE_EMPTY', EMPTY_MESSAGE, {
    fields: ['facts', 'advice', 'actionsAgreed'].map((field) => ({ field, message: EMPTY_MESSAGE })),
  });

/**
 * The author files their draft: it is frozen from now on (recorded at the server clock), becomes
 * visible to everyone who may view the case, and counts as attention to the case.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND, NOTE_IMMUTABLE (already filed), FORBIDDEN,
 *   NOTE_EMPTY (fields facts, advice, actionsAgreed), VALIDATION_FAILED (contactChannel)
 */
export async function fileNote(ctx: ServiceContext, noteId: string): Promise<NoteView> {
  return inTransaction(ctx, async (tx) => {
    const { note, kase } = await loadDraftForChange(
      ctx,
      tx,
      noteId,
      'This note is filed already; to correct it, record an amendment that names it.',
    );
    if (!hasRecordedContent({ ...note, actionsAgreed: note.actions_agreed })) throw noteEmpty();
    await checkNoteContent(ctx, tx, kase.row, contentOf(note), 'filing');
    const now = ctx.clock.now();
    const filed = await fileDraft(tx, note.org_id, note.id, now);
    if (!filed) throw new AppError('NOTE_IMMUTABLE');
    // No glossary (hints are for drafts) and no amendments: only filed notes are amended, and this
    // one was a draft until now (its row locked).
    const view = noteViewFrom(ctx, kase.access, {
      note: { ...note, ...filed },
      amendments: [],
      glossary: [],
    });
    await recordFiling(ctx, tx, note, now);
    return view;
  });
}

/**
 * What filing a note (filed at `now`) sets off, in the filing's transaction: it counts as attention
 * to the case, the case is re-assessed, and `note.filed` is audited. The audit append (the
 * re-assessment's events and the filing's, at once) comes last: it takes the organisation's chain
 * lock, held until commit, so other writers wait as little as possible. Call it after everything
 * else the transaction reads or writes.
 */
export async function recordFiling(
  ctx: ServiceContext,
  tx: Tx,
  note: Pick<NoteRecord, 'id' | 'org_id' | 'case_id' | 'type' | 'sensitivity' | 'occurred_at'>,
  now: Date,
): Promise<void> {
  // The work happened when the note says (a late entry does not make the case look fresher).
  const attention = note.occurred_at.getTime() < now.getTime() ? note.occurred_at : now;
  await touchCaseAttention(tx, note.org_id, note.case_id, attention);
  const filed = {
    action: 'note.filed',
    entityType: 'note',
    entityId: note.id,
    details: {
      caseId: note.case_id,
      type: note.type,
      sensitivity: note.sensitivity,
      lateEntry: isLateEntry(note.occurred_at, now, recordSettings(ctx).lateEntryHours),
    },
  };
  await reassessCases(ctx, tx, {
    orgId: note.org_id,
    caseIds: [note.case_id],
    trigger: 'note',
    thenAudit: [filed],
  });
}
