/** Organisation settings (`/api/organisation/...`): the reminder lead times of key dates. */
import { z } from 'zod';
import { reminderLeadDaysProblem } from '../domain/key-dates/reminder-lead-days.ts';

export const reminderSettingsRequestSchema = z
  .strictObject({
    leadDays: z
      .array(z.number({ message: 'Give each lead time as a whole number of working days from 1 to 60' }), {
        message: 'Give the lead times as a list of working days, e.g. [10, 5, 2, 1]',
      })
      .superRefine((days, issues) => {
        const problem = reminderLeadDaysProblem(days, { allowEmpty: false });
        if (problem) issues.addIssue({ code: 'custom', message: problem });
      })
      .describe(
        'Working days before a key date at which reminders go out: 1–60, each once, 1 to 10 of them.',
      ),
  })
  .meta({ id: 'ReminderSettingsRequest' });
export type ReminderSettingsRequest = z.infer<typeof reminderSettingsRequestSchema>;

export const reminderSettingsSchema = z
  .object({
    leadDays: z.array(z.number().int()).describe('Longest first. The default is [10, 5, 2, 1].'),
    defaultLeadDays: z.array(z.number().int()).describe('The built-in lead times, [10, 5, 2, 1].'),
  })
  .meta({ id: 'ReminderSettings' });
export type ReminderSettingsResponse = z.infer<typeof reminderSettingsSchema>;
