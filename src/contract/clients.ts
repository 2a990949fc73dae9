/** Clients, their consent records and field history (`/api/clients`). */
import { z } from 'zod';
import { problemSchema } from './common.ts';
import { recordingConsentSchema } from './consent-standing.ts';

export const clientIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a client id (a UUID) as given by GET /api/clients' }),
});

export const consentParamsSchema = z.object({
  id: z.uuid({ message: 'Use a client id (a UUID) as given by GET /api/clients' }),
  consentId: z.uuid({ message: 'Use a consent id (a UUID) as listed in the client’s consents' }),
});

/** A calendar date, 'YYYY-MM-DD'. */
export const calendarDateSchema = (what: string) =>
  z.iso.date({ message: `Enter ${what} as a date such as 2026-03-31` });

/** Optional text: trimmed; an empty answer counts as none (null). */
const optionalText = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what} as text` })
    .trim()
    .max(max, { message: `Use at most ${max} characters for ${what}` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const legalNameSchema = z
  .string({ message: 'Enter the client’s legal name' })
  .trim()
  .min(1, { message: 'Enter the client’s legal name' })
  .max(200, { message: 'Use at most 200 characters for the legal name' });

const clientEmailSchema = z
  .union([
    z.literal(''),
    z
      .email({ message: 'Enter an email address such as name@example.org, or leave it empty' })
      .max(254, { message: 'Use at most 254 characters for the email address' }),
  ])
  .transform((v) => (v === '' ? null : v.toLowerCase()))
  .nullable()
  .optional();

const phoneSchema = z
  .string({ message: 'Enter the phone number as text' })
  .trim()
  .max(40, { message: 'Use at most 40 characters for the phone number' })
  .regex(/^[0-9+()\-. ]*$/, { message: 'Use digits, spaces and + ( ) - . only, e.g. 07700 900123' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .optional();

const yesNo = (question: string) =>
  z
    .boolean({ message: `Answer ${question} with true or false` })
    .nullable()
    .optional();

/** Members left out are not changed; null clears an answer (PATCH) or leaves it unrecorded. */
export const safeContactRequestSchema = z
  .strictObject({
    voicemail: yesNo('“may we leave a voicemail?”'),
    letters: yesNo('“may we send letters?”'),
    safeTimes: optionalText('safe times to contact', 200),
    safeAddress: optionalText('the safe address', 500),
    safePhone: optionalText('the safe phone number', 40),
    notes: optionalText('the safe-contact notes', 1000),
  })
  .describe('How the client may safely be contacted (trauma-informed and domestic-abuse practice).');

export const accessNeedsRequestSchema = z
  .strictObject({
    interpreter: yesNo('“needs an interpreter?”'),
    language: optionalText('the interpreter’s language', 100).describe('Needed when interpreter is true.'),
    bsl: yesNo('“needs a British Sign Language interpreter?”'),
    easyRead: yesNo('“needs easy-read material?”'),
    other: optionalText('other access needs', 500),
  })
  .describe('Interpreter and language, BSL, easy read, other needs.');

const clientFields = {
  preferredName: optionalText('the preferred name', 200),
  pronouns: optionalText('pronouns', 60),
  dateOfBirth: calendarDateSchema('the date of birth').nullable().optional(),
  email: clientEmailSchema,
  phone: phoneSchema,
  address: optionalText('the address', 500),
  safeContact: safeContactRequestSchema.optional(),
  accessNeeds: accessNeedsRequestSchema.optional(),
};

export const createClientRequestSchema = z
  .strictObject({
    legalName: legalNameSchema,
    ...clientFields,
    confirmNotDuplicate: z
      .boolean({ message: 'Answer confirmNotDuplicate with true or false' })
      .optional()
      .describe(
        'Send true, after checking, when a POSSIBLE_DUPLICATE_CLIENT warning named a different person.',
      ),
  })
  .meta({ id: 'CreateClientRequest' });
export type CreateClientRequest = z.infer<typeof createClientRequestSchema>;

export const updateClientRequestSchema = z
  .strictObject({ legalName: legalNameSchema.optional(), ...clientFields })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one field to change',
  })
  .meta({ id: 'UpdateClientRequest' });
export type UpdateClientRequest = z.infer<typeof updateClientRequestSchema>;

export const clientLookupQuerySchema = z.strictObject({
  q: z
    .string({ message: 'Type part of a name, or a date of birth such as 1980-05-17 or 17/05/1980' })
    .trim()
    .min(2, { message: 'Type at least 2 characters of a name, or a date of birth' })
    .max(200, { message: 'Use at most 200 characters' }),
});

export const consentPurposeSchema = z.enum(['recording', 'referral', 'feedback'], {
  message: 'Choose what the consent is for: recording, referral or feedback',
});
export const lawfulBasisSchema = z.enum(
  ['consent', 'contract', 'legal-obligation', 'vital-interests', 'public-task', 'legitimate-interests'],
  {
    message:
      'Choose the lawful basis: consent, contract, legal-obligation, vital-interests, public-task or legitimate-interests',
  },
);

export const recordConsentRequestSchema = z
  .strictObject({
    purpose: consentPurposeSchema,
    lawfulBasis: lawfulBasisSchema.describe('The UK GDPR Article 6 basis for the processing.'),
    givenAt: calendarDateSchema('the date consent was given'),
    expiresAt: calendarDateSchema('the expiry date')
      .nullable()
      .optional()
      .describe('The last day the consent covers.'),
    notes: optionalText('the notes', 1000),
  })
  .superRefine((b, issues) => {
    if (b.expiresAt && b.expiresAt < b.givenAt) {
      issues.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: 'The expiry date cannot be before the date consent was given',
      });
    }
  })
  .meta({ id: 'RecordConsentRequest' });
export type RecordConsentRequest = z.infer<typeof recordConsentRequestSchema>;

export const renewConsentRequestSchema = z
  .strictObject({
    givenAt: calendarDateSchema('the date consent was given again'),
    expiresAt: calendarDateSchema('the expiry date')
      .nullable()
      .optional()
      .describe('The last day the renewed consent covers; without it, the organisation’s period applies.'),
    notes: optionalText('the notes', 1000),
  })
  .superRefine((b, issues) => {
    if (b.expiresAt && b.expiresAt < b.givenAt) {
      issues.addIssue({
        code: 'custom',
        path: ['expiresAt'],
        message: 'The expiry date cannot be before the date consent was given',
      });
    }
  })
  .meta({ id: 'RenewConsentRequest' });
export type RenewConsentRequest = z.infer<typeof renewConsentRequestSchema>;

export const withdrawConsentRequestSchema = z
  .strictObject({ withdrawnAt: calendarDateSchema('the date consent was withdrawn') })
  .meta({ id: 'WithdrawConsentRequest' });
export type WithdrawConsentRequest = z.infer<typeof withdrawConsentRequestSchema>;

const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });

export const consentSchema = z
  .object({
    id: z.uuid(),
    purpose: consentPurposeSchema,
    lawfulBasis: lawfulBasisSchema,
    givenAt: z.iso.date(),
    expiresAt: z.iso.date().nullable(),
    withdrawnAt: z.iso.date().nullable(),
    notes: z.string().nullable(),
    state: z
      .enum(['active', 'expired', 'withdrawn'])
      .describe('Today, in the organisation’s time zone: withdrawn outranks expired.'),
    expiresOn: z.iso
      .date()
      .nullable()
      .describe(
        'The last day covered: the expiry date, else for consent to recording the organisation’s period ' +
          '(GET /api/organisation/consent-settings) from the day given.',
      ),
    renewsConsentId: z.uuid().nullable().describe('The consent this one renews, if it is a renewal.'),
    recordedBy: personRefSchema,
    recordedAt: z.iso.datetime(),
  })
  .meta({ id: 'Consent' });
export type ConsentResponse = z.infer<typeof consentSchema>;

export const safeContactSchema = z.object({
  voicemail: z.boolean().optional().describe('Left out: not asked yet.'),
  letters: z.boolean().optional(),
  safeTimes: z.string().optional(),
  safeAddress: z.string().optional(),
  safePhone: z.string().optional(),
  notes: z.string().optional(),
});

export const accessNeedsSchema = z.object({
  interpreter: z.boolean().optional(),
  language: z.string().optional(),
  bsl: z.boolean().optional(),
  easyRead: z.boolean().optional(),
  other: z.string().optional(),
});

export const clientCaseRefSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(['open', 'on_hold', 'closed']),
});

export const clientSchema = z
  .object({
    id: z.uuid(),
    legalName: z.string(),
    preferredName: z.string().nullable(),
    displayName: z.string().describe('The preferred name, or the legal name when there is none.'),
    pronouns: z.string().nullable(),
    dateOfBirth: z.iso.date().nullable(),
    email: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.string().nullable(),
    safeContact: safeContactSchema,
    accessNeeds: accessNeedsSchema,
    consents: z.array(consentSchema),
    recordingConsent: recordingConsentSchema,
    cases: z.array(clientCaseRefSchema).describe('The client’s cases that you may see.'),
    createdBy: z.uuid(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Client' });
export type ClientResponse = z.infer<typeof clientSchema>;

export const clientMatchSchema = z
  .object({
    id: z.uuid(),
    legalName: z.string(),
    preferredName: z.string().nullable(),
    dateOfBirth: z.iso.date().nullable(),
    caseReferences: z.array(z.string()).describe('References of the client’s cases that you may see.'),
  })
  .meta({ id: 'ClientMatch' });

export const clientLookupSchema = z
  .object({ clients: z.array(clientMatchSchema) })
  .meta({ id: 'ClientLookup' });
export type ClientLookupResponse = z.infer<typeof clientLookupSchema>;

export const clientFieldChangeSchema = z
  .object({
    id: z.number().int().describe('The change’s id (to link it to a rectification request).'),
    field: z.string().describe('e.g. legalName, or safeContact.voicemail for one safe-contact answer.'),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().nullable(),
    rectificationRequestId: z
      .uuid()
      .nullable()
      .describe('The rectification request this change answered (why the data changed), if any.'),
    changedBy: z.object({ id: z.uuid(), displayName: z.string().nullable() }),
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'ClientFieldChange' });

export const clientHistorySchema = z
  .object({ changes: z.array(clientFieldChangeSchema) })
  .meta({ id: 'ClientHistory' });
export type ClientHistoryResponse = z.infer<typeof clientHistorySchema>;

/** The 409 POSSIBLE_DUPLICATE_CLIENT answer: the matches you may see, and how many you may not. */
export const duplicateClientProblemSchema = problemSchema
  .extend({
    matches: z
      .array(
        z.object({
          clientId: z.uuid(),
          caseReferences: z.array(z.string()).describe('Their cases that you may see.'),
        }),
      )
      .optional()
      .describe('Matching clients that you may see (GET /api/clients/{id}).'),
    otherMatches: z
      .number()
      .int()
      .optional()
      .describe('Matching clients you may not see (known to another team): ask a supervisor.'),
  })
  .meta({ id: 'DuplicateClientProblem' });
