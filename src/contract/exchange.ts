/**
 * Information exchange on a case: handovers (`/api/cases/{caseId}/handovers`,
 * `/api/handovers/{id}/acknowledge`), referrals out and in (`/api/cases/{caseId}/referrals`,
 * `/api/referrals/{id}`), information-sharing records (`/api/cases/{caseId}/sharing-records`) and
 * the one dated view of all of them with the case's colleague shares and specialists
 * (`/api/cases/{caseId}/information-exchange`).
 */
import { z } from 'zod';
import { REFERRAL_DIRECTIONS, REFERRAL_STATUSES } from '../domain/exchange/referrals.ts';
import { SHARING_DECISIONS } from '../domain/exchange/sharing-records.ts';
import { caseShareSchema } from './cases.ts';
import { lawfulBasisSchema } from './clients.ts';

export const exchangeCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});
export const referralIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a referral id (a UUID) as listed by GET /api/cases/{caseId}/referrals' }),
});
export const handoverIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a handover id (a UUID) as listed by GET /api/cases/{caseId}/handovers' }),
});

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(max, { message: `Use at most ${max} characters for ${what}` });

const dateSchema = (what: string) =>
  z.iso.date({ message: `Give ${what} as a calendar date such as 2026-11-20` });

const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

// Handovers.

export const handoverSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    from: personRefSchema.describe('The owner before the handover.'),
    to: personRefSchema.describe('The new owner.'),
    handedOverBy: personRefSchema,
    handedOverAt: z.iso.datetime(),
    note: z.string(),
    acknowledgedAt: z.iso.datetime().nullable().describe('When the new owner marked the note read.'),
    toYou: z.boolean().describe('You are the new owner of this handover.'),
  })
  .meta({ id: 'Handover' });
export type HandoverResponse = z.infer<typeof handoverSchema>;

export const handoverListSchema = z
  .object({ handovers: z.array(handoverSchema).describe('Newest first.') })
  .meta({ id: 'HandoverList' });
export type HandoverListResponse = z.infer<typeof handoverListSchema>;

// Referrals.

export const referralDirectionSchema = z.enum(REFERRAL_DIRECTIONS, {
  message: 'Choose the direction: out (you refer the client on) or in (someone referred the client to you)',
});
export const referralStatusSchema = z.enum(REFERRAL_STATUSES, {
  message: `Choose a status: ${REFERRAL_STATUSES.join(', ')}`,
});

export const createReferralRequestSchema = z
  .strictObject({
    direction: referralDirectionSchema,
    organisation: text('the organisation (who you refer to, or who referred the client)', 200),
    service: text('the service', 200).optional(),
    reason: text('why the client is referred', 4000),
    informationShared: text('what information is shared', 4000)
      .optional()
      .describe(
        'Out: what you share with them (required; it is also kept as an information-sharing record). In: what they sent you.',
      ),
    consentId: z
      .uuid({ message: 'Use a consent id (a UUID) as listed in the client’s consents' })
      .optional()
      .describe(
        'Out: the client’s consent to referral relied on; left out, the client’s live referral consent is used when there is one.',
      ),
    lawfulBasis: lawfulBasisSchema
      .optional()
      .describe('Out, without consent: the UK GDPR Article 6 basis for sharing (with sharingRationale).'),
    sharingRationale: text('why you share without the client’s consent', 4000)
      .optional()
      .describe('Out, without consent: why sharing is justified, e.g. a safeguarding concern.'),
    referredOn: dateSchema('the referral date')
      .optional()
      .describe('The day of the referral (not in the future); today when left out.'),
  })
  .meta({ id: 'CreateReferralRequest' });
export type CreateReferralRequest = z.infer<typeof createReferralRequestSchema>;

export const updateReferralRequestSchema = z
  .strictObject({
    status: referralStatusSchema
      .optional()
      .describe(
        'made or received → accepted or declined → completed; withdrawn until it is declined or completed.',
      ),
    outcome: z
      .string({ message: 'Describe the outcome as text' })
      .trim()
      .max(4000, { message: 'Use at most 4000 characters for the outcome' })
      .nullable()
      .optional()
      .describe('What came of the referral; null or "" clears it.'),
  })
  .refine((b) => b.status !== undefined || b.outcome !== undefined, {
    message: 'Send a status, an outcome or both',
  })
  .meta({ id: 'UpdateReferralRequest' });
export type UpdateReferralRequest = z.infer<typeof updateReferralRequestSchema>;

