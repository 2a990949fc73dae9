/**
 * Outcomes: the organisation's outcome list (`/api/outcome-types`), financial outcomes of a case
 * (`/api/cases/{caseId}/financial-outcomes`, amounts in whole pence) and the outcome report
 * (`/api/outcome-report`, JSON or CSV).
 */
import { z } from 'zod';
import { FINANCIAL_FREQUENCIES, MAX_AMOUNT_PENCE } from '../domain/outcomes/money.ts';
import { FINANCIAL_KINDS, GOAL_RESULTS, REFERRAL_OUT_STATUSES } from '../domain/outcomes/outcome-report.ts';
import { sortOrderSchema } from './common.ts';

export const outcomeTypeIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use an outcome id (a UUID) as listed by GET /api/outcome-types' }),
});
export const financialOutcomeCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});

/** Query parameters (no .meta id: @fastify/swagger cannot resolve a $ref among query parameters). */
export const listOutcomeTypesQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'], { message: 'Give all as true or false' })
    .optional()
    .transform((v) => v === 'true')
    .describe('Admins: include inactive outcomes.'),
});

const labelSchema = z
  .string({ message: 'Enter the outcome’s label' })
  .trim()
  .min(1, { message: 'Enter the outcome’s label, e.g. “Resolved”' })
  .max(120, { message: 'Use at most 120 characters for the label' });
export const createOutcomeTypeRequestSchema = z
  .strictObject({
    key: z
      .string({ message: 'Enter a key: lower-case letters, digits and hyphens' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        message:
          'Use lower-case letters, digits and hyphens for the key (up to 63), e.g. “debt-relief-order”',
      })
      .describe('Fixed once created: reports and closed cases refer to it.'),
    label: labelSchema,
    positive: z
      .boolean({ message: 'Say whether the outcome counts as positive (true or false)' })
      .default(false)
      .describe('Counts as a successful outcome in reports.'),
    active: z.boolean({ message: 'Say whether the outcome is in use (true or false)' }).default(true),
    sortOrder: sortOrderSchema.optional().describe('Position in the list; after the last when left out.'),
  })
  .meta({ id: 'CreateOutcomeTypeRequest' });
export type CreateOutcomeTypeRequest = z.input<typeof createOutcomeTypeRequestSchema>;

export const updateOutcomeTypeRequestSchema = z
  .strictObject({
    label: labelSchema.optional(),
    positive: z.boolean({ message: 'Say whether the outcome counts as positive (true or false)' }).optional(),
    active: z
      .boolean({ message: 'Say whether the outcome is in use (true or false)' })
      .optional()
      .describe('Inactive outcomes cannot be chosen when closing a case; closed cases keep theirs.'),
    sortOrder: sortOrderSchema.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of label, positive, active or sortOrder (the key never changes)',
  })
  .meta({ id: 'UpdateOutcomeTypeRequest' });
export type UpdateOutcomeTypeRequest = z.infer<typeof updateOutcomeTypeRequestSchema>;

export const outcomeTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    positive: z.boolean(),
    active: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'OutcomeType' });
export type OutcomeTypeResponse = z.infer<typeof outcomeTypeSchema>;

export const outcomeTypeListSchema = z
  .object({ outcomeTypes: z.array(outcomeTypeSchema).describe('In the list’s order.') })
  .meta({ id: 'OutcomeTypeList' });
export type OutcomeTypeListResponse = z.infer<typeof outcomeTypeListSchema>;

// Financial outcomes.

export const financialKindSchema = z.enum(FINANCIAL_KINDS, {
  message: `Choose the kind: ${FINANCIAL_KINDS.join(', ')}`,
});
export const financialFrequencySchema = z.enum(FINANCIAL_FREQUENCIES, {
  message: `Choose how often: ${FINANCIAL_FREQUENCIES.join(', ')}`,
});

