/** Shared steps of the document use cases. */
import type { Actor } from '../../domain/access/actor.ts';
import type { CaseAccessView, NoteAccessView } from '../../domain/cases/case-access.ts';
import { type DocumentVisibility, documentVisibility } from '../../domain/documents/document-access.ts';
import type { DocumentView } from '../../store/documents.ts';

/** A document as the API shows it; `withheld` hides its name and refuses its download. */
export interface DocumentResult {
  readonly document: DocumentView;
  readonly withheld: boolean;
}

/** The note facts of a document, or null when it belongs to the case itself. */
export function noteOf(d: DocumentView): NoteAccessView | null {
  if (d.note_id === null || !d.note_author_id || !d.note_status || !d.note_sensitivity) return null;
  return { authorId: d.note_author_id, status: d.note_status, sensitivity: d.note_sensitivity };
}

export const visibilityOf = (
  actor: Actor,
  access: CaseAccessView,
  d: DocumentView,
  now: Date,
): DocumentVisibility => documentVisibility(actor, access, noteOf(d), now);
