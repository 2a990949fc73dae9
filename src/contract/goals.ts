/** Goals: SMART outcomes agreed with the client, their progress and result (`/api/cases/{caseId}/goals`, `/api/goals/{id}`). */
import { z } from 'zod';

export const goalCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const goalIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a goal id (a UUID) as listed by GET /api/cases/{caseId}/goals' }),
});

const descriptionSchema = z
  .string({ message: 'Describe the goal specifically: what will be different for the client' })
  .trim()
  .min(1, { message: 'Describe the goal specifically: what will be different for the client' })
  .max(2000, { message: 'Use at most 2000 characters for the description' });
const measureSchema = z
  .string({ message: 'Say how you will know it is achieved, e.g. "PIP award letter received"' })
  .trim()
  .min(1, { message: 'Say how you will know it is achieved, e.g. "PIP award letter received"' })
  .max(1000, { message: 'Use at most 1000 characters for the measure' });
const targetDateSchema = z.iso
  .date({ message: 'Use a calendar date such as 2026-12-31 for the target date' })
  .describe('When it should be achieved by (YYYY-MM-DD).');

export const goalResultSchema = z.enum(['achieved', 'partly_achieved', 'not_achieved', 'withdrawn'], {
  message: 'Choose a result: achieved, partly_achieved, not_achieved or withdrawn',
});
export const goalStatusSchema = z.enum([
  'active',
  'achieved',
  'partly_achieved',
  'not_achieved',
  'withdrawn',
]);

export const createGoalRequestSchema = z
  .strictObject({ description: descriptionSchema, measure: measureSchema, targetDate: targetDateSchema })
  .meta({ id: 'CreateGoalRequest' });
export type CreateGoalRequest = z.infer<typeof createGoalRequestSchema>;

export const updateGoalRequestSchema = z
  .strictObject({
    description: descriptionSchema.optional(),
    measure: measureSchema.optional(),
    targetDate: targetDateSchema.optional(),
  })
  .refine((b) => b.description !== undefined || b.measure !== undefined || b.targetDate !== undefined, {
    message: 'Send at least one of description, measure or targetDate',
  })
  .meta({ id: 'UpdateGoalRequest' });
export type UpdateGoalRequest = z.infer<typeof updateGoalRequestSchema>;

export const goalProgressRequestSchema = z
  .strictObject({
    text: z
      .string({ message: 'Say what has moved towards the goal (or what has not)' })
      .trim()
      .min(1, { message: 'Say what has moved towards the goal (or what has not)' })
      .max(2000, { message: 'Use at most 2000 characters' }),
  })
  .meta({ id: 'GoalProgressRequest' });

export const goalResultRequestSchema = z
  .strictObject({
    status: goalResultSchema,
    note: z
      .string({ message: 'Say what the result rests on, e.g. "award letter of 3 March"' })
      .trim()
      .min(1, { message: 'Say what the result rests on, e.g. "award letter of 3 March"' })
      .max(2000, { message: 'Use at most 2000 characters for the note' }),
  })
  .meta({ id: 'GoalResultRequest' });
export type GoalResultRequest = z.infer<typeof goalResultRequestSchema>;

export const goalProgressEntrySchema = z
  .object({
    id: z.uuid(),
    text: z.string(),
    recordedBy: z.uuid(),
    recordedByName: z.string(),
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'GoalProgress' });

export const goalSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    description: z.string(),
    measure: z.string().nullable(),
    targetDate: z.iso.date().nullable(),
    status: goalStatusSchema,
    resultNote: z.string().nullable(),
    resultAt: z.iso.datetime().nullable(),
    progress: z.array(goalProgressEntrySchema).describe('Oldest first.'),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Goal' });
export type GoalResponse = z.infer<typeof goalSchema>;

export const goalListSchema = z.object({ goals: z.array(goalSchema) }).meta({ id: 'GoalList' });
export type GoalListResponse = z.infer<typeof goalListSchema>;