export const referralSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    direction: referralDirectionSchema,
    organisation: z.string(),
    service: z.string().nullable(),
    reason: z.string(),
    informationShared: z.string().nullable(),
    consentId: z.uuid().nullable().describe('The client’s consent relied on (out).'),
    lawfulBasis: lawfulBasisSchema.nullable(),
    sharingRationale: z.string().nullable(),
    status: referralStatusSchema,
    nextStatuses: z.array(referralStatusSchema).describe('Where the referral may go from here.'),
    outcome: z.string().nullable(),
    referredOn: z.iso.date(),
    createdBy: personRefSchema,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Referral' });
export type ReferralResponse = z.infer<typeof referralSchema>;

export const referralListSchema = z
  .object({ referrals: z.array(referralSchema).describe('Latest referral date first.') })
  .meta({ id: 'ReferralList' });
export type ReferralListResponse = z.infer<typeof referralListSchema>;

// Information-sharing records.

export const sharingDecisionSchema = z.enum(SHARING_DECISIONS, {
  message: 'Choose the decision: shared or not-shared',
});

export const createSharingRecordRequestSchema = z
  .strictObject({
    decision: sharingDecisionSchema,
    recipient: text('who the information was (or was not) shared with', 200),
    information: text('what information was (or would have been) shared', 4000),
    purpose: text('the purpose of sharing (what it was asked for)', 4000),
    lawfulBasis: lawfulBasisSchema
      .optional()
      .describe('Shared: the lawful basis, or the client’s consent (consentId), or both.'),
    consentId: z
      .uuid({ message: 'Use a consent id (a UUID) as listed in the client’s consents' })
      .optional()
      .describe('The client’s consent to referral (sharing) relied on, live on the day of the decision.'),
    rationale: text('the reasons for the decision', 4000),
    decidedOn: dateSchema('the day of the decision')
      .optional()
      .describe('Not in the future; today when left out.'),
    correctsId: z
      .uuid({ message: 'Use the id of the earlier record of this case you correct' })
      .optional()
      .describe('Records are never changed: a correction is a new record naming the one it corrects.'),
  })
  .meta({ id: 'CreateSharingRecordRequest' });
export type CreateSharingRecordRequest = z.infer<typeof createSharingRecordRequestSchema>;

export const sharingRecordSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    decision: sharingDecisionSchema,
    recipient: z.string(),
    information: z.string(),
    purpose: z.string(),
    lawfulBasis: lawfulBasisSchema.nullable(),
    consentId: z.uuid().nullable(),
    rationale: z.string(),
    decidedOn: z.iso.date(),
    referralId: z.uuid().nullable().describe('The referral out this disclosure was part of.'),
    correctsId: z.uuid().nullable(),
    recordedBy: personRefSchema,
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'SharingRecord' });
export type SharingRecordResponse = z.infer<typeof sharingRecordSchema>;

export const sharingRecordListSchema = z
  .object({ sharingRecords: z.array(sharingRecordSchema).describe('Latest decision first.') })
  .meta({ id: 'SharingRecordList' });
export type SharingRecordListResponse = z.infer<typeof sharingRecordListSchema>;

// The one view.

const exchangeSpecialistSchema = z.object({
  id: z.uuid(),
  user: personRefSchema,
  role: z.string(),
  addedBy: personRefSchema,
  addedAt: z.iso.datetime(),
  removedAt: z.iso.datetime().nullable(),
});

const dated = {
  date: z.iso.date().describe('The day it happened, in the organisation’s time zone.'),
  at: z.iso.datetime(),
};

export const exchangeEntrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('referral'), ...dated, referral: referralSchema }),
  z.object({ kind: z.literal('sharing-record'), ...dated, sharingRecord: sharingRecordSchema }),
  z.object({ kind: z.literal('colleague-share'), ...dated, share: caseShareSchema }),
  z.object({ kind: z.literal('specialist'), ...dated, specialist: exchangeSpecialistSchema }),
  z.object({ kind: z.literal('handover'), ...dated, handover: handoverSchema }),
]);
export type ExchangeEntry = z.infer<typeof exchangeEntrySchema>;

export const informationExchangeSchema = z
  .object({
    caseId: z.uuid(),
    today: z.iso.date(),
    referralConsent: z
      .object({ id: z.uuid(), givenAt: z.iso.date(), expiresAt: z.iso.date().nullable() })
      .nullable()
      .describe('The client’s live consent to referral today, if any: a referral out may rest on it.'),
    entries: z
      .array(exchangeEntrySchema)
      .describe(
        'Referrals, sharing records, colleague shares (break-glass included, revoked ones too), specialists and handovers, newest first.',
      ),
    yourAccess: z.object({ contribute: z.boolean() }),
  })
  .meta({ id: 'InformationExchange' });
export type InformationExchangeResponse = z.infer<typeof informationExchangeSchema>;
