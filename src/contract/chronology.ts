import { z } from 'zod';
import { CHRONOLOGY_KINDS } from '../domain/cases/chronology.ts';

export const chronologyKindSchema = z.enum(CHRONOLOGY_KINDS);

export const chronologyParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});

export const chronologyQuerySchema = z.object({
  kinds: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v) return [];
      const kinds = v
        .split(',')
        .map((k) => k.trim())
        .filter(Boolean);
      const unknown = kinds.filter((k) => !(CHRONOLOGY_KINDS as readonly string[]).includes(k));
      if (unknown.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `Unknown kinds: ${unknown.join(', ')}. Use any of: ${CHRONOLOGY_KINDS.join(', ')}`,
        });
        return z.NEVER;
      }
      return kinds as (typeof CHRONOLOGY_KINDS)[number][];
    })
    .describe(`Comma-separated kinds to keep: ${CHRONOLOGY_KINDS.join(', ')}. Default: all.`),
});

const sectionsSchema = z.object({
  facts: z.string(),
  advice: z.string(),
  actionsAgreed: z.string(),
  professionalJudgement: z.string().describe('Opinion, labelled as such wherever it is shown.'),
});

export const chronologyEntrySchema = z.object({
  kind: chronologyKindSchema,
  at: z.iso.datetime(),
  id: z.string(),
  title: z.string(),
  detail: z.string().optional(),
  by: z.string().optional(),
  note: z
    .object({
      noteId: z.uuid(),
      type: z.string(),
      recordedAt: z.iso.datetime().nullable(),
      lateEntry: z.boolean(),
      restricted: z
        .boolean()
        .describe('True when you may not read the content: the sections are then absent.'),
      sections: sectionsSchema.optional(),
      amends: z.object({ noteId: z.uuid(), reason: z.string() }).optional(),
      amendedBy: z.array(z.object({ noteId: z.uuid(), recordedAt: z.iso.datetime().nullable() })),
    })
    .optional(),
  notification: z
    .object({
      kind: z.string().describe('The notification kind, e.g. `key-date-reminder`, `informed`.'),
      recipients: z
        .array(z.object({ name: z.string(), readAt: z.iso.datetime().nullable() }))
        .describe('Who was told, and when each read it (null: not yet).'),
    })
    .optional()
    .describe('For kind `notification`: `by` is the colleague who wrote it, or Caseload.'),
});

export const chronologySchema = z
  .object({
    caseId: z.uuid(),
    reference: z.string(),
    timeZone: z.string(),
    entries: z.array(chronologyEntrySchema),
  })
  .meta({ id: 'Chronology' });
