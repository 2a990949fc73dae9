import { z } from 'zod';

/** A problem-details body (RFC 9457) as every error response carries it. */
export const problemSchema = z
  // Loose: a problem may carry extra facts for its code (e.g. the matches of a duplicate warning).
  .looseObject({
    type: z.string().describe('A URI naming the problem type: `/api/docs#<code>`.'),
    title: z.string(),
    status: z.number().int(),
    code: z.string().describe('Stable string code, e.g. VALIDATION_FAILED; see README "Error codes".'),
    detail: z.string().describe('What went wrong, in words a person can act on.'),
    field: z.string().optional().describe('The first failing field, for validation problems.'),
    errors: z
      .array(z.object({ field: z.string(), message: z.string() }))
      .optional()
      .describe('Every failing field, for validation problems.'),
    retryAfterSeconds: z
      .number()
      .int()
      .optional()
      .describe('For throttling: seconds to wait before trying again.'),
    requestId: z.string().optional(),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;

/** The problem responses a route documents, by status. */
export const problemResponses = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<
    number,
    typeof problemSchema
  >;

export const uuidSchema = z.uuid();
export const roleSchema = z.enum(['adviser', 'supervisor', 'admin', 'auditor']);
export type Role = z.infer<typeof roleSchema>;

export const emailSchema = z
  .email({ message: 'Enter an email address such as name@example.org' })
  .max(254)
  .transform((v) => v.toLowerCase());

/** 12 to 128 characters, any characters; common passwords are refused by the server. */
export const newPasswordSchema = z
  .string()
  .min(12, { message: 'Use at least 12 characters' })
  .max(128, { message: 'Use at most 128 characters' });

/** The position of an item in an organisation's ordered list (case types, checklist items, factors, outcomes). */
export const sortOrderSchema = z
  .number({ message: 'Enter the position as a whole number' })
  .int({ message: 'Enter the position as a whole number' })
  .min(0, { message: 'Use a position of 0 or more' })
  .max(100_000, { message: 'Use a position of at most 100000' });

/** Whether a list item is in use; `meaning` says what inactive does to it. */
export const activeFlagSchema = (meaning: string) =>
  z.boolean({ message: 'Answer active with true or false' }).describe(meaning);
