/**
 * One file review: the case (a link to it), why it was chosen, the checklist — answered by the
 * reviewer with radio buttons and comments, read-only for the practitioner — and its corrective
 * actions (raise, mark done, verify) with due dates and "overdue by N days".
 */
import { NativeSelect, Table, Textarea } from '@mantine/core';
import { useState } from 'react';
import { type FileReviewResponse, raiseCorrectiveActionRequestSchema } from '../../contract/file-reviews.ts';
import { ANSWER_RESULT_LABELS } from '../../domain/file-reviews/answers.ts';
import { correctiveActionDueOn } from '../../domain/file-reviews/corrective-actions.ts';
import { formatDate as formatCalendarDate } from '../../domain/time/calendar.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { PATHS, paths } from '../routes.ts';
import { ChecklistForm } from './checklist-form.tsx';
import { CorrectiveActionList } from './corrective-action-list.tsx';
import { periodWords, SELECTION_WORDS } from './file-review-words.ts';
import { fileReviewsApi } from './file-reviews-api.ts';
import './file-reviews.css';

export function FileReviewPage({ api, session, id }: { api: ApiClient; session: Session; id: string }) {
  const { loaded, reload } = useLoad(() => fileReviewsApi.review(api, id), id);
  const [shown, setShown] = useState<FileReviewResponse | null>(null);
  const [announcement, setAnnouncement] = useState('');

  if (loaded.state === 'loading') return <PageLoading what="the file review" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>File review</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const review = shown && shown.id === loaded.data.id ? shown : loaded.data;
  const changed = (message: string) => {
    setAnnouncement(message);
    setShown(null);
    void reload();
  };

  return (
    <>
      <PageHeading
        eyebrow={`${periodWords(review.period)} (${review.period})`}
        documentTitle={`File review ${review.case.reference}`}
        focusKey={review.status}
      >
        {`File review: ${review.case.reference}`}
      </PageHeading>
      <p>
        <a href={PATHS.fileReviews} onClick={followLink}>
          All file reviews
        </a>
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      <dl className="detail-list file-review-facts">
        <div className="detail-row">
          <dt>Case</dt>
          <dd>
            <a href={paths.case(review.case.id)} onClick={followLink}>
              Open case {review.case.reference}
            </a>
          </dd>
        </div>
        <div className="detail-row">
          <dt>Practitioner</dt>
          <dd>{review.practitioner.displayName}</dd>
        </div>
        <div className="detail-row">
          <dt>Why chosen</dt>
          <dd>{review.selectionReason ?? SELECTION_WORDS[review.selection]}</dd>
        </div>
        <div className="detail-row">
          <dt>Status</dt>
          <dd data-testid="file-review-status">
            {review.status === 'completed'
              ? `Completed ${review.completedAt ? formatDateTime(review.completedAt) : ''}${review.reviewer ? ` by ${review.reviewer.displayName}` : ''}`
              : `Due: ${review.answered} of ${review.itemsToAnswer} items answered`}
          </dd>
        </div>
        {review.summary && (
          <div className="detail-row">
            <dt>Summary</dt>
            <dd className="prose">{review.summary}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="checklist-heading" className="record-section">
        <h2 id="checklist-heading" className="section-title">
          Checklist
        </h2>
        {review.canReview && review.status === 'due' ? (
          <ChecklistForm
            key={`${review.id}-${review.answered}`}
            api={api}
            review={review}
            onSaved={(saved, message) => {
              setShown(saved);
              setAnnouncement(message);
            }}
          />
        ) : (
          <AnswersTable review={review} />
        )}
      </section>
      <section aria-labelledby="ca-heading" className="record-section">
        <h2 id="ca-heading" className="section-title">
          Corrective actions
        </h2>
        <p className="section-hint">
          Each is due 28 days after it is raised; a supervisor verifies it once done.
        </p>
        <CorrectiveActionList
          api={api}
          session={session}
          actions={review.correctiveActionList}
          onChanged={changed}
        />
        {review.canReview && <RaiseActionForm api={api} session={session} review={review} onDone={changed} />}
      </section>
    </>
  );
}

function AnswersTable({ review }: { review: FileReviewResponse }) {
  if (review.checklist.every((l) => l.answer === null)) {
    return <p className="empty-text">No item has been answered yet.</p>;
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table className="data-table" verticalSpacing={6}>
        <Table.Caption>The reviewer’s answers</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Item</Table.Th>
            <Table.Th scope="col">Result</Table.Th>
            <Table.Th scope="col">Comment</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {review.checklist.map((l) => (
            <Table.Tr key={l.itemId}>
              <Table.Th scope="row" className="file-review-item-label">
                {l.label}
              </Table.Th>
              <Table.Td>{l.answer ? ANSWER_RESULT_LABELS[l.answer.result] : 'Not answered yet'}</Table.Td>
              <Table.Td>{l.answer?.comment ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RaiseActionForm({
  api,
  session,
  review,
  onDone,
}: {
  api: ApiClient;
  session: Session;
  review: FileReviewResponse;
  onDone: (message: string) => void;
}) {
  const due = formatCalendarDate(correctiveActionDueOn(review.today));
  return (
    <InlineForm
      label="Raise a corrective action"
      submitLabel="Raise corrective action"
      fieldIds={{ description: 'ca-description', itemId: 'ca-item', assignedTo: 'ca-assignee' }}
      onSubmit={async (d) => {
        const itemId = textOf(d, 'itemId');
        const assignedTo = textOf(d, 'assignedTo');
        const body = parseOrThrow(
          raiseCorrectiveActionRequestSchema.safeParse({
            description: textOf(d, 'description'),
            ...(itemId ? { itemId } : {}),
            ...(assignedTo ? { assignedTo } : {}),
          }),
        );
        await fileReviewsApi.raiseAction(api, review.id, body);
      }}
      onDone={() => onDone(`Corrective action raised, due ${due}.`)}
    >
      {(p) => (
        <div className="form-grid">
          <Textarea
            id="ca-description"
            name="description"
            label="What must be put right"
            required
            autosize
            minRows={2}
            className="span-2"
            error={p?.fields.description}
          />
          <NativeSelect
            id="ca-item"
            name="itemId"
            label="Checklist item (optional)"
            data={[
              { value: '', label: 'None' },
              ...review.checklist.map((l) => ({ value: l.itemId, label: l.label })),
            ]}
            error={p?.fields.itemId}
          />
          <NativeSelect
            id="ca-assignee"
            name="assignedTo"
            label="Who must do it"
            description={`Due ${due}: 28 days from today.`}
            data={[
              { value: '', label: `${review.practitioner.displayName} (the practitioner)` },
              ...(session.user.id !== review.practitioner.id
                ? [{ value: session.user.id, label: 'Me' }]
                : []),
            ]}
            error={p?.fields.assignedTo}
          />
        </div>
      )}
    </InlineForm>
  );
}