export const financialOutcomeInputSchema = z
  .strictObject({
    kind: financialKindSchema,
    amountPence: z
      .number({ message: 'Give the amount in whole pence (e.g. 2500 for £25.00)' })
      .int({ message: 'Give the amount in whole pence (e.g. 2500 for £25.00)' })
      .min(1, { message: 'Give an amount of at least 1 penny' })
      .max(MAX_AMOUNT_PENCE, { message: 'Give an amount of at most £1,000,000,000' })
      .describe('Whole pence (2500 is £25.00); for income, the amount per the frequency.'),
    frequency: financialFrequencySchema.describe(
      'one-off, weekly, monthly or annual; reports annualise weekly × 52 and monthly × 12.',
    ),
    description: z
      .string({ message: 'Describe the outcome as text' })
      .trim()
      .max(1000, { message: 'Use at most 1000 characters for the description' })
      .optional()
      .describe('E.g. “PIP standard daily living”.'),
  })
  .meta({ id: 'NewFinancialOutcome' });
export type FinancialOutcomeInput = z.infer<typeof financialOutcomeInputSchema>;

export const financialOutcomeSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    kind: financialKindSchema,
    amountPence: z.number().int(),
    frequency: financialFrequencySchema,
    annualisedPence: z.number().int().describe('weekly × 52, monthly × 12; annual and one-off as they are.'),
    description: z.string().nullable(),
    recordedBy: z.object({ id: z.uuid(), displayName: z.string() }),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'FinancialOutcome' });
export type FinancialOutcomeResponse = z.infer<typeof financialOutcomeSchema>;

export const financialOutcomeListSchema = z
  .object({
    recorded: z.boolean().describe('Whether your organisation records financial outcomes.'),
    financialOutcomes: z.array(financialOutcomeSchema).describe('Oldest first.'),
  })
  .meta({ id: 'FinancialOutcomeList' });
export type FinancialOutcomeListResponse = z.infer<typeof financialOutcomeListSchema>;

// The outcome report.

/** Query parameters (no .meta id). */
export const outcomeReportQuerySchema = z.strictObject({
  from: z.iso
    .date({ message: 'Give from as a calendar date such as 2026-10-01' })
    .optional()
    .describe('First day of the period; 89 days before `to` when left out.'),
  to: z.iso
    .date({ message: 'Give to as a calendar date such as 2026-12-31' })
    .optional()
    .describe('Last day of the period (included); today when left out.'),
  scope: z
    .enum(['mine', 'user', 'team'], { message: 'Choose a scope: mine, user or team' })
    .default('mine')
    .describe(
      'As the worklist: your cases; one member of a team you supervise (userId); a team you supervise (teamId, or all of them).',
    ),
  userId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' }).optional(),
  teamId: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }).optional(),
  format: z
    .enum(['json', 'csv'], { message: 'Choose a format: json or csv' })
    .default('json')
    .describe('csv: the same figures as a CSV file (section, key, label, count, annualised_pounds).'),
});
export type OutcomeReportQuery = z.infer<typeof outcomeReportQuerySchema>;

export const outcomeReportSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    scope: z.enum(['mine', 'user', 'team']),
    userId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    closedCases: z.object({
      total: z.number().int(),
      positive: z.number().int().describe('Closed with an outcome the organisation counts as positive.'),
      byOutcome: z.array(
        z.object({
          key: z.string().nullable().describe('null: closed before the outcome list (not recorded).'),
          label: z.string(),
          positive: z.boolean(),
          count: z.number().int(),
        }),
      ),
    }),
    financialOutcomes: z.object({
      byKind: z.array(
        z.object({
          kind: financialKindSchema,
          label: z.string(),
          count: z.number().int(),
          annualisedPence: z.number().int(),
        }),
      ),
      totalAnnualisedPence: z.number().int(),
      basis: z.string().describe('How amounts are annualised, in words.'),
    }),
    goalResults: z.array(
      z.object({ result: z.enum(GOAL_RESULTS), label: z.string(), count: z.number().int() }),
    ),
    referralsOut: z.object({
      total: z.number().int(),
      byStatus: z.array(z.object({ status: z.enum(REFERRAL_OUT_STATUSES), count: z.number().int() })),
    }),
    notes: z.array(z.string()).describe('What each figure counts, in words.'),
  })
  .meta({ id: 'OutcomeReport' });
export type OutcomeReportResponse = z.infer<typeof outcomeReportSchema>;
