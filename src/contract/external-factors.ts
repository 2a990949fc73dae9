/**
 * External factors (`/api/external-factors`): dated annotations — a policy change, a seasonal
 * peak, an office closure, a staff absence — for the whole organisation, a team or a person, shown
 * on the dashboard's trend charts and in reviews.
 */
import { z } from 'zod';
import { EXTERNAL_FACTOR_KINDS } from '../domain/dashboard/external-factors.ts';

export const externalFactorKindSchema = z.enum(EXTERNAL_FACTOR_KINDS, {
  message: `Choose a kind: ${EXTERNAL_FACTOR_KINDS.join(', ')}`,
});

const dateSchema = (what: string) =>
  z.iso.date({ message: `Give the ${what} as a calendar date such as 2026-12-24` });

const titleSchema = z
  .string({ message: 'Give the factor a short title, e.g. "Office closed for Christmas"' })
  .trim()
  .min(1, { message: 'Give the factor a short title, e.g. "Office closed for Christmas"' })
  .max(200, { message: 'Use at most 200 characters for the title' });
const descriptionSchema = z
  .string({ message: 'Describe the factor in words, or leave it out' })
  .trim()
  .max(2000, { message: 'Use at most 2000 characters for the description' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

const fields = {
  kind: externalFactorKindSchema,
  title: titleSchema,
  description: descriptionSchema.optional().describe('More detail (up to 2000 characters).'),
  startsOn: dateSchema('first day').describe('The first day (YYYY-MM-DD).'),
  endsOn: dateSchema('last day')
    .nullable()
    .optional()
    .describe('The last day (YYYY-MM-DD), on or after the first; null or left out: one day.'),
  teamId: z
    .uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' })
    .nullable()
    .optional()
    .describe('The team it bears on; null with no userId: the whole organisation.'),
  userId: z
    .uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' })
    .nullable()
    .optional()
    .describe('The person it bears on (e.g. a staff absence); not with teamId.'),
};

export const createExternalFactorRequestSchema = z
  .strictObject(fields)
  .meta({ id: 'CreateExternalFactorRequest' });
export type CreateExternalFactorRequest = z.infer<typeof createExternalFactorRequestSchema>;

export const changeExternalFactorRequestSchema = z
  .strictObject({
    kind: fields.kind.optional(),
    title: fields.title.optional(),
    description: fields.description,
    startsOn: fields.startsOn.optional(),
    endsOn: fields.endsOn,
    teamId: fields.teamId,
    userId: fields.userId,
  })
  .meta({ id: 'ChangeExternalFactorRequest' });
export type ChangeExternalFactorRequest = z.infer<typeof changeExternalFactorRequestSchema>;

export const externalFactorIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use an external factor id (a UUID) as listed by GET /api/external-factors' }),
});

export const externalFactorsQuerySchema = z.strictObject({
  from: dateSchema('first day of the period').optional().describe('Only factors on or after this day.'),
  to: dateSchema('last day of the period').optional().describe('Only factors on or before this day.'),
});

export const externalFactorSchema = z
  .object({
    id: z.string(),
    kind: externalFactorKindSchema,
    title: z.string(),
    description: z.string().nullable(),
    startsOn: z.string(),
    endsOn: z.string().nullable(),
    teamId: z.string().nullable(),
    teamName: z.string().nullable(),
    userId: z.string().nullable(),
    userName: z.string().nullable(),
    createdBy: z.string(),
    createdAt: z.string(),
    updatedAt: z.string(),
    canChange: z.boolean().describe('Whether you may change or remove it.'),
  })
  .meta({ id: 'ExternalFactor' });
export type ExternalFactor = z.infer<typeof externalFactorSchema>;

export const externalFactorListSchema = z
  .object({
    items: z.array(externalFactorSchema),
    canAdd: z.boolean().describe('Whether you may add factors (admins and supervisors).'),
  })
  .meta({ id: 'ExternalFactorList' });
export type ExternalFactorList = z.infer<typeof externalFactorListSchema>;
