/**
 * The reflective log (`/api/reflections`): a practitioner's own entries, structured on Gibbs'
 * reflective cycle, private unless they share one into a caseload review.
 */
import { z } from 'zod';

/** Gibbs' six stages: the field, its heading, and a short hint of what to write. */
export const GIBBS_STAGES = [
  {
    field: 'description',
    heading: 'Description',
    hint: 'What happened? Who was involved, where and when — the facts, without judging yet.',
  },
  {
    field: 'feelings',
    heading: 'Feelings',
    hint: 'What were you thinking and feeling at the time, and afterwards?',
  },
  {
    field: 'evaluation',
    heading: 'Evaluation',
    hint: 'What went well and what went less well?',
  },
  {
    field: 'analysis',
    heading: 'Analysis',
    hint: 'Why did it go that way? What helps you make sense of it (guidance, training, experience)?',
  },
  {
    field: 'conclusion',
    heading: 'Conclusion',
    hint: 'What have you learned? What else could you have done?',
  },
  {
    field: 'actionPlan',
    heading: 'Action plan',
    hint: 'What will you do differently next time, or do next to develop?',
  },
] as const;
export type GibbsField = (typeof GIBBS_STAGES)[number]['field'];

export const reflectionIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a reflection id (a UUID) as listed by GET /api/reflections' }),
});

const titleSchema = z
  .string({ message: 'Give the entry a title' })
  .trim()
  .min(1, { message: 'Give the entry a title' })
  .max(200, { message: 'Use at most 200 characters for the title' });
const occurredOnSchema = z.iso
  .date({ message: 'Give the date it happened, such as 2026-11-20' })
  .describe('The day it happened (YYYY-MM-DD); not in the future.');
const stageSchema = (heading: string) =>
  z
    .string({ message: `Write the ${heading.toLowerCase()} as text` })
    .trim()
    .max(8000, { message: `Use at most 8000 characters for the ${heading.toLowerCase()}` });

const stages = {
  description: stageSchema('Description'),
  feelings: stageSchema('Feelings'),
  evaluation: stageSchema('Evaluation'),
  analysis: stageSchema('Analysis'),
  conclusion: stageSchema('Conclusion'),
  actionPlan: stageSchema('Action plan'),
};

export const createReflectionRequestSchema = z
  .strictObject({
    title: titleSchema,
    occurredOn: occurredOnSchema,
    description: stages.description.optional(),
    feelings: stages.feelings.optional(),
    evaluation: stages.evaluation.optional(),
    analysis: stages.analysis.optional(),
    conclusion: stages.conclusion.optional(),
    actionPlan: stages.actionPlan.optional(),
  })
  .meta({ id: 'CreateReflectionRequest' });
export type CreateReflectionRequest = z.infer<typeof createReflectionRequestSchema>;

export const updateReflectionRequestSchema = z
  .strictObject({
    title: titleSchema.optional(),
    occurredOn: occurredOnSchema.optional(),
    description: stages.description.optional(),
    feelings: stages.feelings.optional(),
    evaluation: stages.evaluation.optional(),
    analysis: stages.analysis.optional(),
    conclusion: stages.conclusion.optional(),
    actionPlan: stages.actionPlan.optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of title, occurredOn or the six headings',
  })
  .meta({ id: 'UpdateReflectionRequest' });
export type UpdateReflectionRequest = z.infer<typeof updateReflectionRequestSchema>;

export const reflectionSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    occurredOn: z.iso.date(),
    description: z.string(),
    feelings: z.string(),
    evaluation: z.string(),
    analysis: z.string(),
    conclusion: z.string(),
    actionPlan: z.string(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
    sharedInto: z
      .array(
        z.object({
          reviewId: z.uuid(),
          status: z.enum(['in-progress', 'completed']),
          sharedAt: z.iso.datetime(),
        }),
      )
      .describe('The caseload reviews you shared this entry into; their participants may read it there.'),
    locked: z
      .boolean()
      .describe('Shared into a completed review: part of that record, so it can no longer be changed.'),
  })
  .meta({ id: 'Reflection' });
export type ReflectionResponse = z.infer<typeof reflectionSchema>;

export const reflectionListSchema = z
  .object({ reflections: z.array(reflectionSchema).describe('The latest first.') })
  .meta({ id: 'ReflectionList' });
export type ReflectionListResponse = z.infer<typeof reflectionListSchema>;
