/**
 * The key dates register (`/api/key-dates/register`): a practitioner's pending key dates across
 * their cases, and a supervisor's backup diary of a team's or a team member's.
 */
import { z } from 'zod';
import { keyDateKindSchema, keyDateStatusSchema } from './key-dates.ts';

const dateFilter = (what: string) =>
  z.iso.date({ message: `Give ${what} as a calendar date such as 2026-12-31` }).optional();

export const keyDateRegisterQuerySchema = z.strictObject({
  scope: z
    .enum(['mine', 'team', 'user'], { message: 'Choose a scope: mine, team or user' })
    .default('mine')
    .describe(
      '`mine`: key dates of the cases you own; `team`: the backup diary of a team you supervise ' +
        '(`teamId`, or every team you supervise when left out); `user`: the key dates of one member ' +
        'of a team you supervise (`userId`).',
    ),
  teamId: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }).optional(),
  userId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/teams' }).optional(),
  from: dateFilter('from').describe('Only dates on or after this day.'),
  to: dateFilter('to').describe('Only dates on or before this day.'),
  status: z
    .enum(['pending', 'met', 'missed', 'cancelled', 'all'], {
      message: 'Choose a status: pending, met, missed, cancelled or all',
    })
    .default('pending')
    .describe('`pending` (the default) includes dates that have passed but are still pending.'),
});
export type KeyDateRegisterQuery = z.infer<typeof keyDateRegisterQuerySchema>;

export const keyDateRegisterRowSchema = z.object({
  id: z.uuid(),
  case: z.object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(['open', 'on_hold', 'closed']),
  }),
  owner: z.object({ id: z.uuid(), displayName: z.string() }),
  kind: keyDateKindSchema,
  description: z.string(),
  dueDate: z.iso.date(),
  dueTime: z.string().nullable().describe('HH:MM, or null for the whole day.'),
  status: keyDateStatusSchema,
  source: z.string().nullable(),
  workingDaysAway: z
    .number()
    .int()
    .describe(
      'Working days from today (in the organisation’s nation and time zone) to the date: 0 today, ' +
        'negative once it has passed.',
    ),
  overdue: z.boolean().describe('The date is before today: if still pending, it has been missed.'),
  computedFromTemplate: z
    .string()
    .nullable()
    .describe('The key of the time-limit template the date was worked out from, or null.'),
});
export type KeyDateRegisterRow = z.infer<typeof keyDateRegisterRowSchema>;

export const keyDateRegisterSchema = z
  .object({
    scope: z.enum(['mine', 'team', 'user']),
    teamId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    today: z.iso.date().describe('Today in the organisation’s time zone, from which days are counted.'),
    keyDates: z.array(keyDateRegisterRowSchema).describe('By date, then time (whole-day dates first).'),
  })
  .meta({ id: 'KeyDateRegister' });
export type KeyDateRegisterResponse = z.infer<typeof keyDateRegisterSchema>;
