/** Key dates: deadlines, hearings and appointments of a case (`/api/cases/{caseId}/key-dates`, `/api/key-dates/{id}`). */
import { z } from 'zod';
import { reminderLeadDaysProblem } from '../domain/key-dates/reminder-lead-days.ts';

export const keyDateCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const keyDateIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a key date id (a UUID) as listed by GET /api/cases/{caseId}/key-dates' }),
});

export const KEY_DATE_KINDS = [
  'statutory-deadline',
  'hearing',
  'limitation-date',
  'appeal-deadline',
  'appointment',
  'internal-target',
] as const;

export const keyDateKindSchema = z.enum(KEY_DATE_KINDS, {
  message: `Choose a kind: ${KEY_DATE_KINDS.join(', ')}`,
});
export const keyDateStatusSchema = z.enum(['pending', 'met', 'missed', 'cancelled'], {
  message: 'Choose a status: pending, met, missed or cancelled',
});

const dueDateSchema = z.iso
  .date({ message: 'Use a calendar date such as 2026-12-31' })
  .describe('The date (YYYY-MM-DD), in the organisation’s time zone.');
const dueTimeSchema = z.iso
  .time({ precision: -1, message: 'Use a 24-hour time such as 09:30' })
  .describe('The time of day (HH:MM, 24-hour), when it matters (hearings, appointments).');
const descriptionSchema = z
  .string({ message: 'Say what the date is, e.g. "Mandatory reconsideration deadline"' })
  .trim()
  .min(1, { message: 'Say what the date is, e.g. "Mandatory reconsideration deadline"' })
  .max(1000, { message: 'Use at most 1000 characters for the description' });
const sourceSchema = z
  .string({ message: 'Say where the date comes from, e.g. "DWP decision letter of 3 March"' })
  .trim()
  .min(1, { message: 'Say where the date comes from, or leave it out' })
  .max(1000, { message: 'Use at most 1000 characters for the source' })
  .describe('Where the date comes from (a letter, a rule, the court).');

const reminderLeadDaysSchema = z
  .array(z.number({ message: 'Give each lead time as a whole number of working days from 1 to 60' }), {
    message: 'Give the lead times as a list of working days, e.g. [10, 5, 2, 1]',
  })
  .superRefine((days, issues) => {
    const problem = reminderLeadDaysProblem(days, { allowEmpty: true });
    if (problem) issues.addIssue({ code: 'custom', message: problem });
  })
  .describe(
    'Working days before the date at which reminders go out (1–60, each once, at most 10; [] for none). ' +
      'Left out or null: the organisation’s lead times (GET /api/organisation/reminders).',
  );

export const CONFIRM_COMPUTED_DATE_MESSAGE =
  'Confirm that you have checked the computed date against the case documents and the source';

export const keyDateFromTemplateSchema = z
  .strictObject({
    templateKey: z
      .string({ message: 'Choose a time limit (a template key as listed by GET /api/time-limit-templates)' })
      .regex(/^[a-z0-9-]{1,80}$/, {
        message: 'Choose a time limit (a template key as listed by GET /api/time-limit-templates)',
      }),
    eventDate: z.iso
      .date({ message: 'Give the date of the event the time limit runs from, such as 2026-12-31' })
      .describe('The date of the event the limit runs from (the decision, the notice, service).'),
    useAlternative: z
      .boolean({ message: 'Answer useAlternative with true or false' })
      .optional()
      .describe('Apply the template’s alternative rule (e.g. an acknowledgment of service was filed).'),
    confirmed: z
      .literal(true, { message: CONFIRM_COMPUTED_DATE_MESSAGE })
      .describe(
        'Must be true: the practitioner confirms the date; a computed date is never relied on unchecked.',
      ),
  })
  .describe(
    'Work the date out from a time-limit template. dueDate defaults to the computed date; a different ' +
      'dueDate is kept and shown as differing from the computed one. source defaults to the template’s source.',
  );
export type KeyDateFromTemplate = z.infer<typeof keyDateFromTemplateSchema>;

