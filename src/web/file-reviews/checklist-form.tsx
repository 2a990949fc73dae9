/**
 * The reviewer's checklist: for each item met / not met / not applicable (radio buttons, so arrow
 * keys move between the three) and a comment, required when not met. "Save answers" keeps what is
 * chosen; "Complete the review" saves and completes, or shows which items still need an answer.
 */
import '@mantine/core/styles/InlineInput.css';
import '@mantine/core/styles/Radio.css';
import { Button, Group, Radio, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { FileReviewResponse } from '../../contract/file-reviews.ts';
import {
  ANSWER_RESULT_LABELS,
  ANSWER_RESULTS,
  type AnswerResult,
} from '../../domain/file-reviews/answers.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { fileReviewsApi } from './file-reviews-api.ts';

type Line = FileReviewResponse['checklist'][number];
interface Draft {
  result: AnswerResult | null;
  comment: string;
}

const radioId = (line: Line, result: AnswerResult) => `fr-${line.itemId}-${result}`;
const commentId = (line: Line) => `fr-${line.itemId}-comment`;

export function ChecklistForm({
  api,
  review,
  onSaved,
}: {
  api: ApiClient;
  review: FileReviewResponse;
  onSaved: (review: FileReviewResponse, message: string) => void;
}) {
  const lines = review.checklist.filter((l) => l.active);
  const [drafts, setDrafts] = useState<Record<string, Draft>>(() =>
    Object.fromEntries(
      lines.map((l) => [l.itemId, { result: l.answer?.result ?? null, comment: l.answer?.comment ?? '' }]),
    ),
  );
  const [summary, setSummary] = useState(review.summary ?? '');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [fieldIds, setFieldIds] = useState<Record<string, string>>({});
  const [pending, setPending] = useState<'save' | 'complete' | null>(null);

  const set = (itemId: string, change: Partial<Draft>) =>
    setDrafts((d) => ({ ...d, [itemId]: { ...(d[itemId] ?? { result: null, comment: '' }), ...change } }));

  /** Problem field → input id: answers.N.* by the order sent, items.<id> from completion. */
  function idsFor(sent: Line[]): Record<string, string> {
    const ids: Record<string, string> = {};
    sent.forEach((l, i) => {
      ids[`answers.${i}.comment`] = commentId(l);
      ids[`answers.${i}.itemId`] = radioId(l, 'met');
      ids[`answers.${i}.result`] = radioId(l, 'met');
    });
    for (const l of lines) {
      ids[`items.${l.itemId}`] = radioId(l, 'met');
      ids[`items.${l.itemId}.comment`] = commentId(l);
    }
    return ids;
  }

  async function send(complete: boolean) {
    const answered = lines.filter((l) => drafts[l.itemId]?.result);
    setFieldIds(idsFor(answered));
    setProblem(null);
    setPending(complete ? 'complete' : 'save');
    try {
      let saved = review;
      if (answered.length > 0) {
        saved = await fileReviewsApi.saveAnswers(api, review.id, {
          answers: answered.map((l) => ({
            itemId: l.itemId,
            result: drafts[l.itemId]?.result as AnswerResult,
            comment: drafts[l.itemId]?.comment ?? '',
          })),
        });
      } else if (!complete) {
        setProblem({ detail: 'Choose met, not met or not applicable for at least one item.', fields: {} });
        return;
      }
      if (complete) {
        saved = await fileReviewsApi.complete(api, review.id, summary.trim() ? { summary } : {});
        onSaved(saved, 'File review completed.');
      } else {
        onSaved(saved, `Answers saved: ${saved.answered} of ${saved.itemsToAnswer} items answered.`);
      }
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(null);
    }
  }

  /** The message of the first problem field that points at this input. */
  const errorFor = (inputId: string): string | undefined =>
    Object.entries(fieldIds)
      .filter(([, id]) => id === inputId)
      .map(([field]) => problem?.fields[field])
      .find((m) => m !== undefined);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(false);
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Checklist" className="record-form">
      <ErrorSummary problem={problem} fieldIds={fieldIds} />
      {lines.map((line, index) => {
        const draft = drafts[line.itemId] ?? { result: null, comment: '' };
        const commentError = errorFor(commentId(line));
        const resultError = errorFor(radioId(line, 'met'));
        return (
          <fieldset key={line.itemId} className="form-section file-review-item">
            <legend className="subsection-title">
              {index + 1}. {line.label}
            </legend>
            {line.guidance && <p className="section-hint">{line.guidance}</p>}
            {resultError && (
              <p className="field-error" id={`${radioId(line, 'met')}-error`}>
                {resultError}
              </p>
            )}
            <Group gap="lg">
              {ANSWER_RESULTS.map((result) => (
                <Radio
                  key={result}
                  id={radioId(line, result)}
                  name={`result-${line.itemId}`}
                  value={result}
                  label={ANSWER_RESULT_LABELS[result]}
                  checked={draft.result === result}
                  onChange={() => set(line.itemId, { result })}
                />
              ))}
            </Group>
            <Textarea
              id={commentId(line)}
              label={
                draft.result === 'not-met' ? 'Comment: what fell short (required)' : 'Comment (optional)'
              }
              autosize
              minRows={1}
              mt="xs"
              value={draft.comment}
              onChange={(e) => set(line.itemId, { comment: e.currentTarget.value })}
              error={commentError}
            />
          </fieldset>
        );
      })}
      <Textarea
        id="fr-summary"
        label="Summary of the review (optional)"
        description="Shown with the completed review."
        autosize
        minRows={2}
        value={summary}
        onChange={(e) => setSummary(e.currentTarget.value)}
      />
      <Group gap="sm" mt="md">
        <Button type="submit" variant="default" loading={pending === 'save'} disabled={pending !== null}>
          Save answers
        </Button>
        <Button onClick={() => void send(true)} loading={pending === 'complete'} disabled={pending !== null}>
          Complete the review
        </Button>
      </Group>
    </form>
  );
}
