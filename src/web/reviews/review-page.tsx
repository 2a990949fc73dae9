/**
 * One caseload review: the snapshot frozen when it began, the cases proposed (with the reasons in
 * words), a decision, obstacles and improvements (actions) for each, other cases added, the
 * reflections the practitioner shared, the external factors of the period, completion with a
 * summary and the next review date; a comparison with the previous review; printable and as a PDF.
 */
import '../case/priority.css';
import './reviews.css';
import { Button, NativeSelect, Table, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useCallback, useState } from 'react';
import { ZodError } from 'zod';
import { GIBBS_STAGES } from '../../contract/reflections.ts';
import { completeReviewRequestSchema, type ReviewResponse } from '../../contract/reviews.ts';
import type { ApiClient } from '../api-client.ts';
import { parseOrThrow } from '../case/inline-form.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { PATHS } from '../routes.ts';
import { ReviewCaseCard } from './review-case.tsx';
import { CompareSection } from './review-compare.tsx';
import { reviewsApi } from './reviews-api.ts';

export function ReviewPage({ api, reviewId }: { api: ApiClient; reviewId: string }) {
  const { loaded, reload } = useLoad(() => reviewsApi.get(api, reviewId), reviewId);
  const [message, setMessage] = useState<string | null>(null);
  const changed = useCallback(
    (text: string) => {
      setMessage(null);
      void reload().then(() => setMessage(text));
    },
    [reload],
  );
  if (loaded.state === 'loading') return <PageLoading what="the review" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Review not available</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const review = loaded.data;
  const started = formatDate(review.startedAt.slice(0, 10));
  return (
    <div className="rv-page">
      <PageHeading
        eyebrow={`Caseload review · ${started}`}
        documentTitle={`Caseload review, ${review.practitioner.displayName}`}
      >
        {`Caseload review: ${review.practitioner.displayName}`}
      </PageHeading>
      <div role="status" className={message ? 'notice notice-success print-hide' : 'notice-empty'}>
        {message}
      </div>
      <p data-testid="review-status">
        {review.status === 'completed' && review.completedAt
          ? `Completed ${formatDateTime(review.completedAt)} with ${review.supervisor.displayName}. Next review ${
              review.nextReviewOn ? formatDate(review.nextReviewOn) : 'not set'
            }.`
          : `In progress, held by ${review.supervisor.displayName} since ${formatDateTime(review.startedAt)}.`}
      </p>
      <div className="rv-toolbar print-hide">
        <a className="button-link" href={reviewsApi.pdfUrl(review.id)} download>
          Download PDF
        </a>
        <Button size="compact-sm" variant="default" onClick={() => window.print()}>
          Print
        </Button>
        <a href={PATHS.reviews} onClick={followLink}>
          All reviews
        </a>
      </div>
      <SnapshotSection review={review} />
      {review.previousReviewId && (
        <CompareSection api={api} fromId={review.previousReviewId} toId={review.id} />
      )}
      <section aria-labelledby="review-cases-title" className="record-section">
        <h2 id="review-cases-title" className="section-title">
          Cases to discuss
        </h2>
        <p className="section-hint">
          Proposed by Caseload (red, stalled, at risk of neglect, over a timescale, over capacity), red first;
          then any added at the review.
        </p>
        {review.cases.length === 0 && <p className="empty-text">No case needs discussion on the figures.</p>}
        {review.cases.map((item) => (
          <ReviewCaseCard key={item.caseId} api={api} review={review} item={item} onChanged={changed} />
        ))}
        {review.hiddenCases > 0 && (
          <p className="meta">
            {review.hiddenCases} more {review.hiddenCases === 1 ? 'case is' : 'cases are'} on this review that
            you may not view.
          </p>
        )}
        {review.mayChange && <AddCaseForm api={api} review={review} onChanged={changed} />}
      </section>
      <ReflectionsSection review={review} />
      <FactorsSection review={review} />
      {review.mayChange ? (
        <CompleteForm api={api} review={review} onChanged={changed} />
      ) : (
        review.summary && (
          <section aria-labelledby="summary-title" className="record-section">
            <h2 id="summary-title" className="section-title">
              Summary
            </h2>
            <p className="prose">{review.summary}</p>
          </section>
        )
      )}
    </div>
  );
}

