/**
 * Time-limit templates (`/api/time-limit-templates`): rules with their source that turn an event
 * date into a key date. The schema checks the shape; the domain (src/domain/time-limits) checks the
 * rest and names each problem's field. A computed date is a prompt: the practitioner must confirm it.
 */
import { z } from 'zod';

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .max(max, { message: `Use at most ${max} characters for ${what}` });

const count = (what: string) => z.number({ message: `Give the number of ${what} as a whole number` });

export const timeLimitRuleSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({
        kind: z.literal('calendar-months'),
        months: count('months').describe('1 to 120.'),
        lessOneDay: z
          .boolean({ message: 'Answer lessOneDay with true or false' })
          .optional()
          .describe('"Three months less one day": the day before the date the months reach.'),
      }),
      z.strictObject({
        kind: z.literal('calendar-days'),
        days: count('days').describe('1 to 3650.'),
        includesEventDay: z
          .boolean({ message: 'Answer includesEventDay with true or false' })
          .optional()
          .describe('The event day is day 1 ("21 days beginning with the day of notification").'),
      }),
      z.strictObject({ kind: z.literal('working-days'), days: count('working days').describe('1 to 3650.') }),
    ],
    { message: 'Choose how the limit counts: calendar-months, calendar-days or working-days' },
  )
  .meta({ id: 'TimeLimitRule' });
export type TimeLimitRuleBody = z.infer<typeof timeLimitRuleSchema>;

export const timeLimitAlternativeSchema = z
  .strictObject({
    condition: text('when the alternative applies', 500).describe(
      'When the alternative rule applies, e.g. "an acknowledgment of service was filed".',
    ),
    rule: timeLimitRuleSchema,
  })
  .meta({ id: 'TimeLimitAlternative' });

const templateFields = {
  name: text('a name for the time limit', 200),
  source: text('the source of the time limit (the rule or statute)', 1000).describe(
    'Citation of the rule, e.g. "Civil Procedure Rules, r. 15.4".',
  ),
  eventLabel: text('the event the time limit runs from', 200).describe(
    'Words that follow "from", e.g. "the date of the decision".',
  ),
  rule: timeLimitRuleSchema,
  alternative: timeLimitAlternativeSchema
    .nullable()
    .optional()
    .describe('A second rule for a stated case; null or left out for none.'),
  caution: text('what the practitioner should check', 2000).describe(
    'What to check for this limit; shown after "Check this date yourself:".',
  ),
  sortOrder: z
    .number({ message: 'Give the position as a whole number' })
    .int({ message: 'Give the position as a whole number' })
    .min(0, { message: 'Use a position of 0 or more' })
    .max(100_000, { message: 'Use a position of at most 100000' })
    .optional()
    .describe('Position in lists; after the last template when left out (create) or unchanged (edit).'),
};

export const templateKeyParamsSchema = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9-]{1,80}$/, { message: 'Use a template key as listed by GET /api/time-limit-templates' }),
});

/** Activating and deactivating take no body; one sent must be empty. */
export const noBodySchema = z.strictObject({}).nullish().describe('Send no body (or an empty object).');

export const listTimeLimitTemplatesQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'], { message: 'Use all=true to include inactive templates, or leave it out' })
    .optional()
    .transform((v) => v === 'true')
    .describe('`true` (admins only) includes inactive templates.'),
});

export const createTimeLimitTemplateRequestSchema = z
  .strictObject({
    key: z
      .string({ message: 'Enter a key such as "housing-possession-defence"' })
      .trim()
      .max(80, { message: 'Use at most 80 characters for the key' })
      .describe('Lower-case letters and digits separated by hyphens; fixed once created.'),
    ...templateFields,
  })
  .meta({ id: 'CreateTimeLimitTemplateRequest' });
export type CreateTimeLimitTemplateRequest = z.infer<typeof createTimeLimitTemplateRequestSchema>;

export const updateTimeLimitTemplateRequestSchema = z
  .strictObject({
    key: z.never({ message: 'A template’s key is fixed once created' }).optional(),
    ...templateFields,
  })
  .meta({ id: 'UpdateTimeLimitTemplateRequest' });
export type UpdateTimeLimitTemplateRequest = z.infer<typeof updateTimeLimitTemplateRequestSchema>;

export const timeLimitTemplateSchema = z
  .object({
    key: z.string(),
    name: z.string(),
    source: z.string(),
    eventLabel: z.string(),
    rule: timeLimitRuleSchema,
    alternative: timeLimitAlternativeSchema.nullable(),
    caution: z.string(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    updatedAt: z.iso.datetime(),
    updatedBy: z.uuid().nullable().describe('null for the seeded template, never edited.'),
  })
  .meta({ id: 'TimeLimitTemplate' });
export type TimeLimitTemplateResponse = z.infer<typeof timeLimitTemplateSchema>;

export const timeLimitTemplateListSchema = z
  .object({
    templates: z.array(timeLimitTemplateSchema),
    mustConfirm: z
      .string()
      .describe('The sentence every computed date carries: the practitioner must confirm it.'),
  })
  .meta({ id: 'TimeLimitTemplateList' });
export type TimeLimitTemplateListResponse = z.infer<typeof timeLimitTemplateListSchema>;

export const computeKeyDateRequestSchema = z
  .strictObject({
    eventDate: z.iso
      .date({ message: 'Give the date of the event as a calendar date such as 2026-12-31' })
      .describe('The date of the event the limit runs from.'),
    useAlternative: z
      .boolean({ message: 'Answer useAlternative with true or false' })
      .optional()
      .describe('Apply the template’s alternative rule.'),
  })
  .meta({ id: 'ComputeKeyDateRequest' });
export type ComputeKeyDateRequest = z.infer<typeof computeKeyDateRequestSchema>;

export const computedKeyDateSchema = z
  .object({
    templateKey: z.string(),
    templateName: z.string(),
    eventDate: z.iso.date(),
    useAlternative: z.boolean(),
    date: z.iso.date().describe('The key date the template gives.'),
    explanation: z.string().describe('How the date was reached, in plain words.'),
    confirmRequired: z.literal(true).describe('Always true: the practitioner must confirm the date.'),
    warning: z.string().describe('"Check this date yourself: …", ending with the must-confirm sentence.'),
    source: z.string(),
    nation: z.enum(['england-and-wales', 'scotland', 'northern-ireland']),
  })
  .meta({ id: 'ComputedKeyDate' });
export type ComputedKeyDateResponse = z.infer<typeof computedKeyDateSchema>;
