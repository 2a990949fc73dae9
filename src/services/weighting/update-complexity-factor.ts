import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import type { ComplexityRule } from '../../domain/weighting/complexity-factors.ts';
import {
  type ComplexityFactorRow,
  getComplexityFactorForUpdate,
  updateComplexityFactor as updateRow,
} from '../../store/complexity-factors.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface UpdateComplexityFactorInput {
  readonly label?: string | undefined;
  readonly multiplier?: number | undefined;
  readonly appliesWhen?: ComplexityRule | undefined;
  readonly active?: boolean | undefined;
  readonly sortOrder?: number | undefined;
}

type Field = 'label' | 'multiplier' | 'appliesWhen' | 'active' | 'sortOrder';

const notFound = () =>
  new AppError(
    'NOT_FOUND',
    'There is no such complexity factor in your organisation: use an id listed by GET /api/complexity-factors.',
  );

/**
 * An administrator relabels, re-weights, re-rules, reorders, deactivates or reactivates a complexity
 * factor (its key never changes; factors are never deleted). Weights are computed when read, so
 * the change shows on every case at once. Ticks on cases are kept: they count while the factor is
 * an active manual one. Audited (`complexity-factor.updated`, naming the fields).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND
 */
export async function updateComplexityFactor(
  ctx: ServiceContext,
  factorId: string,
  input: UpdateComplexityFactorInput,
): Promise<ComplexityFactorRow> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'complexity-factor', entityId: factorId });
  return inTransaction(ctx, async (tx) => {
    const current = await getComplexityFactorForUpdate(tx, actor.orgId, factorId);
    if (!current) throw notFound();
    const next = {
      label: input.label?.trim() ?? current.label,
      multiplier: input.multiplier ?? current.multiplier,
      appliesWhen: input.appliesWhen ?? current.appliesWhen,
      active: input.active ?? current.active,
      sortOrder: input.sortOrder ?? current.sortOrder,
    };
    const fields = (Object.keys(next) as Field[]).filter((f) => next[f] !== current[f]);
    if (fields.length === 0) return current;
    const row = await updateRow(tx, actor.orgId, factorId, { ...next, by: actor.id, at: ctx.clock.now() });
    if (!row) throw notFound();
    await audit(ctx, tx, {
      action: 'complexity-factor.updated',
      entityType: 'complexity-factor',
      entityId: row.id,
      details: {
        key: row.key,
        fields,
        ...(fields.includes('multiplier')
          ? { multiplier: row.multiplier, previousMultiplier: current.multiplier }
          : {}),
        ...(fields.includes('appliesWhen') ? { appliesWhen: row.appliesWhen } : {}),
        ...(fields.includes('active') ? { active: row.active } : {}),
      },
    });
    return row;
  });
}
