/**
 * Case weighting (`/api/complexity-factors`, `/api/cases/{caseId}/weight`,
 * `/api/cases/{caseId}/complexity-factors`): the organisation's complexity factors — multipliers
 * of a case type's base weight that apply by a rule or are ticked on the case — and a case's weight
 * with how it was made.
 */
import { z } from 'zod';
import { COMPLEXITY_RULES } from '../domain/weighting/complexity-factors.ts';
import { activeFlagSchema, sortOrderSchema } from './common.ts';

export const complexityRuleSchema = z
  .enum(COMPLEXITY_RULES, {
    message:
      'Choose when the factor applies: manual, vulnerability-high, interpreter-needed or safeguarding-open',
  })
  .describe(
    '`manual`: ticked on the case by the practitioner; `vulnerability-high`: the client’s vulnerability is ' +
      '2 or 3 of 0–3; `interpreter-needed`: the client needs an interpreter (spoken language or BSL); ' +
      '`safeguarding-open`: the case has an open safeguarding concern.',
  );

export const complexityFactorIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a complexity factor id (a UUID) as listed by GET /api/complexity-factors' }),
});

export const weightCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});

const labelSchema = z
  .string({ message: 'Enter a label for the factor, such as “Interpreter needed”' })
  .trim()
  .min(1, { message: 'Enter a label for the factor, such as “Interpreter needed”' })
  .max(120, { message: 'Use at most 120 characters for the label' });

const multiplierSchema = z
  .number({ message: 'Enter the multiplier as a number from 0.1 to 5, such as 1.25' })
  .min(0.1, { message: 'Use a multiplier from 0.1 to 5 (1.25 makes a case a quarter heavier)' })
  .max(5, { message: 'Use a multiplier from 0.1 to 5 (1.25 makes a case a quarter heavier)' })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    message: 'Use at most two decimal places for the multiplier',
  })
  .describe(
    'What the case’s weight is multiplied by when the factor applies (0.1–5; 1.25 is a quarter more).',
  );

const activeSchema = activeFlagSchema(
  'An inactive factor applies to no case (ticks on cases are kept for when it is active again).',
);

export const createComplexityFactorRequestSchema = z
  .strictObject({
    key: z
      .string({ message: 'Enter a key such as "litigation"' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        message:
          'Use 1 to 63 lower-case letters, digits and hyphens for the key, starting with a letter or digit, e.g. "litigation"',
      })
      .describe('A stable machine name; it cannot change once created.'),
    label: labelSchema,
    multiplier: multiplierSchema,
    appliesWhen: complexityRuleSchema.optional().describe('`manual` when left out.'),
    active: activeSchema.optional().describe('true when left out.'),
    sortOrder: sortOrderSchema.optional().describe('After the last factor when left out.'),
  })
  .meta({ id: 'CreateComplexityFactorRequest' });
export type CreateComplexityFactorRequest = z.infer<typeof createComplexityFactorRequestSchema>;

export const updateComplexityFactorRequestSchema = z
  .strictObject({
    key: z.never({ message: 'A factor’s key is fixed once created; change its label instead' }).optional(),
    label: labelSchema.optional(),
    multiplier: multiplierSchema.optional(),
    appliesWhen: complexityRuleSchema.optional(),
    active: activeSchema.optional(),
    sortOrder: sortOrderSchema.optional(),
  })
  .refine((b) => [b.label, b.multiplier, b.appliesWhen, b.active, b.sortOrder].some((v) => v !== undefined), {
    message: 'Send at least one of label, multiplier, appliesWhen, active or sortOrder',
  })
  .meta({ id: 'UpdateComplexityFactorRequest' });
export type UpdateComplexityFactorRequest = z.infer<typeof updateComplexityFactorRequestSchema>;

export const complexityFactorSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    multiplier: z.number(),
    appliesWhen: complexityRuleSchema,
    appliesWhenWords: z.string().describe('When the factor applies, in words.'),
    active: z.boolean(),
    sortOrder: z.number().int(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'ComplexityFactor' });
export type ComplexityFactorResponse = z.infer<typeof complexityFactorSchema>;

export const complexityFactorListSchema = z
  .object({
    factors: z.array(complexityFactorSchema).describe('Every factor, inactive ones too, in display order.'),
    rules: z
      .array(z.object({ rule: complexityRuleSchema, words: z.string() }))
      .describe('Every rule a factor can follow, with its meaning in words.'),
  })
  .meta({ id: 'ComplexityFactorList' });
export type ComplexityFactorListResponse = z.infer<typeof complexityFactorListSchema>;

export const setCaseComplexityFactorsRequestSchema = z
  .strictObject({
    factorIds: z
      .array(
        z.uuid({ message: 'Use complexity factor ids (UUIDs) as listed by GET /api/cases/:caseId/weight' }),
        {
          message: 'Send factorIds: the ids of the manual factors to tick ([] for none)',
        },
      )
      .max(50, { message: 'Tick at most 50 factors' })
      .describe(
        'Every active manual factor that applies to the case, ticked; the others are unticked. Ticks of ' +
          'inactive factors are kept.',
      ),
  })
  .meta({ id: 'SetCaseComplexityFactorsRequest' });
export type SetCaseComplexityFactorsRequest = z.infer<typeof setCaseComplexityFactorsRequestSchema>;

export const appliedFactorSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  label: z.string(),
  multiplier: z.number(),
  appliesWhen: complexityRuleSchema,
  appliesWhenWords: z.string(),
});

export const caseWeightSchema = z
  .object({
    caseId: z.uuid(),
    reference: z.string(),
    status: z.enum(['open', 'on_hold', 'closed']),
    countsInLoad: z
      .boolean()
      .describe('Open and on-hold cases count in their owner’s load; closed ones do not.'),
    caseType: z.object({ id: z.uuid(), name: z.string() }),
    weight: z.number().describe('The case’s weight, two decimals.'),
    baseWeight: z.number().describe('The case type’s base weight.'),
    adjustment: z.number().describe('The case’s own complexity weight (1 when none).'),
    explanation: z.string().describe('The sum in words, e.g. “Base 1.5 × Interpreter needed 1.25 = 1.88”.'),
    factors: z.array(appliedFactorSchema).describe('The factors that apply, in display order.'),
    manualFactors: z
      .array(
        z.object({
          id: z.uuid(),
          key: z.string(),
          label: z.string(),
          multiplier: z.number(),
          ticked: z.boolean(),
        }),
      )
      .describe('The active manual factors of the organisation, and whether each is ticked on the case.'),
    yourAccess: z.object({ contribute: z.boolean().describe('You may tick and untick manual factors.') }),
  })
  .meta({ id: 'CaseWeight' });
export type CaseWeightResponse = z.infer<typeof caseWeightSchema>;
