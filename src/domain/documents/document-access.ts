/**
 * Who may see and download a document. A document on the case itself follows the case; one
 * attached to a note follows that note: hidden with a draft that is not yours, listed but withheld
 * (no name, no download) with a restricted note whose content you may not read.
 */
import type { Actor } from '../access/actor.ts';
import {
  type CaseAccessView,
  canReadNoteContent,
  canSeeNote,
  canViewCase,
  type NoteAccessView,
} from '../cases/case-access.ts';

export type DocumentVisibility = 'hidden' | 'withheld' | 'readable';

/** `note` is the note the document is attached to, or null for a document of the case. */
export function documentVisibility(
  actor: Actor,
  c: CaseAccessView,
  note: NoteAccessView | null,
  now: Date,
): DocumentVisibility {
  if (!canViewCase(actor, c, now)) return 'hidden';
  if (note === null) return 'readable';
  if (!canSeeNote(actor, c, note, now)) return 'hidden';
  return canReadNoteContent(actor, c, note, now) ? 'readable' : 'withheld';
}