function SnapshotSection({ review }: { review: ReviewResponse }) {
  const { snapshot } = review;
  return (
    <section aria-labelledby="snapshot-title" className="record-section">
      <h2 id="snapshot-title" className="section-title">
        The caseload when the review began
      </h2>
      <p className="section-hint">
        Frozen on {formatDate(snapshot.today)}: these figures do not change as the caseload does.
      </p>
      {snapshot.capacity && <p data-testid="snapshot-capacity">{snapshot.capacity.summary}</p>}
      <Table.ScrollContainer minWidth={360}>
        <Table className="data-table rv-figures" verticalSpacing={4}>
          <Table.Caption>Figures of the snapshot</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Figure</Table.Th>
              <Table.Th scope="col">Value</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {snapshot.figures.map((f) => (
              <Table.Tr key={f.key}>
                <Table.Th scope="row">{f.label}</Table.Th>
                <Table.Td>{f.value === null ? 'no value' : f.value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}

function AddCaseForm({
  api,
  review,
  onChanged,
}: {
  api: ApiClient;
  review: ReviewResponse;
  onChanged: (m: string) => void;
}) {
  const { loaded } = useLoad(() => reviewsApi.casesOf(api, review.practitioner.id), review.practitioner.id);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [choice, setChoice] = useState('');
  const on = new Set(review.cases.map((c) => c.caseId));
  const options =
    loaded.state === 'ready' ? loaded.data.rows.filter((r) => !on.has(r.case.id)).map((r) => r.case) : [];

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!choice) {
      setProblem({ detail: 'Choose a case to add.', fields: { caseId: 'Choose a case to add' } });
      return;
    }
    try {
      await reviewsApi.addCase(api, review.id, choice);
      const reference = options.find((c) => c.id === choice)?.reference ?? 'The case';
      setProblem(null);
      setChoice('');
      onChanged(`${reference} added to the review.`);
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  if (loaded.state !== 'ready' || options.length === 0) return null;
  return (
    <form onSubmit={add} noValidate className="rv-add-case print-hide" aria-label="Add another case">
      <ErrorSummary problem={problem} fieldIds={{ caseId: 'review-add-case' }} />
      <NativeSelect
        id="review-add-case"
        label="Add another case"
        description="One of the practitioner’s open or on-hold cases"
        value={choice}
        onChange={(e) => setChoice(e.currentTarget.value)}
        data={[
          { value: '', label: 'Choose a case' },
          ...options.map((c) => ({ value: c.id, label: c.reference })),
        ]}
        error={problem?.fields.caseId}
        maw="24rem"
      />
      <Button type="submit" size="compact-sm" mt="xs" variant="default">
        Add to the review
      </Button>
    </form>
  );
}

function ReflectionsSection({ review }: { review: ReviewResponse }) {
  return (
    <section aria-labelledby="review-reflections-title" className="record-section">
      <h2 id="review-reflections-title" className="section-title">
        Reflections shared
      </h2>
      {review.reflections.length === 0 ? (
        <p className="empty-text">
          None shared.
          {review.mayShareReflections && (
            <>
              {' '}
              <a href={PATHS.reflections} onClick={followLink}>
                Share an entry from your reflective log
              </a>
              .
            </>
          )}
        </p>
      ) : (
        review.reflections.map((f) => (
          <article key={f.id} aria-labelledby={`reflection-${f.id}`} className="rv-reflection">
            <h3 id={`reflection-${f.id}`} className="rv-case-title">
              {f.title} <span className="meta">({formatDate(f.occurredOn)})</span>
            </h3>
            <dl className="rv-record">
              {GIBBS_STAGES.filter((s) => f[s.field].trim() !== '').map((s) => (
                <div key={s.field}>
                  <dt>{s.heading}</dt>
                  <dd>{f[s.field]}</dd>
                </div>
              ))}
            </dl>
          </article>
        ))
      )}
    </section>
  );
}

function FactorsSection({ review }: { review: ReviewResponse }) {
  if (review.externalFactors.length === 0) return null;
  return (
    <section aria-labelledby="review-factors-title" className="record-section">
      <h2 id="review-factors-title" className="section-title">
        External factors in the period
      </h2>
      <ul className="rv-plain">
        {review.externalFactors.map((f) => (
          <li key={f.id}>
            <strong>{f.title}</strong> ({formatDate(f.startsOn)}
            {f.endsOn ? ` to ${formatDate(f.endsOn)}` : ''}){f.description ? `: ${f.description}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

function CompleteForm({
  api,
  review,
  onChanged,
}: {
  api: ApiClient;
  review: ReviewResponse;
  onChanged: (m: string) => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const ids = { summary: 'review-summary', nextReviewOn: 'review-next' };

  async function complete(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setPending(true);
    try {
      const body = parseOrThrow(
        completeReviewRequestSchema.safeParse({
          summary: String(data.get('summary') ?? ''),
          nextReviewOn: String(data.get('nextReviewOn') ?? ''),
        }),
      );
      await reviewsApi.complete(api, review.id, body);
      setProblem(null);
      onChanged(`Review completed. The next review is due on ${formatDate(body.nextReviewOn)}.`);
    } catch (error) {
      setProblem(error instanceof ZodError ? problemFromIssues(error) : problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="complete-title" className="record-section print-hide">
      <h2 id="complete-title" className="section-title">
        Complete the review
      </h2>
      <p className="section-hint">Once completed, the review is a record: nothing on it can change.</p>
      <form onSubmit={complete} noValidate aria-labelledby="complete-title">
        <ErrorSummary problem={problem} fieldIds={ids} />
        <Textarea
          id={ids.summary}
          name="summary"
          label="Summary"
          description="What was found and agreed, in a few sentences"
          required
          autosize
          minRows={3}
          error={problem?.fields.summary}
        />
        <TextInput
          id={ids.nextReviewOn}
          name="nextReviewOn"
          type="date"
          label="Date of the next review"
          description={`After today. The review cadence suggests ${formatDate(review.suggestedNextReviewOn)}.`}
          defaultValue={review.suggestedNextReviewOn}
          required
          mt="sm"
          maw="16rem"
          error={problem?.fields.nextReviewOn}
        />
        <Button type="submit" mt="sm" loading={pending}>
          Complete the review
        </Button>
      </form>
    </section>
  );
}
