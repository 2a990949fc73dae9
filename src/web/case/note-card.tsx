import type { NoteResponse, VisibleNoteResponse } from '../../contract/notes.ts';
import { formatDateTime } from '../lib/format.ts';
import { CHANNEL_LABELS, labelOf, NOTE_TYPE_LABELS } from '../lib/labels.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';

/** The four sections in reading order; opinion is labelled as such wherever it is shown. */
export const NOTE_SECTIONS = [
  { key: 'facts', label: 'Facts' },
  { key: 'advice', label: 'Advice given' },
  { key: 'actionsAgreed', label: 'Actions agreed' },
  { key: 'professionalJudgement', label: 'Professional judgement (opinion)' },
] as const;

export const noteAnchor = (noteId: string) => `note-${noteId}`;

/** "Contact (phone)", "Advice given", … */
export function noteKind(note: { type: string; contactChannel?: string | null }): string {
  const type = labelOf(NOTE_TYPE_LABELS, note.type);
  return note.contactChannel
    ? `${type} (${labelOf(CHANNEL_LABELS, note.contactChannel).toLowerCase()})`
    : type;
}

export interface NoteCardProps {
  note: VisibleNoteResponse;
  /** Titles of the case's goals and actions, by id, for the note's links. */
  titles: Map<string, string>;
  canAmend: boolean;
}

function Badges({ note }: { note: VisibleNoteResponse }) {
  return (
    <span className="badges">
      {note.status === 'draft' && <span className="tag tag-draft">Draft — only you can see it</span>}
      {note.lateEntry && <span className="tag tag-late">Late entry</span>}
      {note.sensitivity === 'restricted' && <span className="tag tag-restricted">Restricted</span>}
      {!note.restricted && note.amends && <span className="tag tag-amendment">Amendment</span>}
      {!note.restricted && note.amendedBy.length > 0 && <span className="tag tag-amended">Amended</span>}
    </span>
  );
}

function AmendmentLinks({ note }: { note: NoteResponse }) {
  return (
    <>
      {note.amends && (
        <p className="amend-link">
          Amends the{' '}
          <a href={`#${noteAnchor(note.amends.id)}`}>
            note recorded {formatDateTime(note.amends.recordedAt)}
          </a>
          {note.amendmentReason ? <> — reason: {note.amendmentReason}</> : null}
        </p>
      )}
      {note.amendedBy.map((a) => (
        <p key={a.id} className="amend-link amended">
          Amended — see the{' '}
          <a href={`#${noteAnchor(a.id)}`}>amendment recorded {formatDateTime(a.recordedAt)}</a>
          {a.reason ? <> (reason: {a.reason})</> : null}
        </p>
      ))}
    </>
  );
}

/** One note as the reader may see it: content, or only that a restricted note exists. */
export function NoteCard({ note, titles, canAmend }: NoteCardProps) {
  const headingId = `${noteAnchor(note.id)}-heading`;
  const when = formatDateTime(note.occurredAt);
  return (
    <article
      id={noteAnchor(note.id)}
      tabIndex={-1}
      aria-labelledby={headingId}
      className={`note-card${note.status === 'draft' ? ' is-draft' : ''}${note.restricted ? ' is-withheld' : ''}`}
    >
      <header className="note-head">
        <h3 id={headingId} className="note-title">
          {note.restricted ? labelOf(NOTE_TYPE_LABELS, note.type) : noteKind(note)} — {when}
        </h3>
        <Badges note={note} />
      </header>
      <div className="meta">
        By {note.author.displayName}
        {note.recordedAt ? ` · recorded ${formatDateTime(note.recordedAt)}` : ' · not filed yet'}
      </div>
      {note.restricted ? (
        <p className="withheld">
          Restricted note: its content is only for the author, the case owner and the team’s supervisors.
        </p>
      ) : (
        <>
          <AmendmentLinks note={note} />
          {NOTE_SECTIONS.map(({ key, label }) =>
            note[key].trim() ? (
              <div key={key} className={`note-section note-${key}`}>
                <h4 className="note-section-title">{label}</h4>
                <p className="prose">{note[key]}</p>
              </div>
            ) : null,
          )}
          {note.goalIds.length + note.actionIds.length > 0 && (
            <p className="meta">
              Concerns:{' '}
              {[...note.goalIds, ...note.actionIds]
                .map((id) => titles.get(id) ?? 'a removed item')
                .join('; ')}
            </p>
          )}
          <div className="note-actions print-hide">
            {note.status === 'draft' ? (
              <a href={paths.editNote(note.id)} onClick={followLink}>
                Continue writing this draft
              </a>
            ) : (
              canAmend && (
                <a
                  href={paths.amendNote(note.id)}
                  onClick={followLink}
                  aria-label={`Amend the ${note.amends ? 'amendment' : 'note'} of ${when}`}
                >
                  Amend
                </a>
              )
            )}
          </div>
        </>
      )}
    </article>
  );
}
