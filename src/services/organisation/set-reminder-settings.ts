import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { normaliseLeadDays, reminderLeadDaysProblem } from '../../domain/key-dates/reminder-lead-days.ts';
import { setReminderLeadDays } from '../../store/organisation-settings.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * An administrator sets the organisation's reminder lead times (1 to 10 whole numbers of working
 * days from 1 to 60, each once), stored longest first. Audited (`organisation.reminders_set`, with
 * the previous and new lead times); no change, no event.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, VALIDATION_FAILED (field leadDays)
 */
export async function setReminderSettings(
  ctx: ServiceContext,
  input: { readonly leadDays: readonly number[] },
): Promise<{ leadDays: number[] }> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined, { entityType: 'organisation', entityId: actor.orgId });
  const problem = reminderLeadDaysProblem(input.leadDays, { allowEmpty: false });
  if (problem) throw AppError.field('leadDays', problem);
  const leadDays = normaliseLeadDays(input.leadDays);
  return inTransaction(ctx, async (tx) => {
    const result = await setReminderLeadDays(tx, actor.orgId, leadDays);
    if (!result) throw new AppError('NOT_FOUND');
    if (JSON.stringify(result.previous) !== JSON.stringify(leadDays)) {
      await audit(ctx, tx, {
        action: 'organisation.reminders_set',
        entityType: 'organisation',
        entityId: actor.orgId,
        details: { leadDays, previousLeadDays: result.previous },
      });
    }
    return { leadDays };
  });
}
