import { Button, Group, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { amendNoteRequestSchema, type NoteResponse } from '../../contract/notes.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { setFlash } from '../lib/flash.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { recordsApi } from '../records-api.ts';
import { followLink, navigate } from '../router.ts';
import { paths } from '../routes.ts';
import { type EditorContext, loadEditorContext } from './editor-context.ts';
import { NOTE_FIELD_IDS, NoteFields } from './note-fields.tsx';
import { type NoteValues, requestFromValues, unfileableFields, valuesFromNote } from './note-values.ts';
import { useClarityHints } from './use-clarity-hints.ts';

const FIELD_IDS = { ...NOTE_FIELD_IDS, reason: 'amend-reason' };

/** Correct a filed note: a new note, prefilled with the original, with the reason; both stay. */
export function AmendNotePage({ api, noteId }: { api: ApiClient; noteId: string }) {
  const { loaded, reload } = useLoad(() => loadEditorContext(api, { noteId }), noteId);
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
  if (note?.status !== 'filed') {
    return (
      <>
        <PageHeading>This note is a draft</PageHeading>
        <Text size="sm">
          Drafts are changed, not amended:{' '}
          <a href={paths.editNote(noteId)} onClick={followLink}>
            continue the draft
          </a>
          .
        </Text>
      </>
    );
  }
  return <AmendForm api={api} context={loaded.data} original={note} />;
}

function AmendForm({
  api,
  context,
  original,
}: {
  api: ApiClient;
  context: EditorContext;
  original: NoteResponse;
}) {
  const { kase, goals, actions } = context;
  const [values, setValues] = useState<NoteValues>(() => valuesFromNote(original));
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const hints = useClarityHints(api, values);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const cannot = unfileableFields(values);
    if (cannot) {
      setProblem({ detail: 'Check what you entered.', fields: cannot });
      return;
    }
    // The time as shown has minutes only: send it only when it was changed, so the original's stays exact.
    const { occurredAt, ...rest } = requestFromValues(values);
    const timeChanged = values.occurredAt !== valuesFromNote(original).occurredAt;
    const parsed = amendNoteRequestSchema.safeParse({
      reason,
      ...rest,
      ...(timeChanged ? { occurredAt } : {}),
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      const amendment = await recordsApi.amendNote(api, original.id, parsed.data);
      setFlash('Amendment recorded. The original note stays, marked as amended.');
      navigate(paths.note(kase.id, amendment.id));
    } catch (error) {
      setPending(false);
      setProblem(problemFromError(error));
    }
  }

  return (
    <div className="editor-page">
      <PageHeading
        eyebrow={`${kase.reference} · ${kase.client.displayName}`}
        documentTitle={`Amend a note on ${kase.reference}`}
      >
        Amend a note
      </PageHeading>
      <p className="lede">
        The note recorded {original.recordedAt ? formatDateTime(original.recordedAt) : ''} stays as it is,
        marked “amended”. Your correction is filed as a new note that links to it.
      </p>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form className="record-form editor-form" noValidate onSubmit={submit}>
        <Textarea
          id={FIELD_IDS.reason}
          label="Reason for the amendment"
          description="What was wrong or missing, e.g. “Added what the client said about the letter”"
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          required
          autosize
          minRows={2}
          mb="md"
          error={problem?.fields.reason}
        />
        <NoteFields
          values={values}
          onChange={(patch) => setValues((v) => ({ ...v, ...patch }))}
          errors={problem?.fields ?? {}}
          hints={hints}
          goals={goals}
          actions={actions}
        />
        <Group gap="xs" mt="md">
          <Button type="submit" loading={pending}>
            Record amendment
          </Button>
          <a href={paths.note(kase.id, original.id)} onClick={followLink}>
            Cancel
          </a>
        </Group>
      </form>
    </div>
  );
}