export const createKeyDateRequestSchema = z
  .strictObject({
    kind: keyDateKindSchema,
    dueDate: dueDateSchema
      .optional()
      .describe('Required unless fromTemplate is given (then the computed date).'),
    dueTime: dueTimeSchema.optional(),
    description: descriptionSchema,
    source: sourceSchema.optional(),
    reminderLeadDays: reminderLeadDaysSchema.nullable().optional(),
    fromTemplate: keyDateFromTemplateSchema.optional(),
  })
  .superRefine((body, issues) => {
    if (body.dueDate === undefined && body.fromTemplate === undefined) {
      issues.addIssue({
        code: 'custom',
        path: ['dueDate'],
        message: 'Use a calendar date such as 2026-12-31',
      });
    }
  })
  .meta({ id: 'CreateKeyDateRequest' });
export type CreateKeyDateRequest = z.infer<typeof createKeyDateRequestSchema>;

export const updateKeyDateRequestSchema = z
  .strictObject({
    kind: keyDateKindSchema.optional(),
    dueDate: dueDateSchema.optional(),
    dueTime: dueTimeSchema.nullable().optional().describe('null removes the time.'),
    description: descriptionSchema.optional(),
    source: sourceSchema.nullable().optional().describe('null removes the source.'),
    reminderLeadDays: reminderLeadDaysSchema
      .nullable()
      .optional()
      .describe('null: back to the organisation’s lead times.'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of kind, dueDate, dueTime, description, source or reminderLeadDays',
  })
  .meta({ id: 'UpdateKeyDateRequest' });
export type UpdateKeyDateRequest = z.infer<typeof updateKeyDateRequestSchema>;

export const keyDateStatusRequestSchema = z
  .strictObject({
    status: keyDateStatusSchema,
    note: z
      .string()
      .trim()
      .min(1, { message: 'Write a note, or leave it out' })
      .max(2000, { message: 'Use at most 2000 characters for the note' })
      .optional()
      .describe('Why, e.g. "hearing adjourned to 4 May".'),
  })
  .meta({ id: 'KeyDateStatusRequest' });
export type KeyDateStatusRequest = z.infer<typeof keyDateStatusRequestSchema>;

export const keyDateComputedFromSchema = z
  .object({
    templateKey: z.string(),
    templateName: z.string(),
    eventDate: z.iso.date(),
    useAlternative: z.boolean(),
    computedDate: z.iso.date().describe('The date the template gave.'),
    explanation: z.string().describe('How the template reached it, in plain words.'),
    source: z.string().describe('The template’s source (rule or statute) when the date was worked out.'),
    confirmedBy: z.uuid().describe('The practitioner who confirmed the date.'),
    confirmedAt: z.iso.datetime(),
    differsFromComputed: z
      .boolean()
      .describe('The key date is not on the computed date: the practitioner chose another.'),
  })
  .meta({ id: 'KeyDateComputedFrom' });
export type KeyDateComputedFromResponse = z.infer<typeof keyDateComputedFromSchema>;

export const keyDateSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: keyDateKindSchema,
    dueDate: z.iso.date(),
    dueTime: z.string().nullable().describe('HH:MM, or null for the whole day.'),
    description: z.string(),
    source: z.string().nullable(),
    status: keyDateStatusSchema,
    statusNote: z.string().nullable(),
    reminderLeadDays: z
      .array(z.number().int())
      .nullable()
      .describe('Working days before the date for reminders, longest first; null: the organisation’s.'),
    computedFrom: keyDateComputedFromSchema
      .nullable()
      .describe('How the date was worked out from a time-limit template, or null.'),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'KeyDate' });
export type KeyDateResponse = z.infer<typeof keyDateSchema>;

export const keyDateListSchema = z
  .object({ keyDates: z.array(keyDateSchema).describe('By date, then time (whole-day dates first).') })
  .meta({ id: 'KeyDateList' });
export type KeyDateListResponse = z.infer<typeof keyDateListSchema>;
