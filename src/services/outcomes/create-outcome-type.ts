import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { nextSortOrder } from '../../store/ordered-lists.ts';
import { getOutcomeTypeByKey, insertOutcomeType, type OutcomeTypeRow } from '../../store/outcome-types.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface CreateOutcomeTypeInput {
  /** Lower-case letters, digits and hyphens; fixed once created. */
  readonly key: string;
  readonly label: string;
  readonly positive?: boolean | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

const keyTaken = () =>
  AppError.field(
    'key',
    'Your organisation’s outcome list already has this key (perhaps inactive: GET /api/outcome-types?all=true); choose another key or reactivate that outcome',
    'OUTCOME_TYPE_KEY_TAKEN',
  );

/**
 * An administrator adds an outcome to the organisation's list.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, OUTCOME_TYPE_KEY_TAKEN (field key)
 */
export async function createOutcomeType(
  ctx: ServiceContext,
  input: CreateOutcomeTypeInput,
): Promise<OutcomeTypeRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const key = input.key.trim();
  if (await getOutcomeTypeByKey(ctx.db, actor.orgId, key)) throw keyTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertOutcomeType(tx, {
        orgId: actor.orgId,
        key,
        label: input.label.trim(),
        positive: input.positive ?? false,
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, 'outcome_types', actor.orgId)),
      });
      await audit(ctx, tx, {
        action: 'outcome-type.created',
        entityType: 'outcome-type',
        entityId: row.id,
        details: { key: row.key, positive: row.positive, active: row.active },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'outcome_types_org_id_key_key')) throw keyTaken();
    throw error;
  }
}
