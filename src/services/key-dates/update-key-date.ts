import { AppError } from '../../domain/errors.ts';
import { canEditKeyDate, hoursAndMinutes } from '../../domain/key-dates/key-date-rules.ts';
import { normaliseLeadDays } from '../../domain/key-dates/reminder-lead-days.ts';
import {
  type KeyDatePatch,
  type KeyDateRow,
  updateKeyDate as updateKeyDateRow,
} from '../../store/key-dates.ts';
import type { KeyDateKind } from '../../store/schema.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { loadKeyDateForChange } from './key-date-view.ts';

export interface UpdateKeyDateInput {
  readonly kind?: KeyDateKind | undefined;
  readonly dueDate?: string | undefined;
  /** null removes the time. */
  readonly dueTime?: string | null | undefined;
  readonly description?: string | undefined;
  /** null removes the source. */
  readonly source?: string | null | undefined;
  /** Working days before the date for reminders; null: back to the organisation's. */
  readonly reminderLeadDays?: readonly number[] | null | undefined;
}

/**
 * Changes a pending key date (met, missed and cancelled ones are history: change their status
 * first). Audited with the names of the fields that changed.
 * @throws AppError KEY_DATE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE
 */
export async function updateKeyDate(
  ctx: ServiceContext,
  keyDateId: string,
  input: UpdateKeyDateInput,
): Promise<KeyDateRow> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const keyDate = await loadKeyDateForChange(ctx, tx, keyDateId);
    if (!canEditKeyDate(keyDate.status)) {
      throw new AppError(
        'INVALID_STATUS_CHANGE',
        `This key date is ${keyDate.status}; set it back to pending before changing it, or record a new one.`,
      );
    }
    const patch: KeyDatePatch = {};
    const fields: string[] = [];
    const description = input.description?.trim();
    const source = input.source === null ? null : input.source?.trim();
    if (input.kind !== undefined && input.kind !== keyDate.kind) {
      patch.kind = input.kind;
      fields.push('kind');
    }
    if (input.dueDate !== undefined && input.dueDate !== keyDate.due_date) {
      patch.due_date = input.dueDate;
      fields.push('dueDate');
    }
    if (input.dueTime !== undefined && input.dueTime !== hoursAndMinutes(keyDate.due_time)) {
      patch.due_time = input.dueTime;
      fields.push('dueTime');
    }
    if (description !== undefined && description !== keyDate.description) {
      patch.description = description;
      fields.push('description');
    }
    if (source !== undefined && source !== keyDate.source) {
      patch.source = source;
      fields.push('source');
    }
    if (input.reminderLeadDays !== undefined) {
      const leadDays = input.reminderLeadDays === null ? null : normaliseLeadDays(input.reminderLeadDays);
      if (JSON.stringify(leadDays) !== JSON.stringify(keyDate.reminder_lead_days)) {
        patch.reminder_lead_days = leadDays;
        fields.push('reminderLeadDays');
      }
    }
    if (fields.length === 0) return keyDate;
    const updated = await updateKeyDateRow(tx, actor.orgId, keyDate.id, patch, ctx.clock.now());
    if (!updated) throw new AppError('KEY_DATE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'key_date.updated',
      entityType: 'key_date',
      entityId: keyDate.id,
      details: { caseId: keyDate.case_id, fields },
    });
    await reassessCases(ctx, tx, { orgId: actor.orgId, caseIds: [keyDate.case_id], trigger: 'key-date' });
    return updated;
  });
}
