/** Shared steps of the time-limit template use cases: a request body as a domain template, validated. */
import { AppError } from '../../domain/errors.ts';
import {
  type TimeLimitRule,
  type TimeLimitTemplate,
  timeLimitTemplateFieldProblems,
} from '../../domain/time-limits/templates.ts';

/** What an administrator sends for a template (its key comes from the path when editing). */
export interface TimeLimitTemplateInput {
  readonly name: string;
  readonly source: string;
  readonly eventLabel: string;
  readonly rule: TimeLimitRule;
  readonly alternative?: { readonly condition: string; readonly rule: TimeLimitRule } | null | undefined;
  readonly caution: string;
  readonly sortOrder?: number | undefined;
}

/**
 * The domain template for `key` and the input, trimmed, after the domain's checks: every problem is
 * named as a field ('name', 'rule.days', 'alternative.condition'…).
 * @throws AppError VALIDATION_FAILED
 */
export function validTemplateOf(key: string, input: TimeLimitTemplateInput): TimeLimitTemplate {
  const template: TimeLimitTemplate = {
    key: key.trim(),
    name: input.name.trim(),
    source: input.source.trim(),
    eventLabel: input.eventLabel.trim(),
    rule: input.rule,
    ...(input.alternative
      ? { alternative: { condition: input.alternative.condition.trim(), rule: input.alternative.rule } }
      : {}),
    caution: input.caution.trim(),
  };
  const problems = timeLimitTemplateFieldProblems(template);
  const first = problems[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, {
      fields: problems.map((p) => ({ field: p.field, message: p.message })),
    });
  }
  return template;
}

export const templateNotFound = (field?: string) =>
  field
    ? AppError.field(
        field,
        'There is no such active time-limit template: choose one listed by GET /api/time-limit-templates',
        'TIME_LIMIT_TEMPLATE_NOT_FOUND',
      )
    : new AppError('TIME_LIMIT_TEMPLATE_NOT_FOUND');
