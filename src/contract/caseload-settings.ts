/** The organisation's caseload settings (`/api/organisation/caseload-settings`). */
import { z } from 'zod';

export const STALLED_AFTER_DAYS_RANGE = { min: 1, max: 250 } as const;
export const REVIEW_CADENCE_WEEKS_RANGE = { min: 1, max: 52 } as const;

const wholeNumber = (what: string, range: { min: number; max: number }) => {
  const message = `Give ${what} as a whole number from ${range.min} to ${range.max}`;
  return z.number({ message }).int({ message }).min(range.min, { message }).max(range.max, { message });
};

export const caseloadSettingsRequestSchema = z
  .strictObject({
    stalledAfterDays: wholeNumber(
      'the working days after which a case counts as stalled',
      STALLED_AFTER_DAYS_RANGE,
    ).describe('A case with no attention for this many working days counts as stalled (1–250).'),
    reviewCadenceWeeks: wholeNumber(
      'the weeks between caseload reviews',
      REVIEW_CADENCE_WEEKS_RANGE,
    ).describe('Default weeks between a practitioner’s caseload reviews (1–52).'),
    recordsFinancialOutcomes: z
      .boolean({ message: 'Say whether financial outcomes are recorded: true or false' })
      .describe('Whether closing a case asks for financial outcomes (income gained, debt written off…).'),
  })
  .meta({ id: 'CaseloadSettingsRequest' });
export type CaseloadSettingsRequest = z.infer<typeof caseloadSettingsRequestSchema>;

export const caseloadSettingsSchema = z
  .object({
    stalledAfterDays: z.number().int(),
    reviewCadenceWeeks: z.number().int(),
    recordsFinancialOutcomes: z.boolean(),
    defaults: z.object({
      stalledAfterDays: z.number().int(),
      reviewCadenceWeeks: z.number().int(),
      recordsFinancialOutcomes: z.boolean(),
    }),
  })
  .meta({ id: 'CaseloadSettings' });
export type CaseloadSettingsResponse = z.infer<typeof caseloadSettingsSchema>;
