import { lockCase, updateCaseRow } from '../../store/cases.ts';
import { type FieldChange, recordFieldChanges } from '../../store/field-changes.ts';
import type { CaseRow } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type CaseResourcesView, loadCaseResourcesView } from './resources-view.ts';

export interface UpdateCaseResourcesInput {
  /** Hours allocated to the case (quarter hours, 0–1000); null: none. */
  readonly allocatedHours: number | null;
  /** Hours of work the case is estimated to need (0–1000); null: not estimated. */
  readonly estimatedEffortHours: number | null;
}

const hoursOf = (value: string | null) => (value === null ? null : Number(value));

function changedFields(row: CaseRow, input: UpdateCaseResourcesInput): FieldChange[] {
  const changes: FieldChange[] = [];
  const allocated = hoursOf(row.allocated_hours);
  if (allocated !== input.allocatedHours)
    changes.push({ field: 'allocated_hours', oldValue: allocated, newValue: input.allocatedHours });
  const effort = hoursOf(row.estimated_effort_hours);
  if (effort !== input.estimatedEffortHours)
    changes.push({ field: 'estimated_effort_hours', oldValue: effort, newValue: input.estimatedEffortHours });
  return changes;
}

/**
 * Sets the hours allocated to a case and the effort it is estimated to need (anyone who may
 * contribute to the case). Each changed value is kept in the case's field history; the audit event
 * names the fields only. Setting the values it has changes nothing.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN
 */
export async function updateCaseResources(
  ctx: ServiceContext,
  caseId: string,
  input: UpdateCaseResourcesInput,
): Promise<CaseResourcesView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const loaded = await loadCase(ctx, caseId, 'contribute', tx);
    const { row } = loaded;
    const changes = changedFields(row, input);
    if (changes.length === 0) return loadCaseResourcesView(ctx, loaded, tx);
    const now = ctx.clock.now();
    const updated = await updateCaseRow(tx, row.org_id, row.id, {
      allocated_hours: input.allocatedHours,
      estimated_effort_hours: input.estimatedEffortHours,
      updated_at: now,
    });
    await recordFieldChanges(tx, {
      orgId: row.org_id,
      entityType: 'case',
      entityId: row.id,
      changedBy: actor.id,
      changedAt: now,
      changes,
    });
    await audit(ctx, tx, {
      action: 'case.resources_updated',
      entityType: 'case',
      entityId: row.id,
      details: { fields: changes.map((c) => c.field) },
    });
    return loadCaseResourcesView(ctx, { ...loaded, row: updated }, tx);
  });
}
