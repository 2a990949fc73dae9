/**
 * How services reach notes and turn rows into views: a note the actor may not see (another
 * person's draft, a case they may not view) is NOTE_NOT_FOUND, exactly like a note that does not
 * exist; a restricted note's content is left out of the view for those who may not read it.
 */
import type { Actor } from '../../domain/access/actor.ts';
import {
  type CaseAccessView,
  canContributeToCase,
  canReadNoteContent,
} from '../../domain/cases/case-access.ts';
import { AppError } from '../../domain/errors.ts';
import { clarityHints, type Hint } from '../../domain/notes/clarity-hints.ts';
import { isLateEntry } from '../../domain/notes/note-rules.ts';
import type { DbOrTx } from '../../store/db.ts';
import {
  type AmendmentRef,
  getNote,
  getNoteForUpdate,
  getNoteWithContext,
  type NoteRecord,
  type NoteWithContext,
} from '../../store/notes.ts';
import { type CaseNeed, type LoadedCase, loadCase } from '../cases/load-case.ts';
import { recordDenial, recordSettings, requireActor, type ServiceContext } from '../context.ts';

export interface AmendedByView {
  readonly id: string;
  readonly recordedAt: Date;
  /** null when the amendment's content is withheld from the actor. */
  readonly reason: string | null;
}

export interface NoteView {
  readonly note: NoteRecord;
  /** Whether the actor reads the content; false: only that a restricted note exists. */
  readonly contentVisible: boolean;
  /** Recorded late (a draft: would be, if filed now). */
  readonly lateEntry: boolean;
  readonly amendedBy: readonly AmendedByView[];
  /** Drafts only, for their author. */
  readonly hints?: readonly Hint[];
}

const noteAccess = (n: {
  author_id: string;
  status: 'draft' | 'filed';
  sensitivity: 'normal' | 'restricted';
}) => ({
  authorId: n.author_id,
  status: n.status,
  sensitivity: n.sensitivity,
});

/** The filed amendments among `notes`. */
export const amendmentsAmong = (notes: readonly NoteRecord[]): AmendmentRef[] =>
  notes.flatMap((n) =>
    n.status === 'filed' && n.amends_note_id && n.recorded_at && n.amendment_reason !== null
      ? [
          {
            id: n.id,
            amends_note_id: n.amends_note_id,
            recorded_at: n.recorded_at,
            amendment_reason: n.amendment_reason,
            author_id: n.author_id,
            sensitivity: n.sensitivity,
          },
        ]
      : [],
  );

/** The actor's view of notes of one case, given the amendments of those notes. */
export function toNoteViews(
  ctx: ServiceContext,
  access: CaseAccessView,
  notes: readonly NoteRecord[],
  amendments: readonly AmendmentRef[],
  glossary: readonly string[],
): NoteView[] {
  const actor = requireActor(ctx);
  const now = ctx.clock.now();
  const { lateEntryHours } = recordSettings(ctx);
  return notes.map((note) => {
    const contentVisible = canReadNoteContent(actor, access, noteAccess(note), now);
    const amendedBy = amendments
      .filter((a) => a.amends_note_id === note.id)
      .map((a) => ({
        id: a.id,
        recordedAt: a.recorded_at,
        reason: canReadNoteContent(actor, access, noteAccess({ ...a, status: 'filed' }), now)
          ? a.amendment_reason
          : null,
      }));
    const draft = note.status === 'draft';
    return {
      note,
      contentVisible,
      lateEntry: isLateEntry(note.occurred_at, note.recorded_at ?? now, lateEntryHours),
      amendedBy,
      ...(draft
        ? {
            hints: clarityHints(
              {
                type: note.type,
                facts: note.facts,
                advice: note.advice,
                actionsAgreed: note.actions_agreed,
                judgement: note.judgement,
              },
              { glossary },
            ),
          }
        : {}),
    };
  });
}

/**
 * One note's view, with its amendments (and, for a draft, the organisation's glossary for hints),
 * read in one query.
 */
export async function noteViewOf(
  ctx: ServiceContext,
  db: DbOrTx,
  access: CaseAccessView,
  noteId: string,
): Promise<NoteView> {
  const found = await getNoteWithContext(db, requireActor(ctx).orgId, noteId);
  if (!found) throw new AppError('NOTE_NOT_FOUND');
  return noteViewFrom(ctx, access, found);
}

/** The view of a note read (or just written) with its amendments and glossary. */
export function noteViewFrom(ctx: ServiceContext, access: CaseAccessView, found: NoteWithContext): NoteView {
  const [view] = toNoteViews(ctx, access, [found.note], found.amendments, found.glossary);
  if (!view) throw new AppError('NOTE_NOT_FOUND');
  return view;
}

export interface LoadedNote {
  readonly note: NoteRecord;
  readonly kase: LoadedCase;
}

/**
 * Loads a note the actor may see, with its case loaded for `need`. Someone else's draft, or a note
 * of a case the actor may not view: NOTE_NOT_FOUND.
 * @throws AppError UNAUTHENTICATED, NOTE_NOT_FOUND, FORBIDDEN
 */
export async function loadNote(
  ctx: ServiceContext,
  noteId: string,
  need: CaseNeed,
  db: DbOrTx = ctx.db,
): Promise<LoadedNote> {
  return caseOfNote(ctx, await getNote(db, requireActor(ctx).orgId, noteId), need, db);
}

/** A note the actor may see (else NOTE_NOT_FOUND) with its case loaded for `need`. */
async function caseOfNote(
  ctx: ServiceContext,
  note: NoteRecord | undefined,
  need: CaseNeed,
  db: DbOrTx,
): Promise<LoadedNote> {
  const actor = requireActor(ctx);
  if (!note || (note.status === 'draft' && note.author_id !== actor.id)) throw new AppError('NOTE_NOT_FOUND');
  try {
    return { note, kase: await loadCase(ctx, note.case_id, need, db) };
  } catch (error) {
    if (error instanceof AppError && error.code === 'CASE_NOT_FOUND') throw new AppError('NOTE_NOT_FOUND');
    throw error;
  }
}

/**
 * Refuses (FORBIDDEN, audited) an actor who sees the case but may not add to it (a break-glass
 * reader, an expired share that still reads…).
 */
export async function requireContribution(
  ctx: ServiceContext,
  actor: Actor,
  kase: LoadedCase,
): Promise<void> {
  if (canContributeToCase(actor, kase.access, ctx.clock.now())) return;
  await recordDenial(ctx, 'case.contribute', { entityType: 'case', entityId: kase.row.id });
  throw new AppError('FORBIDDEN');
}

/**
 * Loads and locks a draft of the actor for a change (edit, delete, file): a filed note is
 * NOTE_IMMUTABLE (after the visibility checks, so ids of unseen notes reveal nothing).
 * @throws AppError NOTE_NOT_FOUND, NOTE_IMMUTABLE, FORBIDDEN
 */
export async function loadDraftForChange(
  ctx: ServiceContext,
  tx: DbOrTx,
  noteId: string,
  immutableMessage?: string,
): Promise<LoadedNote> {
  const actor = requireActor(ctx);
  // Read with the row lock: a concurrent filing or auto-save is waited for, then the note is seen
  // as it left it.
  const loaded = await caseOfNote(ctx, await getNoteForUpdate(tx, actor.orgId, noteId), 'view', tx);
  if (loaded.note.status === 'filed') throw new AppError('NOTE_IMMUTABLE', immutableMessage);
  await requireContribution(ctx, actor, loaded.kase);
  return loaded;
}
