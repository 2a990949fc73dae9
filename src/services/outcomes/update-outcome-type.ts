import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  getOutcomeTypeForUpdate,
  lockActiveOutcomeTypes,
  type OutcomeTypeRow,
  updateOutcomeType as updateRow,
} from '../../store/outcome-types.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface UpdateOutcomeTypeInput {
  readonly label?: string | undefined;
  readonly positive?: boolean | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

/**
 * An administrator relabels, reorders, deactivates or reactivates an outcome, or changes whether
 * it counts as positive. Its key never changes and it is never deleted: closed cases keep theirs.
 * The list keeps at least one active outcome, so cases can still be closed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, OUTCOME_TYPE_NOT_FOUND, CONFLICT (field active)
 */
export async function updateOutcomeType(
  ctx: ServiceContext,
  id: string,
  input: UpdateOutcomeTypeInput,
): Promise<OutcomeTypeRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'outcome-type', entityId: id });
  return inTransaction(ctx, async (tx) => {
    const active = input.active === false ? await lockActiveOutcomeTypes(tx, actor.orgId) : [];
    const current = await getOutcomeTypeForUpdate(tx, actor.orgId, id);
    if (!current) throw new AppError('OUTCOME_TYPE_NOT_FOUND');
    const next = {
      label: input.label?.trim() ?? current.label,
      positive: input.positive ?? current.positive,
      active: input.active ?? current.active,
      sortOrder: input.sortOrder ?? current.sort_order,
    };
    const fields = [
      next.label !== current.label ? 'label' : undefined,
      next.positive !== current.positive ? 'positive' : undefined,
      next.active !== current.active ? 'active' : undefined,
      next.sortOrder !== current.sort_order ? 'sortOrder' : undefined,
    ].filter((f): f is string => f !== undefined);
    if (fields.length === 0) return current;
    if (!next.active && current.active && active.filter((a) => a !== current.id).length === 0) {
      throw AppError.field(
        'active',
        'This is the last outcome in use: cases could not be closed. Add or reactivate another before deactivating it.',
        'CONFLICT',
      );
    }
    const row = await updateRow(tx, actor.orgId, id, next);
    if (!row) throw new AppError('OUTCOME_TYPE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'outcome-type.updated',
      entityType: 'outcome-type',
      entityId: row.id,
      details: { key: row.key, fields, ...(fields.includes('active') ? { active: row.active } : {}) },
    });
    return row;
  });
}
