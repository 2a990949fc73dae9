/**
 * Resources of a case (`/api/cases/{caseId}/resources`, `…/specialists`): its owner, the
 * specialists who work on it beside the owner, the hours allocated to it and the effort it is
 * estimated to need (which the caseload forecast reads), and the resources check of a red case.
 */
import { z } from 'zod';

const caseIdSchema = z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' });

export const resourcesCaseParamsSchema = z.object({ caseId: caseIdSchema });

export const specialistParamsSchema = z.object({
  caseId: caseIdSchema,
  id: z.uuid({ message: 'Use a specialist id (a UUID) as listed by GET /api/cases/:caseId/specialists' }),
});

const isMultipleOf = (value: number, step: number) =>
  Math.abs(value / step - Math.round(value / step)) < 1e-9;

const hoursSchema = (what: string) =>
  z
    .number({ message: `Give ${what} as a number of hours from 0 to 1000, or null` })
    .min(0, { message: `Give ${what} as a number of hours from 0 to 1000` })
    .max(1000, { message: `Give ${what} as at most 1000 hours` });

export const allocatedHoursSchema = hoursSchema('the allocated time')
  .refine((v) => isMultipleOf(v, 0.25), {
    message: 'Give the allocated time in quarter hours (for example 1.25 or 2.5)',
  })
  .nullable()
  .describe('Hours allocated to the case, in quarter hours (0–1000); null: none allocated.');

export const estimatedEffortHoursSchema = hoursSchema('the estimated effort')
  .refine((v) => isMultipleOf(v, 0.01), {
    message: 'Give the estimated effort with at most two decimal places',
  })
  .nullable()
  .describe(
    'Hours of work the case is estimated to need from now (0–1000), read by the caseload forecast; ' +
      'null: not estimated.',
  );

export const updateResourcesRequestSchema = z
  .strictObject({
    allocatedHours: allocatedHoursSchema,
    estimatedEffortHours: estimatedEffortHoursSchema,
  })
  .meta({ id: 'UpdateResourcesRequest' });
export type UpdateResourcesRequest = z.infer<typeof updateResourcesRequestSchema>;

export const addSpecialistRequestSchema = z
  .strictObject({
    userId: z.uuid({
      message: 'Choose the colleague (their user id, as listed by GET /api/cases/:caseId/colleagues)',
    }),
    role: z
      .string({ message: 'Say what the specialist does on this case (for example “debt specialist”)' })
      .trim()
      .min(1, { message: 'Say what the specialist does on this case (for example “debt specialist”)' })
      .max(120, { message: 'Use at most 120 characters for the role' }),
    hours: hoursSchema('the specialist’s hours')
      .refine((v) => isMultipleOf(v, 0.25), { message: 'Give the specialist’s hours in quarter hours' })
      .optional()
      .describe('Hours of the specialist’s time allocated to the case (quarter hours, 0–1000).'),
  })
  .meta({ id: 'AddSpecialistRequest' });
export type AddSpecialistRequest = z.infer<typeof addSpecialistRequestSchema>;

const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const specialistSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    user: personRefSchema,
    role: z.string(),
    hours: z.number().nullable(),
    addedBy: personRefSchema,
    addedAt: z.iso.datetime(),
    removedBy: personRefSchema.nullable(),
    removedAt: z.iso.datetime().nullable(),
    canSeeCase: z
      .boolean()
      .describe(
        'A current specialist has a live share of the case (revoking that share ends their access); ' +
          'false once removed.',
      ),
  })
  .meta({ id: 'CaseSpecialist' });
export type SpecialistResponse = z.infer<typeof specialistSchema>;

export const specialistListSchema = z
  .object({
    specialists: z
      .array(specialistSchema)
      .describe('Current specialists first (by when added), then earlier ones.'),
  })
  .meta({ id: 'CaseSpecialistList' });
export type SpecialistListResponse = z.infer<typeof specialistListSchema>;

export const caseResourcesSchema = z
  .object({
    caseId: z.uuid(),
    owner: personRefSchema.extend({ active: z.boolean() }),
    allocatedHours: z.number().nullable(),
    estimatedEffortHours: z.number().nullable(),
    specialists: z.array(specialistSchema).describe('The current specialists (not those removed).'),
    band: z.enum(['red', 'amber', 'green']).nullable().describe('The band that counts; null: not assessed.'),
    check: z
      .object({
        problems: z
          .array(z.string())
          .describe(
            'What a red case lacks, in plain words, in the words of the worklist; empty when nothing.',
          ),
      })
      .describe(
        'The resources check (the worklist’s): a red case without an active owner, a next action with a ' +
          'due date, or allocated time. Amber, green, unassessed and closed cases have no problems.',
      ),
    yourAccess: z.object({
      contribute: z.boolean().describe('You may change the allocated hours and estimated effort.'),
      manage: z.boolean().describe('You may add and remove specialists.'),
    }),
  })
  .meta({ id: 'CaseResources' });
export type CaseResourcesResponse = z.infer<typeof caseResourcesSchema>;
