import { manageExternalFactor } from '../../domain/dashboard/external-factor-access.ts';
import type { ExternalFactorKind } from '../../domain/dashboard/external-factors.ts';
import { AppError } from '../../domain/errors.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import {
  type ExternalFactorValues,
  getExternalFactor,
  updateExternalFactor,
} from '../../store/external-factors.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import {
  checkFactorValues,
  type ExternalFactorView,
  factorScopeOf,
  viewFactors,
} from './external-factor-checks.ts';

export interface ChangeExternalFactorInput {
  readonly kind?: ExternalFactorKind | undefined;
  readonly title?: string | undefined;
  readonly description?: string | null | undefined;
  readonly startsOn?: CalendarDate | undefined;
  readonly endsOn?: CalendarDate | null | undefined;
  readonly teamId?: string | null | undefined;
  readonly userId?: string | null | undefined;
}

const FIELDS = ['kind', 'title', 'description', 'startsOn', 'endsOn', 'teamId', 'userId'] as const;

/**
 * Changes an external factor (the fields given; null clears description, endsOn, teamId, userId).
 * The reader must be allowed to manage the factor as it is and as it will be (a supervisor cannot
 * move a factor out of, or into, a team they do not supervise). Audited
 * (`external_factor.changed`: the names of the fields changed); no change, no event.
 * @throws AppError UNAUTHENTICATED, NOT_FOUND, VALIDATION_FAILED (endsOn, teamId, userId), FORBIDDEN
 */
export async function changeExternalFactor(
  ctx: ServiceContext,
  id: string,
  input: ChangeExternalFactorInput,
): Promise<ExternalFactorView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await getExternalFactor(tx, actor.orgId, id, { forUpdate: true });
    if (!before) throw new AppError('NOT_FOUND', 'There is no such external factor in your organisation.');
    const after: ExternalFactorValues = {
      kind: input.kind ?? before.kind,
      title: input.title ?? before.title,
      description: input.description === undefined ? before.description : input.description,
      startsOn: input.startsOn ?? before.startsOn,
      endsOn: input.endsOn === undefined ? before.endsOn : input.endsOn,
      teamId: input.teamId === undefined ? before.teamId : input.teamId,
      userId: input.userId === undefined ? before.userId : input.userId,
    };
    await checkFactorValues(tx, actor.orgId, after);
    for (const target of [before, after]) {
      await requireAccess(ctx, manageExternalFactor, await factorScopeOf(tx, actor.orgId, target), {
        entityType: 'external_factor',
        entityId: id,
      });
    }
    const changed = FIELDS.filter((f) => after[f] !== before[f]);
    if (changed.length === 0) {
      const [view] = await viewFactors(ctx, tx, [before]);
      if (!view) throw new Error('the factor is missing');
      return view;
    }
    const row = await updateExternalFactor(tx, actor.orgId, id, { ...after, at: ctx.clock.now() });
    if (!row) throw new AppError('NOT_FOUND', 'There is no such external factor in your organisation.');
    await audit(ctx, tx, {
      action: 'external_factor.changed',
      entityType: 'external_factor',
      entityId: id,
      details: { fields: changed, teamId: row.teamId, userId: row.userId },
    });
    const [view] = await viewFactors(ctx, tx, [row]);
    if (!view) throw new Error('the factor just changed is missing');
    return view;
  });
}
