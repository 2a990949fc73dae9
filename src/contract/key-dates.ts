/** Key dates: deadlines, hearings and appointments of a case (`/api/cases/{caseId}/key-dates`, `/api/key-dates/{id}`). */
import { z } from 'zod';

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

export const createKeyDateRequestSchema = z
  .strictObject({
    kind: keyDateKindSchema,
    dueDate: dueDateSchema,
    dueTime: dueTimeSchema.optional(),
    description: descriptionSchema,
    source: sourceSchema.optional(),
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
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of kind, dueDate, dueTime, description or source',
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
