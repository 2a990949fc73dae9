import { manageRetention } from '../../domain/access/retention.ts';
import { AppError } from '../../domain/errors.ts';
import { listSchedules, recomputeDestructionDates, upsertSchedule } from '../../store/retention.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import type { RetentionSchedulesView } from './list-retention-schedules.ts';
import { listRetentionSchedules } from './list-retention-schedules.ts';

/**
 * An admin sets how many years closed cases of a type are kept. The destruction dates of the type's
 * closed cases that were never extended move with it (closing day + the new years). Audited with
 * the number of cases whose date moved.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, CASE_TYPE_NOT_FOUND
 */
export async function setRetentionSchedule(
  ctx: ServiceContext,
  caseTypeId: string,
  years: number,
): Promise<RetentionSchedulesView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageRetention, undefined);
  await inTransaction(ctx, async (tx) => {
    const current = (await listSchedules(tx, actor.orgId)).find((s) => s.caseTypeId === caseTypeId);
    if (!current) throw new AppError('CASE_TYPE_NOT_FOUND');
    const now = ctx.clock.now();
    await upsertSchedule(tx, { orgId: actor.orgId, caseTypeId, years, by: actor.id, at: now });
    const { timeZone } = await organisationCalendar(tx, actor.orgId, now);
    const moved = await recomputeDestructionDates(tx, { orgId: actor.orgId, caseTypeId, years, timeZone });
    await audit(ctx, tx, {
      action: 'retention.schedule_set',
      entityType: 'case-type',
      entityId: caseTypeId,
      details: { years, previousYears: current.retentionYears, casesRedated: moved.length },
    });
  });
  return listRetentionSchedules(ctx);
}
