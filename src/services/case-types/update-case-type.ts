import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import {
  getCaseTypeForUpdate,
  lockActiveCaseTypes,
  updateCaseType as updateRow,
} from '../../store/case-types.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { CaseTypeRow } from './list-case-types.ts';

export interface UpdateCaseTypeInput {
  readonly name?: string | undefined;
  readonly baseWeight?: number | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

/**
 * An administrator renames, re-weights, reorders, deactivates or reactivates a case type. Its key
 * never changes and it is never deleted: cases keep their type. The organisation keeps at least one
 * active type, so cases can still be opened.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_TYPE_NOT_FOUND, CONFLICT (field active)
 */
export async function updateCaseType(
  ctx: ServiceContext,
  caseTypeId: string,
  input: UpdateCaseTypeInput,
): Promise<CaseTypeRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'case-type', entityId: caseTypeId });
  return inTransaction(ctx, async (tx) => {
    const deactivating = input.active === false;
    const active = deactivating ? await lockActiveCaseTypes(tx, actor.orgId) : [];
    const current = await getCaseTypeForUpdate(tx, actor.orgId, caseTypeId);
    if (!current) throw new AppError('CASE_TYPE_NOT_FOUND');
    const next = {
      name: input.name?.trim() ?? current.name,
      baseWeight: input.baseWeight ?? Number(current.base_weight),
      active: input.active ?? current.active,
      sortOrder: input.sortOrder ?? current.sort_order,
    };
    const fields = [
      next.name !== current.name ? 'name' : undefined,
      next.baseWeight !== Number(current.base_weight) ? 'baseWeight' : undefined,
      next.active !== current.active ? 'active' : undefined,
      next.sortOrder !== current.sort_order ? 'sortOrder' : undefined,
    ].filter((f): f is string => f !== undefined);
    if (fields.length === 0) return current;
    if (fields.includes('active') && !next.active && active.filter((id) => id !== current.id).length === 0) {
      throw AppError.field(
        'active',
        'This is the organisation’s last active case type: activate or add another before deactivating it',
        'CONFLICT',
      );
    }
    const row = await updateRow(tx, actor.orgId, caseTypeId, next);
    if (!row) throw new AppError('CASE_TYPE_NOT_FOUND');
    await audit(ctx, tx, {
      action: 'case-type.updated',
      entityType: 'case-type',
      entityId: row.id,
      details: { key: row.key, fields, ...(fields.includes('active') ? { active: row.active } : {}) },
    });
    return row;
  });
}
