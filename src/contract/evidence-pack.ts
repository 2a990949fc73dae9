/** The quality-mark evidence pack (`/api/evidence-pack`). */
import { z } from 'zod';

const dateQuery = (what: string) =>
  z.iso.date({ message: `Give ${what} as a date, YYYY-MM-DD` }).describe(`${what} (inclusive).`);

export const evidencePackQuerySchema = z.object({
  from: dateQuery('the first day of the period'),
  to: dateQuery('the last day of the period'),
  format: z
    .enum(['pdf', 'csv'], { message: 'Choose the format: pdf or csv' })
    .describe('pdf: a readable report; csv: one CSV file with a section per table.'),
});
