/** The organisation's glossary of accepted abbreviations (`/api/glossary`), used by clarity hints. */
import { z } from 'zod';

const TERM = /^[A-Z][A-Z0-9]{1,19}$/;

/** An abbreviation: capital letters (and digits), 2 to 20 characters; lower case is raised. */
export const glossaryTermSchema = z
  .string({ message: 'Give the abbreviation, e.g. PIP' })
  .trim()
  .toUpperCase()
  .regex(TERM, {
    message: 'Write the abbreviation as 2 to 20 letters or digits, starting with a letter, e.g. PIP',
  });

export const glossaryTermParamsSchema = z.object({ term: glossaryTermSchema });

export const setGlossaryTermRequestSchema = z
  .strictObject({
    meaning: z
      .string({ message: 'Say what the abbreviation stands for' })
      .trim()
      .min(1, { message: 'Say what the abbreviation stands for' })
      .max(200, { message: 'Use at most 200 characters for the meaning' }),
  })
  .meta({ id: 'SetGlossaryTermRequest' });
export type SetGlossaryTermRequest = z.infer<typeof setGlossaryTermRequestSchema>;

export const glossaryEntrySchema = z
  .object({ term: z.string(), meaning: z.string() })
  .meta({ id: 'GlossaryTerm' });
export type GlossaryEntryResponse = z.infer<typeof glossaryEntrySchema>;

export const glossarySchema = z.object({ terms: z.array(glossaryEntrySchema) }).meta({ id: 'Glossary' });
export type GlossaryResponse = z.infer<typeof glossarySchema>;
