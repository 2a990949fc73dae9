import { Button, Group } from '@mantine/core';
import { useState } from 'react';
import { chronologyKindSchema } from '../../contract/chronology.ts';
import { formatDateTime } from '../lib/format.ts';
import { CHRONOLOGY_KIND_LABELS } from '../lib/labels.ts';
import type { Chronology } from '../records-api.ts';
import { type ChronologyKind, chronologyPdfHref, toggleKind } from './chronology.ts';
import { NOTE_SECTIONS, noteAnchor } from './note-card.tsx';

const ALL_KINDS = chronologyKindSchema.options;
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
type Entry = Chronology['entries'][number];

function NoteEntry({ note }: { note: NonNullable<Entry['note']> }) {
  return (
    <>
      {note.lateEntry && <span className="tag tag-late">Late entry</span>}
      {note.restricted ? (
        <p className="withheld">Restricted note: the content is left out.</p>
      ) : (
        note.sections &&
        NOTE_SECTIONS.map(({ key, label }) =>
          note.sections?.[key].trim() ? (
            <div key={key} className={`note-section note-${key}`}>
              <span className="note-section-title">{label}: </span>
              <span className="prose">{note.sections[key]}</span>
            </div>
          ) : null,
        )
      )}
      {note.amends && (
        <p className="amend-link">
          Amends an <a href={`#${noteAnchor(note.amends.noteId)}`}>earlier note</a> — reason:{' '}
          {note.amends.reason}
        </p>
      )}
      {note.amendedBy.map((a) => (
        <p key={a.noteId} className="amend-link amended">
          Amended — see the <a href={`#${noteAnchor(a.noteId)}`}>amendment</a>
          {a.recordedAt ? ` of ${formatDateTime(a.recordedAt)}` : ''}
        </p>
      ))}
    </>
  );
}

/** Who was told, and whether each has read it. */
function NotificationRecipients({ notification }: { notification: NonNullable<Entry['notification']> }) {
  return (
    <ul className="meta notification-recipients">
      {notification.recipients.map((r, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: two people may share a name; the order is fixed
        <li key={i}>
          {r.name}: {r.readAt ? `read ${formatDateTime(r.readAt)}` : 'not read yet'}
        </li>
      ))}
    </ul>
  );
}

/** The case history in time order, filterable by kind, printable, and as a PDF. */
export function ChronologySection({ caseId, chronology }: { caseId: string; chronology: Chronology }) {
  const [kinds, setKinds] = useState<ChronologyKind[]>([...ALL_KINDS]);
  const entries = chronology.entries.filter((e) => kinds.includes(e.kind));
  return (
    <section id="chronology" aria-labelledby="chronology-heading" className="record-section print-keep">
      <div className="section-head">
        <h2 id="chronology-heading" className="section-title">
          Chronology
        </h2>
        <Group gap="xs" className="print-hide">
          <Button size="compact-sm" variant="default" onClick={() => window.print()}>
            Print chronology
          </Button>
          <a className="button-link" href={chronologyPdfHref(caseId, kinds, ALL_KINDS)} download>
            Download PDF
          </a>
        </Group>
      </div>
      <fieldset className="kind-filter print-hide">
        <legend>Show</legend>
        {ALL_KINDS.map((kind) => (
          <label key={kind} className="check-row" htmlFor={`chronology-kind-${kind}`}>
            <input
              type="checkbox"
              id={`chronology-kind-${kind}`}
              checked={kinds.includes(kind)}
              onChange={(e) => setKinds(toggleKind(kinds, kind, e.currentTarget.checked, ALL_KINDS))}
            />
            {CHRONOLOGY_KIND_LABELS[kind]}
          </label>
        ))}
      </fieldset>
      <p className="meta" role="status">
        {entries.length === 1 ? '1 entry' : `${entries.length} entries`}, oldest first
        {kinds.length < ALL_KINDS.length ? ' (filtered)' : ''}
      </p>
      {entries.length > 0 && (
        <ol className="chronology">
          {entries.map((e) => (
            <li key={e.id} className={`chronology-entry kind-${e.kind}`}>
              <time dateTime={e.at} className="chronology-time">
                {formatDateTime(e.at)}
              </time>
              <div className="chronology-body">
                <div>
                  <span className="chronology-title">{capitalise(e.title)}</span>
                  {e.by && <span className="meta"> — {e.by}</span>}
                </div>
                {e.detail && <p className="prose">{e.detail}</p>}
                {e.notification && <NotificationRecipients notification={e.notification} />}
                {e.note && <NoteEntry note={e.note} />}
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
