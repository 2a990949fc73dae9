/** One case on a caseload review: why it is there, the decision and obstacles, the improvements agreed. */
import { Button, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { ZodError } from 'zod';
import {
  improvementRequestSchema,
  type ReviewCaseResponse,
  type ReviewResponse,
  updateReviewCaseRequestSchema,
} from '../../contract/reviews.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { formatDate } from '../lib/format.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { reviewsApi } from './reviews-api.ts';

export const BAND_WORDS: Record<ReviewCaseResponse['band'], string> = {
  red: 'Red',
  amber: 'Amber',
  green: 'Green',
  'not-assessed': 'Not yet assessed',
};

type Improvement = ReviewCaseResponse['improvements'][number];

/** Who owns an improvement, in words. */
export const ownerWords = (a: Improvement): string =>
  a.ownerKind === 'client'
    ? 'the client'
    : (a.ownerName ?? (a.ownerKind === 'third_party' ? 'a third party' : 'a practitioner'));

export interface ReviewCaseProps {
  api: ApiClient;
  review: ReviewResponse;
  item: ReviewCaseResponse;
  /** Called after a change with the words to announce; reloads the review. */
  onChanged: (message: string) => void;
}

export function ReviewCaseCard({ api, review, item, onChanged }: ReviewCaseProps) {
  const headingId = `review-case-${item.caseId}`;
  return (
    <article aria-labelledby={headingId} className="rv-case">
      <h3 id={headingId} className="rv-case-title">
        <a href={paths.case(item.caseId)} onClick={followLink}>
          {item.reference}
        </a>{' '}
        <span className={`band-tag band-${item.band === 'not-assessed' ? 'green' : item.band}`}>
          {BAND_WORDS[item.band]}
        </span>
        {!item.proposed && <span className="rv-added"> added at the review</span>}
        {item.discussed && <span className="rv-discussed"> discussed</span>}
      </h3>
      <ul className="rv-reasons">
        {item.reasons.map((r) => (
          <li key={r.kind}>
            <strong>{r.label}:</strong> {r.reason}
          </li>
        ))}
      </ul>
      {review.mayChange && <DecisionForm api={api} review={review} item={item} onChanged={onChanged} />}
      {/* The record as text: on screen once the form is gone, and always on paper. */}
      {(!review.mayChange || item.decision || item.obstacles) && (
        <dl className={review.mayChange ? 'rv-record rv-print-only' : 'rv-record'}>
          <dt>Decision</dt>
          <dd>{item.decision ?? 'None recorded.'}</dd>
          {item.obstacles && (
            <>
              <dt>Obstacles</dt>
              <dd>{item.obstacles}</dd>
            </>
          )}
        </dl>
      )}
      {item.obstacleRecords.length > 0 && (
        <ul className="rv-plain">
          {item.obstacleRecords.map((o) => (
            <li key={o.id}>Obstacle recorded: {o.description}</li>
          ))}
        </ul>
      )}
      <h4 className="rv-subtitle">Improvements agreed</h4>
      {item.improvements.length === 0 ? (
        <p className="empty-text">None yet.</p>
      ) : (
        <ul className="rv-plain" data-testid={`improvements-${item.reference}`}>
          {item.improvements.map((a) => (
            <li key={a.id}>
              {a.description} — by {ownerWords(a)}
              {a.dueDate ? `, due ${formatDate(a.dueDate)}` : ''}
            </li>
          ))}
        </ul>
      )}
      {review.mayChange && <ImprovementForm api={api} review={review} item={item} onChanged={onChanged} />}
    </article>
  );
}

function DecisionForm({ api, review, item, onChanged }: ReviewCaseProps) {
  const [decision, setDecision] = useState(item.decision ?? '');
  const [obstacles, setObstacles] = useState(item.obstacles ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const ids = { decision: `decision-${item.caseId}`, obstacles: `obstacles-${item.caseId}` };

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const body = parseOrThrow(updateReviewCaseRequestSchema.safeParse({ decision, obstacles }));
      await reviewsApi.updateCase(api, review.id, item.caseId, body);
      setProblem(null);
      onChanged(`Decision saved for ${item.reference}.`);
    } catch (error) {
      setProblem(error instanceof ZodError ? problemFromIssues(error) : problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      onSubmit={save}
      noValidate
      className="rv-decision print-hide"
      aria-label={`Decision on ${item.reference}`}
    >
      <ErrorSummary problem={problem} fieldIds={ids} />
      <Textarea
        id={ids.decision}
        label="Decision"
        description="What was decided for this case, and why"
        autosize
        minRows={2}
        value={decision}
        onChange={(e) => setDecision(e.currentTarget.value)}
        error={problem?.fields.decision}
      />
      <Textarea
        id={ids.obstacles}
        label="Obstacles to progress"
        description="What stands in the way, as discussed (optional)"
        autosize
        minRows={1}
        mt="xs"
        value={obstacles}
        onChange={(e) => setObstacles(e.currentTarget.value)}
        error={problem?.fields.obstacles}
      />
      <Button
        type="submit"
        size="compact-sm"
        mt="xs"
        loading={pending}
        aria-label={`Save decision for ${item.reference}`}
      >
        Save decision
      </Button>
    </form>
  );
}

function ImprovementForm({ api, review, item, onChanged }: ReviewCaseProps) {
  const [owner, setOwner] = useState(`user:${review.practitioner.id}`);
  const prefix = `improvement-${item.caseId}`;
  return (
    <div className="print-hide">
      <InlineForm
        label={`Agree an improvement for ${item.reference}`}
        submitLabel="Agree the improvement"
        fieldIds={{
          description: `${prefix}-description`,
          ownerKind: `${prefix}-owner`,
          ownerUserId: `${prefix}-owner`,
          ownerName: `${prefix}-owner-name`,
          dueDate: `${prefix}-due`,
        }}
        onSubmit={async (d) => {
          const choice = textOf(d, 'owner');
          const due = textOf(d, 'dueDate');
          const body = parseOrThrow(
            improvementRequestSchema.safeParse({
              caseId: item.caseId,
              description: textOf(d, 'description'),
              ...(choice.startsWith('user:')
                ? { ownerKind: 'practitioner', ownerUserId: choice.slice(5) }
                : choice === 'third_party'
                  ? { ownerKind: 'third_party', ownerName: textOf(d, 'ownerName') }
                  : { ownerKind: 'client' }),
              ...(due ? { dueDate: due } : {}),
            }),
          );
          await reviewsApi.agreeImprovement(api, review.id, body);
        }}
        onDone={() => onChanged(`Improvement agreed for ${item.reference}: it is an action on the case now.`)}
      >
        {(p) => (
          <div className="form-grid">
            <Textarea
              id={`${prefix}-description`}
              name="description"
              label="What is to be done"
              required
              autosize
              minRows={2}
              className="span-2"
              error={p?.fields.description}
            />
            <NativeSelect
              id={`${prefix}-owner`}
              name="owner"
              label="Who does it"
              value={owner}
              onChange={(e) => setOwner(e.currentTarget.value)}
              data={[
                {
                  value: `user:${review.practitioner.id}`,
                  label: `${review.practitioner.displayName} (practitioner)`,
                },
                {
                  value: `user:${review.supervisor.id}`,
                  label: `${review.supervisor.displayName} (supervisor)`,
                },
                { value: 'client', label: 'The client' },
                { value: 'third_party', label: 'A third party' },
              ]}
              error={p?.fields.ownerKind ?? p?.fields.ownerUserId}
            />
            {owner === 'third_party' ? (
              <TextInput
                id={`${prefix}-owner-name`}
                name="ownerName"
                label="Third party’s name"
                description="For example: DWP, the landlord"
                required
                error={p?.fields.ownerName}
              />
            ) : (
              <div />
            )}
            <TextInput
              id={`${prefix}-due`}
              name="dueDate"
              type="date"
              label="Due date"
              required
              error={p?.fields.dueDate}
            />
          </div>
        )}
      </InlineForm>
    </div>
  );
}
