import { manageExternalFactor } from '../../domain/dashboard/external-factor-access.ts';
import type { ExternalFactorKind } from '../../domain/dashboard/external-factors.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import { type ExternalFactorValues, insertExternalFactor } from '../../store/external-factors.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import {
  checkFactorValues,
  type ExternalFactorView,
  factorScopeOf,
  viewFactors,
} from './external-factor-checks.ts';

export interface AddExternalFactorInput {
  readonly kind: ExternalFactorKind;
  readonly title: string;
  readonly description?: string | null | undefined;
  readonly startsOn: CalendarDate;
  readonly endsOn?: CalendarDate | null | undefined;
  readonly teamId?: string | null | undefined;
  readonly userId?: string | null | undefined;
}

/**
 * Records an external factor: for the whole organisation (admins), a team, or a person. A
 * supervisor may record factors for a team they supervise and for its members; admins any.
 * Audited (`external_factor.added`: kind, dates, team and person ids — never the title).
 * @throws AppError UNAUTHENTICATED, VALIDATION_FAILED (endsOn, teamId, userId), FORBIDDEN
 */
export async function addExternalFactor(
  ctx: ServiceContext,
  input: AddExternalFactorInput,
): Promise<ExternalFactorView> {
  const actor = requireActor(ctx);
  const values: ExternalFactorValues = {
    kind: input.kind,
    title: input.title,
    description: input.description ?? null,
    startsOn: input.startsOn,
    endsOn: input.endsOn ?? null,
    teamId: input.teamId ?? null,
    userId: input.userId ?? null,
  };
  await checkFactorValues(ctx.db, actor.orgId, values);
  await requireAccess(ctx, manageExternalFactor, await factorScopeOf(ctx.db, actor.orgId, values), {
    entityType: values.userId ? 'user' : values.teamId ? 'team' : 'organisation',
    entityId: values.userId ?? values.teamId ?? actor.orgId,
  });
  return inTransaction(ctx, async (tx) => {
    const row = await insertExternalFactor(tx, actor.orgId, {
      ...values,
      createdBy: actor.id,
      at: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'external_factor.added',
      entityType: 'external_factor',
      entityId: row.id,
      details: {
        kind: row.kind,
        startsOn: row.startsOn,
        endsOn: row.endsOn,
        teamId: row.teamId,
        userId: row.userId,
      },
    });
    const [view] = await viewFactors(ctx, tx, [row]);
    if (!view) throw new Error('the factor just added is missing');
    return view;
  });
}
