/**
 * A file review's answers: each checklist item is met, not met or not applicable, with a comment
 * (required when not met: the practitioner must be able to see what fell short). A review can be
 * completed once every active item has an answer.
 */

export const ANSWER_RESULTS = ['met', 'not-met', 'not-applicable'] as const;
export type AnswerResult = (typeof ANSWER_RESULTS)[number];

export const ANSWER_RESULT_LABELS: Readonly<Record<AnswerResult, string>> = {
  met: 'Met',
  'not-met': 'Not met',
  'not-applicable': 'Not applicable',
};

export interface ChecklistItem {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly active: boolean;
}

export interface Answer {
  readonly itemId: string;
  readonly result: AnswerResult;
  readonly comment: string | null;
}

export interface AnswerProblem {
  /** The field as the request names it, e.g. `answers.2.comment`. */
  readonly field: string;
  readonly message: string;
}

const hasText = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/**
 * Problems with a set of answers sent together: each item once, only items of the checklist that
 * are active, and a comment for every "not met".
 */
export function answerProblems(
  answers: readonly {
    readonly itemId: string;
    readonly result: AnswerResult;
    readonly comment?: string | null;
  }[],
  items: readonly ChecklistItem[],
): AnswerProblem[] {
  const byId = new Map(items.map((i) => [i.id, i]));
  const seen = new Set<string>();
  const problems: AnswerProblem[] = [];
  answers.forEach((a, index) => {
    const item = byId.get(a.itemId);
    if (!item) {
      problems.push({
        field: `answers.${index}.itemId`,
        message: 'This is not an item of your organisation’s checklist (see GET /api/file-review-items)',
      });
      return;
    }
    if (!item.active) {
      problems.push({
        field: `answers.${index}.itemId`,
        message: `“${item.label}” is no longer on the checklist; answer the active items only`,
      });
      return;
    }
    if (seen.has(a.itemId)) {
      problems.push({ field: `answers.${index}.itemId`, message: `“${item.label}” is answered twice` });
      return;
    }
    seen.add(a.itemId);
    if (a.result === 'not-met' && !hasText(a.comment)) {
      problems.push({
        field: `answers.${index}.comment`,
        message: `Say what fell short for “${item.label}” (a comment is required when an item is not met)`,
      });
    }
  });
  return problems;
}

export interface CompletionCheck {
  /** Active items with no answer, in checklist order. */
  readonly missing: readonly ChecklistItem[];
  /** Answers "not met" without a comment. */
  readonly notMetWithoutComment: readonly ChecklistItem[];
}

/** What stops a review being completed: unanswered active items, and "not met" without a comment. */
export function completionCheck(
  items: readonly ChecklistItem[],
  answers: readonly Answer[],
): CompletionCheck {
  const byItem = new Map(answers.map((a) => [a.itemId, a]));
  const active = items.filter((i) => i.active);
  return {
    missing: active.filter((i) => !byItem.has(i.id)),
    notMetWithoutComment: items.filter((i) => {
      const a = byItem.get(i.id);
      return a?.result === 'not-met' && !hasText(a.comment);
    }),
  };
}

export const isComplete = (c: CompletionCheck): boolean =>
  c.missing.length === 0 && c.notMetWithoutComment.length === 0;
