import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import type { Band } from '../../domain/priority/levels.ts';
import { type ServiceTimescale, timescaleProblems } from '../../domain/priority/service-timescales.ts';
import { getCaseType } from '../../store/case-types.ts';
import { upsertServiceTimescale } from '../../store/service-timescales.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { getServiceTimescales, type ServiceTimescalesView } from './get-service-timescales.ts';
import { reassessAfterTimescaleChange } from './reassess-after-change.ts';

export interface SetServiceTimescaleInput extends ServiceTimescale {
  /** null: the organisation's default for the band. */
  readonly caseTypeId: string | null;
  readonly band: Band;
}

export interface TimescaleChange {
  readonly timescales: ServiceTimescalesView;
  /** The open cases re-assessed afterwards; null when that failed (the daily run catches up). */
  readonly reassessment: { readonly assessed: number; readonly changed: number } | null;
}

/**
 * An administrator sets the service timescale of a case type and band, or (caseTypeId null) the
 * organisation's default for a band, in working days; checked by the domain (each problem names its
 * field). Audited (`service_timescale.set`); the organisation's open cases are then re-assessed.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED, CASE_TYPE_NOT_FOUND (field caseTypeId)
 */
export async function setServiceTimescale(
  ctx: ServiceContext,
  input: SetServiceTimescaleInput,
): Promise<TimescaleChange> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, {
    entityType: 'service_timescale',
    entityId: `${input.caseTypeId ?? 'organisation'}:${input.band}`,
  });
  const timescale: ServiceTimescale = {
    firstContactDays: input.firstContactDays,
    reviewDays: input.reviewDays,
    resolutionDays: input.resolutionDays,
  };
  const problems = timescaleProblems(timescale);
  const first = problems[0];
  if (first) {
    throw new AppError('VALIDATION_FAILED', `${first.path}: ${first.message}`, {
      fields: problems.map((p) => ({ field: p.path, message: p.message })),
    });
  }
  const timescales = await inTransaction(ctx, async (tx) => {
    if (input.caseTypeId !== null && !(await getCaseType(tx, actor.orgId, input.caseTypeId))) {
      throw AppError.field(
        'caseTypeId',
        'There is no such case type in your organisation: use an id listed by GET /api/case-types',
        'CASE_TYPE_NOT_FOUND',
      );
    }
    await upsertServiceTimescale(tx, actor.orgId, {
      caseTypeId: input.caseTypeId,
      band: input.band,
      ...timescale,
      updatedBy: actor.id,
      updatedAt: ctx.clock.now(),
    });
    await audit(ctx, tx, {
      action: 'service_timescale.set',
      entityType: 'service_timescale',
      entityId: `${input.caseTypeId ?? 'organisation'}:${input.band}`,
      details: { caseTypeId: input.caseTypeId, band: input.band, ...timescale },
    });
    return getServiceTimescales(ctx, tx);
  });
  return { timescales, reassessment: await reassessAfterTimescaleChange(ctx, actor.orgId) };
}
