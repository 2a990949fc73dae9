import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import type { Band } from '../../domain/priority/levels.ts';
import { deleteServiceTimescale } from '../../store/service-timescales.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { getServiceTimescales } from './get-service-timescales.ts';
import { reassessAfterTimescaleChange } from './reassess-after-change.ts';
import type { TimescaleChange } from './set-service-timescale.ts';

/**
 * An administrator removes the timescale setting of a case type and band (it inherits the
 * organisation's band default again) or the organisation's band default (it falls back to the
 * built-in one). Audited (`service_timescale.cleared`); the open cases are then re-assessed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND (no such setting)
 */
export async function clearServiceTimescale(
  ctx: ServiceContext,
  input: { readonly caseTypeId: string | null; readonly band: Band },
): Promise<TimescaleChange> {
  const actor = requireActor(ctx);
  const entityId = `${input.caseTypeId ?? 'organisation'}:${input.band}`;
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'service_timescale', entityId });
  const timescales = await inTransaction(ctx, async (tx) => {
    if (!(await deleteServiceTimescale(tx, actor.orgId, input))) {
      throw new AppError(
        'NOT_FOUND',
        input.caseTypeId === null
          ? `Your organisation has no default of its own for the ${input.band} band: the built-in one applies already.`
          : `This case type has no ${input.band} timescale of its own: it inherits already.`,
      );
    }
    await audit(ctx, tx, {
      action: 'service_timescale.cleared',
      entityType: 'service_timescale',
      entityId,
      details: { caseTypeId: input.caseTypeId, band: input.band },
    });
    return getServiceTimescales(ctx, tx);
  });
  return { timescales, reassessment: await reassessAfterTimescaleChange(ctx, actor.orgId) };
}
