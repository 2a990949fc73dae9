import type {
  CaseNoteListResponse,
  ClarityHintListResponse,
  DraftListResponse,
  NoteResponse,
  RestrictedNoteResponse,
  VisibleNoteResponse,
} from '../../../contract/notes.ts';
import type { Hint } from '../../../domain/notes/clarity-hints.ts';
import type { NoteView } from '../../../services/notes/note-view.ts';

function heading(view: NoteView) {
  const { note } = view;
  return {
    id: note.id,
    caseId: note.case_id,
    caseReference: note.case_reference,
    status: note.status,
    type: note.type,
    occurredAt: note.occurred_at.toISOString(),
    recordedAt: note.recorded_at?.toISOString() ?? null,
    lateEntry: view.lateEntry,
    author: { id: note.author_id, displayName: note.author_name },
  };
}

/**
 * A restricted note for a reader who may not read it: that it exists, who wrote it and when —
 * no content field at all (not even empty), no links, no amendment reasons.
 */
function presentWithheld(view: NoteView): RestrictedNoteResponse {
  return { ...heading(view), sensitivity: 'restricted', restricted: true };
}

/** A note with its content; judgement is labelled as professional judgement. */
export function presentFullNote(view: NoteView): NoteResponse {
  const { note } = view;
  if (!view.contentVisible) throw new Error('presentFullNote: the content of this note is withheld');
  return {
    ...heading(view),
    contactChannel: note.contact_channel,
    sensitivity: note.sensitivity,
    restricted: false,
    facts: note.facts,
    advice: note.advice,
    actionsAgreed: note.actions_agreed,
    professionalJudgement: note.judgement,
    goalIds: note.goal_ids,
    actionIds: note.action_ids,
    amends:
      note.amends_note_id && note.amends_recorded_at
        ? { id: note.amends_note_id, recordedAt: note.amends_recorded_at.toISOString() }
        : null,
    amendmentReason: note.amendment_reason,
    amendedBy: view.amendedBy.map((a) => ({
      id: a.id,
      recordedAt: a.recordedAt.toISOString(),
      reason: a.reason,
    })),
    updatedAt: note.updated_at.toISOString(),
    ...(view.hints ? { clarityHints: presentHints(view.hints).hints } : {}),
  };
}

/** A note as this reader may see it. */
export const presentNote = (view: NoteView): VisibleNoteResponse =>
  view.contentVisible ? presentFullNote(view) : presentWithheld(view);

export const presentCaseNotes = (caseId: string, views: readonly NoteView[]): CaseNoteListResponse => ({
  caseId,
  notes: views.map(presentNote),
});

export const presentDrafts = (views: readonly NoteView[]): DraftListResponse => ({
  drafts: views.map(presentFullNote),
});

export const presentHints = (hints: readonly Hint[]): ClarityHintListResponse => ({
  hints: hints.map((h) => ({
    code: h.code,
    section: h.section,
    excerpt: h.excerpt,
    why: h.why,
    suggestion: h.suggestion,
  })),
});
