import { AppError } from '../../domain/errors.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import type { UkNation } from '../../domain/time/working-days.ts';
import {
  type ComputedKeyDate,
  computeKeyDate,
  type TimeLimitTemplate,
} from '../../domain/time-limits/templates.ts';
import type { DbOrTx } from '../../store/db.ts';
import { getOrganisation } from '../../store/organisations.ts';
import { getTimeLimitTemplate } from '../../store/time-limit-templates.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { templateNotFound } from './template-input.ts';

export interface ComputeFromTemplateInput {
  readonly templateKey: string;
  readonly eventDate: CalendarDate;
  readonly useAlternative?: boolean | undefined;
}

export interface KeyDateFromTemplate {
  readonly template: TimeLimitTemplate;
  readonly computed: ComputedKeyDate;
  readonly nation: UkNation;
  readonly useAlternative: boolean;
}

/**
 * The key date an active template of the organisation gives for an event date, in the
 * organisation's nation, with how it was reached and the must-confirm warning. Nothing is stored:
 * the practitioner confirms the date when recording it (POST /api/cases/{caseId}/key-dates).
 * @param options.fieldPrefix names the fields of problems as the request nests them ('fromTemplate.')
 * @throws AppError UNAUTHENTICATED, TIME_LIMIT_TEMPLATE_NOT_FOUND, VALIDATION_FAILED (useAlternative without an alternative)
 */
export async function computeKeyDateFromTemplate(
  ctx: ServiceContext,
  input: ComputeFromTemplateInput,
  options: { readonly db?: DbOrTx; readonly fieldPrefix?: string } = {},
): Promise<KeyDateFromTemplate> {
  const actor = requireActor(ctx);
  const db = options.db ?? ctx.db;
  const prefix = options.fieldPrefix ?? '';
  const stored = await getTimeLimitTemplate(db, actor.orgId, input.templateKey);
  if (!stored?.active) throw templateNotFound(prefix ? `${prefix}templateKey` : undefined);
  const useAlternative = input.useAlternative === true;
  if (useAlternative && !stored.template.alternative) {
    throw AppError.field(
      `${prefix}useAlternative`,
      'This time limit has no alternative rule: leave useAlternative out',
    );
  }
  const org = await getOrganisation(db, actor.orgId);
  const nation = org?.nation ?? 'england-and-wales';
  let computed: ComputedKeyDate;
  try {
    computed = computeKeyDate(stored.template, input.eventDate, { useAlternative, nation });
  } catch (error) {
    // Only an event date so far out that the limit leaves the calendar (after 9999) gets here.
    if (!(error instanceof RangeError)) throw error;
    throw AppError.field(`${prefix}eventDate`, 'This event date is too far in the future: check it');
  }
  return { template: stored.template, computed, nation, useAlternative };
}
