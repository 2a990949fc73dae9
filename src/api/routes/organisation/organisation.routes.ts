/** Organisation settings: the reminder lead times of key dates (everyone reads, admins change). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { reminderSettingsRequestSchema, reminderSettingsSchema } from '../../../contract/organisation.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { DEFAULT_REMINDER_LEAD_DAYS } from '../../../domain/key-dates/reminder-lead-days.ts';
import { getReminderSettings } from '../../../services/organisation/get-reminder-settings.ts';
import { setReminderSettings } from '../../../services/organisation/set-reminder-settings.ts';

const problems = problemResponses(400, 401, 403);
const tags = ['organisation'];

const present = (s: { leadDays: number[] }) => ({
  leadDays: s.leadDays,
  defaultLeadDays: [...DEFAULT_REMINDER_LEAD_DAYS],
});

export const organisationRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/reminders',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The working days before a key date at which reminders go out',
        description: 'A key date may set its own (`reminderLeadDays`); the default is 10, 5, 2 and 1.',
        tags,
        response: { 200: reminderSettingsSchema, ...problems },
      },
    },
    async (request) => present(await getReminderSettings(request.ctx)),
  );

  app.put(
    '/reminders',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Set the organisation’s reminder lead times (admins)',
        description:
          '1 to 10 whole numbers of working days from 1 to 60, each once (VALIDATION_FAILED naming ' +
          '`leadDays`); stored longest first. Audited (organisation.reminders_set).',
        tags,
        body: reminderSettingsRequestSchema,
        response: { 200: reminderSettingsSchema, ...problems },
      },
    },
    async (request) => present(await setReminderSettings(request.ctx, request.body)),
  );
};
