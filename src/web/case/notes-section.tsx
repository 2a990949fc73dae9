import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import type { SectionProps } from './case-data.ts';
import { NoteCard } from './note-card.tsx';

/** Filed notes (and your drafts) in the order they occurred, newest last like the chronology. */
export function NotesSection({ data }: Pick<SectionProps, 'data'>) {
  const { kase, notes, goals, actions } = data;
  const titles = new Map<string, string>([
    ...goals.map((g) => [g.id, `goal “${g.description}”`] as [string, string]),
    ...actions.map((a) => [a.id, `action “${a.description}”`] as [string, string]),
  ]);
  return (
    <section id="notes" aria-labelledby="notes-heading" className="record-section">
      <div className="section-head">
        <h2 id="notes-heading" className="section-title">
          Notes ({notes.length})
        </h2>
        {kase.yourAccess.contribute && (
          <a className="button-link print-hide" href={paths.newNote(kase.id)} onClick={followLink}>
            Write a note
          </a>
        )}
      </div>
      {notes.length === 0 ? (
        <p className="empty-text">No notes yet.</p>
      ) : (
        <div className="note-list">
          {notes.map((n) => (
            <NoteCard key={n.id} note={n} titles={titles} canAmend={kase.yourAccess.contribute} />
          ))}
        </div>
      )}
    </section>
  );
}
