import { hasRole } from '../../domain/access/actor.ts';
import { AppError } from '../../domain/errors.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import { listExternalFactors as listFactorRows } from '../../store/external-factors.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { type ExternalFactorView, viewFactors } from './external-factor-checks.ts';

/**
 * The organisation's external factors touching the period (all when no period), by first day —
 * anyone signed in may read them: they explain the trend charts. Each says whether the reader may
 * change it. Not audited: factors hold no case data.
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (query.to before query.from)
 */
export async function listExternalFactors(
  ctx: ServiceContext,
  input: { readonly from?: CalendarDate | undefined; readonly to?: CalendarDate | undefined },
): Promise<{ items: ExternalFactorView[]; canAdd: boolean }> {
  const actor = requireActor(ctx);
  if (input.from && input.to && input.to < input.from) {
    throw AppError.field('query.to', 'The end of the period must be on or after its start (from)');
  }
  const rows = await listFactorRows(ctx.db, actor.orgId, { from: input.from, to: input.to });
  return {
    items: await viewFactors(ctx, ctx.db, rows),
    canAdd: hasRole(actor, 'admin') || (hasRole(actor, 'supervisor') && actor.supervisedTeamIds.length > 0),
  };
}
