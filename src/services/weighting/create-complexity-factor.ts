import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import type { ComplexityRule } from '../../domain/weighting/complexity-factors.ts';
import {
  type ComplexityFactorRow,
  complexityFactorKeyTaken,
  insertComplexityFactor,
} from '../../store/complexity-factors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { nextSortOrder } from '../../store/ordered-lists.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface CreateComplexityFactorInput {
  /** Lower-case letters, digits and hyphens; fixed once created. */
  readonly key: string;
  readonly label: string;
  readonly multiplier: number;
  readonly appliesWhen?: ComplexityRule | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

const keyTaken = () =>
  AppError.field(
    'key',
    'Your organisation already has a complexity factor with this key (perhaps inactive); choose another key or change that factor',
    'CONFLICT',
  );

/**
 * An administrator adds a complexity factor. Weights are computed when read, so every case it
 * applies to weighs more (or less) at once. Audited (`complexity-factor.created`).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CONFLICT (field key)
 */
export async function createComplexityFactor(
  ctx: ServiceContext,
  input: CreateComplexityFactorInput,
): Promise<ComplexityFactorRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const key = input.key.trim();
  if (await complexityFactorKeyTaken(ctx.db, actor.orgId, key)) throw keyTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const row = await insertComplexityFactor(tx, {
        orgId: actor.orgId,
        key,
        label: input.label.trim(),
        multiplier: input.multiplier,
        appliesWhen: input.appliesWhen ?? 'manual',
        active: input.active ?? true,
        sortOrder: input.sortOrder ?? (await nextSortOrder(tx, 'complexity_factors', actor.orgId)),
        by: actor.id,
        at: ctx.clock.now(),
      });
      await audit(ctx, tx, {
        action: 'complexity-factor.created',
        entityType: 'complexity-factor',
        entityId: row.id,
        details: {
          key: row.key,
          multiplier: row.multiplier,
          appliesWhen: row.appliesWhen,
          active: row.active,
        },
      });
      return row;
    });
  } catch (error) {
    if (isUniqueViolation(error, 'complexity_factors_org_id_key_key')) throw keyTaken();
    throw error;
  }
}
