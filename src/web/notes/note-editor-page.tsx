import { Button, Group, Text } from '@mantine/core';
import { useCallback, useState } from 'react';
import type { NoteResponse } from '../../contract/notes.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { setFlash } from '../lib/flash.ts';
import { formatTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { recordsApi } from '../records-api.ts';
import { followLink, navigate } from '../router.ts';
import { paths } from '../routes.ts';
import { ConfirmPanel } from './confirm-panel.tsx';
import { type EditorContext, loadEditorContext } from './editor-context.ts';
import { NOTE_FIELD_IDS, NoteFields } from './note-fields.tsx';
import {
  blankNote,
  hasRecordedContent,
  type NoteValues,
  unfileableFields,
  valuesFromNote,
} from './note-values.ts';
import { type SaveState, useAutosave } from './use-autosave.ts';
import { useClarityHints } from './use-clarity-hints.ts';

export const NOTE_EMPTY_MESSAGE = 'Write at least one of: facts, advice given, actions agreed.';

function saveStatus(state: SaveState): string {
  switch (state.kind) {
    case 'new':
      return 'Not saved yet: the draft saves itself as you write, and only you can see it.';
    case 'saved':
      return `Draft saved at ${formatTime(state.at)}.`;
    case 'not-saved':
      return `Draft not saved: ${state.problem.detail}`;
  }
}

export interface NoteEditorPageProps {
  api: ApiClient;
  /** For a new note. */
  caseId?: string | undefined;
  /** For a draft to continue. */
  noteId?: string | undefined;
}

/** Write a new note, or continue a draft: auto-saved, with clarity hints; filed when it is ready. */
export function NoteEditorPage({ api, caseId, noteId }: NoteEditorPageProps) {
  // The address changes from …/notes/new to /notes/…/edit once the draft is saved: load only once.
  const [start] = useState({ caseId, noteId });
  const { loaded, reload } = useLoad(() => loadEditorContext(api, start), `${start.caseId}/${start.noteId}`);
  if (loaded.state === 'loading') return <PageLoading what="the note" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Note not available</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { note } = loaded.data;
  if (note && note.status === 'filed') {
    return (
      <>
        <PageHeading>This note is filed</PageHeading>
        <Text size="sm">
          A filed note cannot be changed. To correct it,{' '}
          <a href={paths.amendNote(note.id)} onClick={followLink}>
            record an amendment
          </a>
          ; both stay on the record.
        </Text>
      </>
    );
  }
  return <Editor api={api} context={loaded.data} />;
}

function Editor({ api, context }: { api: ApiClient; context: EditorContext }) {
  const { kase, goals, actions, note } = context;
  const [values, setValues] = useState<NoteValues>(() => (note ? valuesFromNote(note) : blankNote()));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [confirm, setConfirm] = useState<'file' | 'discard' | null>(null);
  const [pending, setPending] = useState(false);
  const hints = useClarityHints(api, values);
  // Give the draft its own address (a reload finds it), unless the person has already moved on.
  const onCreated = useCallback(
    (created: NoteResponse) => {
      if (window.location.pathname === paths.newNote(kase.id)) {
        navigate(paths.editNote(created.id), { replace: true, focus: false });
      }
    },
    [kase.id],
  );
  const autosave = useAutosave({ api, caseId: kase.id, initial: note, values, onCreated });

  const change = (patch: Partial<NoteValues>) => {
    setValues((v) => ({ ...v, ...patch }));
    autosave.changed();
  };

  function askToFile() {
    if (!hasRecordedContent(values)) {
      setConfirm(null);
      setProblem({ detail: NOTE_EMPTY_MESSAGE, fields: { facts: NOTE_EMPTY_MESSAGE } });
      return;
    }
    const cannot = unfileableFields(values);
    if (cannot) {
      setConfirm(null);
      setProblem({ detail: Object.values(cannot).join('. '), fields: cannot });
      return;
    }
    setProblem(null);
    setConfirm('file');
  }

  async function file() {
    setPending(true);
    const id = await autosave.flush();
    if (!id) {
      setPending(false);
      setConfirm(null);
      setProblem(
        autosave.state.kind === 'not-saved'
          ? autosave.state.problem
          : { detail: 'The draft could not be saved. Try again.', fields: {} },
      );
      return;
    }
    try {
      const filed = await recordsApi.fileNote(api, id);
      autosave.stop();
      setFlash(`Note filed${filed.lateEntry ? ' (marked as a late entry)' : ''}.`);
      navigate(paths.note(kase.id, filed.id));
    } catch (error) {
      setPending(false);
      setConfirm(null);
      setProblem(problemFromError(error));
    }
  }

  async function discard() {
    setPending(true);
    autosave.stop();
    const id = autosave.draftId();
    try {
      if (id) await recordsApi.deleteDraft(api, id);
      setFlash('Draft discarded.');
      navigate(paths.case(kase.id));
    } catch (error) {
      setPending(false);
      setConfirm(null);
      setProblem(problemFromError(error));
    }
  }

  const saveErrors = autosave.state.kind === 'not-saved' ? autosave.state.problem.fields : {};
  const late = autosave.state.kind === 'saved' && autosave.state.note.lateEntry;
  return (
    <div className="editor-page">
      <PageHeading
        eyebrow={`${kase.reference} · ${kase.client.displayName}`}
        documentTitle={`Note on ${kase.reference}`}
      >
        {note ? 'Continue a draft note' : 'New note'}
      </PageHeading>
      <ErrorSummary problem={problem} fieldIds={NOTE_FIELD_IDS} />
      <div className="editor-layout">
        <form className="record-form editor-form" noValidate onSubmit={(e) => e.preventDefault()}>
          <NoteFields
            values={values}
            onChange={change}
            errors={{ ...saveErrors, ...problem?.fields }}
            hints={hints}
            goals={goals}
            actions={actions}
          />
        </form>
        <aside className="editor-side" aria-label="Draft">
          <p role="status" className="save-status" data-testid="save-status">
            {saveStatus(autosave.state)}
          </p>
          {late && (
            <p className="late-warning">
              Filed now, this note will be marked as a <strong>late entry</strong>: it is recorded more than
              24 hours after it happened.
            </p>
          )}
          <p className="meta" role="status">
            {hints.length === 0
              ? 'No clarity hints.'
              : hints.length === 1
                ? '1 clarity hint, beside its section.'
                : `${hints.length} clarity hints, beside their sections.`}
          </p>
          {confirm === 'file' ? (
            <ConfirmPanel
              title="File this note?"
              confirmLabel="File note now"
              pending={pending}
              onConfirm={() => void file()}
              onCancel={() => setConfirm(null)}
            >
              A filed note can never be changed or deleted. A correction is recorded as an amendment, and both
              stay on the record.
            </ConfirmPanel>
          ) : confirm === 'discard' ? (
            <ConfirmPanel
              title="Discard this draft?"
              tone="danger"
              confirmLabel="Discard draft"
              pending={pending}
              onConfirm={() => void discard()}
              onCancel={() => setConfirm(null)}
            >
              What you have written in this draft will be deleted.
            </ConfirmPanel>
          ) : (
            <Group gap="xs">
              <Button onClick={askToFile}>File note…</Button>
              <Button variant="default" onClick={() => setConfirm('discard')}>
                Discard draft…
              </Button>
            </Group>
          )}
          <p className="meta">
            <a href={paths.case(kase.id)} onClick={followLink}>
              Back to the case
            </a>{' '}
            (the draft is kept)
          </p>
        </aside>
      </div>
    </div>
  );
}
