import { AppError } from '../../domain/errors.ts';
import { normaliseLeadDays } from '../../domain/key-dates/reminder-lead-days.ts';
import { insertKeyDate, type KeyDateRow } from '../../store/key-dates.ts';
import type { KeyDateKind } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import {
  type ComputeFromTemplateInput,
  computeKeyDateFromTemplate,
} from '../time-limit-templates/compute-key-date-from-template.ts';

export interface CreateKeyDateInput {
  readonly caseId: string;
  readonly kind: KeyDateKind;
  /** 'YYYY-MM-DD' in the organisation's time zone; the computed date when left out with fromTemplate. */
  readonly dueDate?: string | undefined;
  /** 'HH:MM', when the time of day matters. */
  readonly dueTime?: string | undefined;
  readonly description: string;
  /** Where the date comes from; the template's source when left out with fromTemplate. */
  readonly source?: string | undefined;
  /** Working days before the date for reminders; null or left out: the organisation's. */
  readonly reminderLeadDays?: readonly number[] | null | undefined;
  /** Work the date out from a time-limit template; the practitioner must confirm it. */
  readonly fromTemplate?: (ComputeFromTemplateInput & { readonly confirmed: boolean }) | undefined;
}

/** What key_dates.computed_from holds: how the date was worked out, and who confirmed it. */
export interface ComputedFromRecord {
  readonly templateKey: string;
  readonly templateName: string;
  readonly eventDate: string;
  readonly useAlternative: boolean;
  readonly computedDate: string;
  readonly explanation: string;
  readonly source: string;
  readonly confirmedBy: string;
  readonly confirmedAt: string;
}

/**
 * Records a key date of a case (a statutory or appeal deadline, a hearing, a limitation date, an
 * appointment or an internal target), pending until it is met, missed or cancelled. With
 * `fromTemplate` the date is worked out from a time-limit template in the organisation's nation
 * and only recorded when the practitioner confirms it; how it was computed, by whom it was
 * confirmed, and the computed date are kept (a different dueDate is kept and shown as differing).
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (dueDate, fromTemplate.confirmed,
 *   fromTemplate.useAlternative, fromTemplate.eventDate), TIME_LIMIT_TEMPLATE_NOT_FOUND (fromTemplate.templateKey)
 */
export async function createKeyDate(ctx: ServiceContext, input: CreateKeyDateInput): Promise<KeyDateRow> {
  const actor = requireActor(ctx);
  if (input.fromTemplate && input.fromTemplate.confirmed !== true) {
    throw AppError.field(
      'fromTemplate.confirmed',
      'Confirm that you have checked the computed date against the case documents and the source',
    );
  }
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const now = ctx.clock.now();
    const fromTemplate = input.fromTemplate
      ? await computeKeyDateFromTemplate(ctx, input.fromTemplate, { db: tx, fieldPrefix: 'fromTemplate.' })
      : undefined;
    const dueDate = input.dueDate ?? fromTemplate?.computed.date;
    if (!dueDate) throw AppError.field('dueDate', 'Use a calendar date such as 2026-12-31');
    const computedFrom: ComputedFromRecord | null = fromTemplate
      ? {
          templateKey: fromTemplate.template.key,
          templateName: fromTemplate.template.name,
          eventDate: input.fromTemplate?.eventDate ?? '',
          useAlternative: fromTemplate.useAlternative,
          computedDate: fromTemplate.computed.date,
          explanation: fromTemplate.computed.explanation,
          source: fromTemplate.computed.source,
          confirmedBy: actor.id,
          confirmedAt: now.toISOString(),
        }
      : null;
    const keyDate = await insertKeyDate(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      kind: input.kind,
      due_date: dueDate,
      due_time: input.dueTime ?? null,
      description: input.description.trim(),
      source: input.source?.trim() ?? fromTemplate?.computed.source ?? null,
      status_note: null,
      reminder_lead_days: input.reminderLeadDays ? normaliseLeadDays(input.reminderLeadDays) : null,
      computed_from: computedFrom ? JSON.stringify(computedFrom) : null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'key_date.created',
      entityType: 'key_date',
      entityId: keyDate.id,
      details: {
        caseId: caseRow.id,
        kind: keyDate.kind,
        dueDate: keyDate.due_date,
        ...(computedFrom
          ? {
              templateKey: computedFrom.templateKey,
              computedDate: computedFrom.computedDate,
              differsFromComputed: keyDate.due_date !== computedFrom.computedDate,
            }
          : {}),
      },
    });
    await reassessCases(ctx, tx, { orgId: actor.orgId, caseIds: [caseRow.id], trigger: 'key-date' });
    return keyDate;
  });
}
