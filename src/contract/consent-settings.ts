/** The organisation's consent settings (`/api/organisation/consent-settings`). */
import { z } from 'zod';

export const RECORDING_CONSENT_MONTHS_RANGE = { min: 1, max: 120 } as const;

const monthsMessage = `Give the months consent to recording lasts as a whole number from ${RECORDING_CONSENT_MONTHS_RANGE.min} to ${RECORDING_CONSENT_MONTHS_RANGE.max}`;

export const consentSettingsRequestSchema = z
  .strictObject({
    recordingConsentMonths: z
      .number({ message: monthsMessage })
      .int({ message: monthsMessage })
      .min(RECORDING_CONSENT_MONTHS_RANGE.min, { message: monthsMessage })
      .max(RECORDING_CONSENT_MONTHS_RANGE.max, { message: monthsMessage })
      .describe(
        'How long consent to recording lasts from the day it was given, when the consent record has no ' +
          'expiry date of its own (1–120 months).',
      ),
  })
  .meta({ id: 'ConsentSettingsRequest' });
export type ConsentSettingsRequest = z.infer<typeof consentSettingsRequestSchema>;

export const consentSettingsSchema = z
  .object({
    recordingConsentMonths: z.number().int(),
    defaults: z.object({ recordingConsentMonths: z.number().int() }),
  })
  .meta({ id: 'ConsentSettings' });
export type ConsentSettingsResponse = z.infer<typeof consentSettingsSchema>;
