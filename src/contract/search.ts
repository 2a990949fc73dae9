import { z } from 'zod';

export const searchQuerySchema = z.object({
  q: z
    .string({ message: 'Type something to search for' })
    .trim()
    .min(2, { message: 'Type at least 2 characters to search for' })
    .max(200, { message: 'Use at most 200 characters' }),
  limit: z.coerce
    .number()
    .int()
    .min(1, { message: 'Use a limit from 1 to 50' })
    .max(50, { message: 'Use a limit from 1 to 50' })
    .default(20),
});

const segments = z
  .array(z.object({ text: z.string(), match: z.boolean() }))
  .describe('The snippet, with the matching words marked.');

export const searchResultsSchema = z
  .object({
    cases: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.string(), snippet: segments })),
    notes: z.array(
      z.object({
        id: z.uuid(),
        caseId: z.uuid(),
        reference: z.string(),
        type: z.string(),
        occurredAt: z.iso.datetime(),
        isAmendment: z.boolean(),
        snippet: segments,
      }),
    ),
  })
  .meta({ id: 'SearchResults' });
