/** Equality monitoring (`/api/clients/:id/equality-monitoring`, `/api/equality-monitoring/report`). */
import { z } from 'zod';
import { EQUALITY_QUESTIONS, type EqualityQuestionKey } from '../domain/compliance/equality-questions.ts';

export { EQUALITY_QUESTIONS };

const answerSchema = (label: string) =>
  z
    .string({ message: `Choose an answer for “${label}”, or leave it blank` })
    .nullable()
    .optional()
    .describe('One of the listed answers, "prefer-not-to-say", or null/absent: not answered.');

const answerShape = Object.fromEntries(
  EQUALITY_QUESTIONS.map((q) => [q.key, answerSchema(q.label)]),
) as Record<EqualityQuestionKey, ReturnType<typeof answerSchema>>;

export const equalityMonitoringRequestSchema = z
  .strictObject(answerShape)
  .meta({ id: 'EqualityMonitoringRequest' });
export type EqualityMonitoringRequest = z.infer<typeof equalityMonitoringRequestSchema>;

export const equalityMonitoringSchema = z
  .object({
    recorded: z.boolean().describe('False: no form recorded for this client.'),
    answers: z.object(
      Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.key, z.string().nullable()])) as Record<
        EqualityQuestionKey,
        z.ZodNullable<z.ZodString>
      >,
    ),
    recordedAt: z.iso.datetime().nullable(),
    updatedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'EqualityMonitoring' });
export type EqualityMonitoringResponse = z.infer<typeof equalityMonitoringSchema>;

const dateQuery = (what: string) =>
  z.iso.date({ message: `Give ${what} as a date, YYYY-MM-DD` }).describe(`${what} (inclusive).`);

export const equalityReportQuerySchema = z.object({
  from: dateQuery('the first day of the period'),
  to: dateQuery('the last day of the period'),
});

const shownCountSchema = z
  .number()
  .int()
  .nullable()
  .describe('null when suppressed: fewer than 5, or withheld so that a small number cannot be worked out.');

export const equalityReportSchema = z
  .object({
    from: z.iso.date(),
    to: z.iso.date(),
    suppression: z.string().describe('How small numbers are suppressed, in words.'),
    tables: z.array(
      z.object({
        question: z.string(),
        label: z.string(),
        rows: z.array(
          z.object({
            value: z.string(),
            label: z.string(),
            count: shownCountSchema,
            shown: z
              .string()
              .describe(
                'The count, or "suppressed" (fewer than 5, or withheld so one cannot be worked out).',
              ),
          }),
        ),
        total: shownCountSchema,
      }),
    ),
  })
  .meta({ id: 'EqualityReport' });
export type EqualityReportResponse = z.infer<typeof equalityReportSchema>;
