import { viewRetention } from '../../domain/access/retention.ts';
import { DEFAULT_RETENTION_YEARS } from '../../domain/retention/retention.ts';
import { listSchedules, type ScheduleRow } from '../../store/retention.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

export interface RetentionSchedulesView {
  readonly defaultYears: number;
  readonly schedules: readonly ScheduleRow[];
}

/**
 * Every case type with the years its closed cases are kept (null: the default, 6 years).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listRetentionSchedules(ctx: ServiceContext): Promise<RetentionSchedulesView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewRetention, undefined);
  return { defaultYears: DEFAULT_RETENTION_YEARS, schedules: await listSchedules(ctx.db, actor.orgId) };
}
