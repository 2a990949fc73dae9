/**
 * Service timescales (`/api/service-timescales`): working days to first contact, between reviews
 * and to the target resolution, per band and optionally per case type. A case type's setting
 * overrides the organisation's band default, which overrides the built-in one.
 */
import { z } from 'zod';
import { BANDS } from '../domain/priority/levels.ts';

export const bandSchema = z.enum(BANDS, { message: 'Choose a band: red, amber or green' });

const days = (what: string) =>
  z
    .number({ message: `Give ${what} as a whole number of working days` })
    .describe(`${what}, in working days.`);

const timescaleFields = {
  firstContactDays: days('First contact'),
  reviewDays: days('The review interval'),
  resolutionDays: days('The target resolution'),
};

const timescaleSchema = z.object({
  firstContactDays: z.number().int(),
  reviewDays: z.number().int(),
  resolutionDays: z.number().int(),
});

export const timescaleSourceSchema = z
  .enum(['case-type', 'organisation', 'default'])
  .describe(
    'Where the values come from: the case type’s own setting, the organisation’s band default, or built in.',
  );

export const setServiceTimescaleRequestSchema = z
  .strictObject({
    caseTypeId: z
      .uuid({ message: 'Use a case type id (a UUID) as listed by GET /api/case-types, or null' })
      .nullable()
      .describe('null sets the organisation’s default for the band.'),
    band: bandSchema,
    ...timescaleFields,
  })
  .meta({ id: 'SetServiceTimescaleRequest' });
export type SetServiceTimescaleRequest = z.infer<typeof setServiceTimescaleRequestSchema>;

export const clearServiceTimescaleQuerySchema = z.strictObject({
  caseTypeId: z
    .uuid({ message: 'Use a case type id (a UUID) as listed by GET /api/case-types' })
    .optional()
    .describe('Left out: the organisation’s default for the band.'),
  band: bandSchema,
});

export const serviceTimescalesSchema = z
  .object({
    builtIn: z
      .array(timescaleSchema.extend({ band: bandSchema }))
      .describe('The built-in defaults, red first.'),
    bandDefaults: z
      .array(
        timescaleSchema.extend({
          band: bandSchema,
          source: z.enum(['organisation', 'default']),
        }),
      )
      .describe('The organisation’s default for each band (or the built-in one), red first.'),
    caseTypes: z
      .array(
        z.object({
          caseTypeId: z.uuid(),
          key: z.string(),
          name: z.string(),
          bands: z.array(timescaleSchema.extend({ band: bandSchema, source: timescaleSourceSchema })),
        }),
      )
      .describe('Every active case type with the effective timescale of each band, red first.'),
  })
  .meta({ id: 'ServiceTimescales' });
export type ServiceTimescalesResponse = z.infer<typeof serviceTimescalesSchema>;

export const serviceTimescalesChangeSchema = z
  .object({
    timescales: serviceTimescalesSchema,
    reassessment: z
      .object({ assessed: z.number().int(), changed: z.number().int() })
      .nullable()
      .describe(
        'The open cases re-assessed against the new timescales; null when the re-assessment failed ' +
          '(the change is saved, and the daily re-assessment catches up).',
      ),
  })
  .meta({ id: 'ServiceTimescalesChange' });
export type ServiceTimescalesChangeResponse = z.infer<typeof serviceTimescalesChangeSchema>;
