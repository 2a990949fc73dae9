import { insertKeyDate, type KeyDateRow } from '../../store/key-dates.ts';
import type { KeyDateKind } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';

export interface CreateKeyDateInput {
  readonly caseId: string;
  readonly kind: KeyDateKind;
  /** 'YYYY-MM-DD' in the organisation's time zone. */
  readonly dueDate: string;
  /** 'HH:MM', when the time of day matters. */
  readonly dueTime?: string | undefined;
  readonly description: string;
  /** Where the date comes from. */
  readonly source?: string | undefined;
}

/**
 * Records a key date of a case (a statutory or appeal deadline, a hearing, a limitation date, an
 * appointment or an internal target), pending until it is met, missed or cancelled.
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN
 */
export async function createKeyDate(ctx: ServiceContext, input: CreateKeyDateInput): Promise<KeyDateRow> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const now = ctx.clock.now();
    const keyDate = await insertKeyDate(tx, {
      org_id: actor.orgId,
      case_id: caseRow.id,
      kind: input.kind,
      due_date: input.dueDate,
      due_time: input.dueTime ?? null,
      description: input.description.trim(),
      source: input.source?.trim() ?? null,
      status_note: null,
      created_by: actor.id,
      created_at: now,
      updated_at: now,
    });
    await audit(ctx, tx, {
      action: 'key_date.created',
      entityType: 'key_date',
      entityId: keyDate.id,
      details: { caseId: caseRow.id, kind: keyDate.kind, dueDate: keyDate.due_date },
    });
    return keyDate;
  });
}
