/** Where a client stands on consent to recording, as the case, the client and the worklist show it. */
import { z } from 'zod';

export const recordingConsentSchema = z
  .object({
    status: z
      .enum(['active', 'expired', 'withdrawn', 'none'])
      .describe(
        'Today, in the organisation’s time zone: active while a consent to recording is live; otherwise ' +
          'as the most recently given one is (expired or withdrawn), or none when none was given.',
      ),
    flagged: z.boolean().describe('True unless active: renew it or record a new consent.'),
    consentId: z.uuid().nullable().describe('The consent that decides the status.'),
    expiresOn: z.iso
      .date()
      .nullable()
      .describe('The last day it covers (or covered), with the organisation’s default period.'),
    message: z.string().describe('The standing in plain words.'),
  })
  .meta({ id: 'RecordingConsent' });
export type RecordingConsentResponse = z.infer<typeof recordingConsentSchema>;
