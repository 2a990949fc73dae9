import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { getCaseTypeByKey, insertCaseType } from '../../store/case-types.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { nextSortOrder } from '../../store/ordered-lists.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { CaseTypeRow } from './list-case-types.ts';

export interface CreateCaseTypeInput {
  /** Lower-case letters, digits and hyphens; fixed once created. */
  readonly key: string;
  readonly name: string;
  readonly baseWeight?: number | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

const keyTaken = () =>
  AppError.field(
    'key',
    'Your organisation already has a case type with this key (perhaps inactive: GET /api/case-types?all=true); choose another key or reactivate that type',
    'CASE_TYPE_KEY_TAKEN',
  );

/**
 * An administrator adds a case type to the organisation's taxonomy.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_TYPE_KEY_TAKEN (field key)
 */
export async function createCaseType(ctx: ServiceContext, input: CreateCaseTypeInput): Promise<CaseTypeRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const key = input.key.trim();
  if (await getCaseTypeByKey(ctx.db, actor.orgId, key)) throw keyTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertCaseType(tx, {
        orgId: actor.orgId,
        key,
        name: input.name.trim(),
        baseWeight: input.baseWeight ?? 1,
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, 'case_types', actor.orgId)),
      });
      await audit(ctx, tx, {
        action: 'case-type.created',
        entityType: 'case-type',
        entityId: row.id,
        details: { key: row.key, baseWeight: Number(row.base_weight), active: row.active },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'case_types_org_id_key_key')) throw keyTaken();
    throw error;
  }
}
