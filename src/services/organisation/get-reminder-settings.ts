import { DEFAULT_REMINDER_LEAD_DAYS } from '../../domain/key-dates/reminder-lead-days.ts';
import { getReminderLeadDays } from '../../store/organisation-settings.ts';
import { requireActor, type ServiceContext } from '../context.ts';

/**
 * The organisation's reminder lead times: the working days before a key date at which reminders go
 * out (a key date may set its own). Anyone signed in may read them.
 * @throws AppError UNAUTHENTICATED
 */
export async function getReminderSettings(ctx: ServiceContext): Promise<{ leadDays: number[] }> {
  const actor = requireActor(ctx);
  return { leadDays: (await getReminderLeadDays(ctx.db, actor.orgId)) ?? [...DEFAULT_REMINDER_LEAD_DAYS] };
}
