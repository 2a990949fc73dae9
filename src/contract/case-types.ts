/** The organisation's case-type taxonomy (`/api/case-types`). */
import { z } from 'zod';
import { activeFlagSchema, sortOrderSchema } from './common.ts';

export const caseTypeIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a case type id (a UUID) as listed by GET /api/case-types' }),
});

export const listCaseTypesQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'], { message: 'Use all=true to include inactive case types, or leave it out' })
    .optional()
    .transform((v) => v === 'true')
    .describe('`true` (admins only) includes inactive case types.'),
});

const nameSchema = z
  .string({ message: 'Enter a name for the case type' })
  .trim()
  .min(1, { message: 'Enter a name for the case type' })
  .max(120, { message: 'Use at most 120 characters for the name' });

const baseWeightSchema = z
  .number({ message: 'Enter the base weight as a number such as 1 or 1.5' })
  .min(0.01, { message: 'Use a base weight above 0 (1 is an average case)' })
  .max(999.99, { message: 'Use a base weight of at most 999.99' })
  .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
    message: 'Use at most two decimal places for the base weight',
  })
  .describe('How much a case of this type weighs in a caseload; 1 is an average case.');

const activeSchema = activeFlagSchema(
  'Inactive types stay on existing cases but cannot be chosen for new ones.',
);

export const createCaseTypeRequestSchema = z
  .strictObject({
    key: z
      .string({ message: 'Enter a key such as "welfare-benefits"' })
      .trim()
      .regex(/^[a-z0-9-]{1,60}$/, {
        message: 'Use 1 to 60 lower-case letters, digits and hyphens for the key, e.g. "welfare-benefits"',
      })
      .describe('A stable machine name; it cannot change once created.'),
    name: nameSchema,
    baseWeight: baseWeightSchema.optional().describe('1 when left out.'),
    active: activeSchema.optional().describe('true when left out.'),
    sortOrder: sortOrderSchema.optional().describe('After the last type when left out.'),
  })
  .meta({ id: 'CreateCaseTypeRequest' });
export type CreateCaseTypeRequest = z.infer<typeof createCaseTypeRequestSchema>;

export const updateCaseTypeRequestSchema = z
  .strictObject({
    key: z.never({ message: 'A case type’s key is fixed once created; change its name instead' }).optional(),
    name: nameSchema.optional(),
    baseWeight: baseWeightSchema.optional(),
    active: activeSchema.optional(),
    sortOrder: sortOrderSchema.optional(),
  })
  .refine((b) => [b.name, b.baseWeight, b.active, b.sortOrder].some((v) => v !== undefined), {
    message: 'Send at least one of name, baseWeight, active or sortOrder',
  })
  .meta({ id: 'UpdateCaseTypeRequest' });
export type UpdateCaseTypeRequest = z.infer<typeof updateCaseTypeRequestSchema>;

export const caseTypeSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    baseWeight: z.number(),
    active: z.boolean(),
    sortOrder: z.number().int(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseType' });
export type CaseTypeResponse = z.infer<typeof caseTypeSchema>;

export const caseTypeListSchema = z
  .object({ caseTypes: z.array(caseTypeSchema) })
  .meta({ id: 'CaseTypeList' });
export type CaseTypeListResponse = z.infer<typeof caseTypeListSchema>;
