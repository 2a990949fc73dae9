/** Obstacles: what blocks progress on a case (`/api/cases/{caseId}/obstacles`, `/api/obstacles/{id}`). */
import { z } from 'zod';

export const obstacleCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const obstacleIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use an obstacle id (a UUID) as listed by GET /api/cases/{caseId}/obstacles' }),
});

export const OBSTACLE_CATEGORIES = [
  'client-contact-lost',
  'awaiting-third-party',
  'awaiting-documents',
  'capacity',
  'policy-or-legislation',
  'language-or-access',
  'other',
] as const;

export const obstacleCategorySchema = z.enum(OBSTACLE_CATEGORIES, {
  message: `Choose a category: ${OBSTACLE_CATEGORIES.join(', ')}`,
});

const descriptionSchema = z
  .string({ message: 'Describe what blocks progress' })
  .trim()
  .min(1, { message: 'Describe what blocks progress' })
  .max(2000, { message: 'Use at most 2000 characters for the description' });
const sinceSchema = z.iso
  .date({ message: 'Use a calendar date such as 2026-03-01 for since' })
  .describe('Since when it has blocked progress (YYYY-MM-DD; not in the future).');
const planSchema = z
  .string({ message: 'Describe the plan to overcome it' })
  .trim()
  .min(1, { message: 'Describe the plan to overcome it, or leave it out' })
  .max(2000, { message: 'Use at most 2000 characters for the plan' });

export const createObstacleRequestSchema = z
  .strictObject({
    category: obstacleCategorySchema,
    description: descriptionSchema,
    since: sinceSchema,
    plan: planSchema.optional(),
  })
  .meta({ id: 'CreateObstacleRequest' });
export type CreateObstacleRequest = z.infer<typeof createObstacleRequestSchema>;

export const updateObstacleRequestSchema = z
  .strictObject({
    category: obstacleCategorySchema.optional(),
    description: descriptionSchema.optional(),
    since: sinceSchema.optional(),
    plan: planSchema.nullable().optional().describe('null removes the plan.'),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of category, description, since or plan',
  })
  .meta({ id: 'UpdateObstacleRequest' });
export type UpdateObstacleRequest = z.infer<typeof updateObstacleRequestSchema>;

export const resolveObstacleRequestSchema = z
  .strictObject({
    resolution: z
      .string({ message: 'Say how the obstacle was overcome (or why it no longer applies)' })
      .trim()
      .min(1, { message: 'Say how the obstacle was overcome (or why it no longer applies)' })
      .max(2000, { message: 'Use at most 2000 characters for the resolution' }),
  })
  .meta({ id: 'ResolveObstacleRequest' });

export const obstacleSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    category: obstacleCategorySchema,
    description: z.string(),
    since: z.iso.date(),
    plan: z.string().nullable(),
    resolved: z.boolean(),
    resolvedAt: z.iso.datetime().nullable(),
    resolution: z.string().nullable(),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Obstacle' });
export type ObstacleResponse = z.infer<typeof obstacleSchema>;

export const obstacleListSchema = z
  .object({ obstacles: z.array(obstacleSchema).describe('Unresolved first, then by since.') })
  .meta({ id: 'ObstacleList' });
export type ObstacleListResponse = z.infer<typeof obstacleListSchema>;
