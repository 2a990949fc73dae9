/**
 * Case notes (`/api/cases/{caseId}/notes`, `/api/notes`): drafts, filing, amendments and clarity
 * hints. Requests name the opinion section `judgement`; responses label it `professionalJudgement`.
 */
import { z } from 'zod';

export const NOTE_TYPES = [
  'contact',
  'advice',
  'action',
  'referral',
  'review',
  'safeguarding',
  'file-note',
] as const;
export const CONTACT_CHANNELS = ['phone', 'face-to-face', 'video', 'email', 'letter'] as const;

export const noteTypeSchema = z.enum(NOTE_TYPES, {
  message: 'Choose a note type: contact, advice, action, referral, review, safeguarding or file-note',
});
export const contactChannelSchema = z.enum(CONTACT_CHANNELS, {
  message: 'Choose how the contact happened: phone, face-to-face, video, email or letter',
});
export const noteSensitivitySchema = z.enum(['normal', 'restricted'], {
  message: 'Choose a sensitivity: normal or restricted',
});
export const noteStatusSchema = z.enum(['draft', 'filed']);

const occurredAtSchema = z.iso
  .datetime({
    offset: true,
    message: 'Enter when it happened as a date and time with its zone, e.g. 2026-11-24T10:30:00Z',
  })
  .describe('When it happened (not more than 5 minutes ahead of the server clock).');

const sectionSchema = (label: string) =>
  z
    .string({ message: `Write the ${label} as text` })
    .max(20_000, { message: `Use at most 20,000 characters for the ${label}` });

const idListSchema = (what: 'goal' | 'action') =>
  z
    .array(z.uuid({ message: `Use ${what} ids (UUIDs) of this case` }), {
      message: `Give a list of ${what} ids of this case`,
    })
    .max(50, { message: `Link at most 50 ${what}s` })
    .refine((ids) => new Set(ids).size === ids.length, { message: `Give each ${what} only once` });

const noteFields = {
  type: noteTypeSchema,
  contactChannel: contactChannelSchema
    .nullable()
    .optional()
    .describe('Required for contact notes; cleared for other types.'),
  occurredAt: occurredAtSchema,
  facts: sectionSchema('facts').optional().describe('What happened, what the client said.'),
  advice: sectionSchema('advice given').optional(),
  actionsAgreed: sectionSchema('actions agreed').optional(),
  judgement: sectionSchema('professional judgement')
    .optional()
    .describe('Professional judgement: opinion, shown labelled as such (`professionalJudgement`).'),
  sensitivity: noteSensitivitySchema
    .optional()
    .describe('`restricted`: only the author, the case owner and the team’s supervisors read it.'),
  goalIds: idListSchema('goal').optional().describe('Goals of the same case this note concerns.'),
  actionIds: idListSchema('action').optional().describe('Actions of the same case this note concerns.'),
};

export const noteCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID)' }),
});

export const noteIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a note id (a UUID)' }),
});

export const createNoteRequestSchema = z
  .strictObject({
    ...noteFields,
    fileNow: z
      .boolean({ message: 'Say whether to file the note now: true or false' })
      .optional()
      .describe(
        '`true`: file the note at once instead of starting a draft — the checks of filing (NOTE_EMPTY, ' +
          'the channel of a contact note) apply, and the answer is the filed note. Default `false`.',
      ),
  })
  .meta({ id: 'CreateNoteRequest' });
export type CreateNoteRequest = z.infer<typeof createNoteRequestSchema>;

export const updateNoteRequestSchema = z
  .strictObject({ ...noteFields, type: noteFields.type.optional(), occurredAt: occurredAtSchema.optional() })
  .refine((body) => Object.keys(body).length > 0, {
    message: 'Send at least one field of the draft to change',
  })
  .meta({ id: 'UpdateNoteRequest' });
export type UpdateNoteRequest = z.infer<typeof updateNoteRequestSchema>;

export const amendNoteRequestSchema = z
  .strictObject({
    reason: z
      .string({ message: 'Say why the note is amended' })
      .trim()
      .min(1, { message: 'Say why the note is amended' })
      .max(2000, { message: 'Use at most 2,000 characters for the reason' }),
    ...noteFields,
    type: noteFields.type.optional(),
    occurredAt: occurredAtSchema.optional(),
  })
  .refine((body) => Object.keys(body).some((key) => key !== 'reason'), {
    message: 'Send the corrected sections or details along with the reason',
  })
  .describe('Fields left out are copied from the note amended.')
  .meta({ id: 'AmendNoteRequest' });
export type AmendNoteRequest = z.infer<typeof amendNoteRequestSchema>;

export const clarityHintsRequestSchema = z
  .strictObject({
    type: noteTypeSchema,
    facts: noteFields.facts,
    advice: noteFields.advice,
    actionsAgreed: noteFields.actionsAgreed,
    judgement: noteFields.judgement,
  })
  .meta({ id: 'ClarityHintsRequest' });
export type ClarityHintsRequest = z.infer<typeof clarityHintsRequestSchema>;

export const clarityHintSchema = z
  .object({
    code: z.enum([
      'LABEL_WITHOUT_FACTS',
      'UNEXPLAINED_ABBREVIATION',
      'NO_AGREED_NEXT_STEP',
      'OPINION_IN_FACTS',
    ]),
    section: z
      .enum(['facts', 'advice', 'actionsAgreed', 'judgement'])
      .describe('The request field the hint is about (`judgement` is professional judgement).'),
    excerpt: z.string().describe('The words as written (empty when something is missing).'),
    why: z.string(),
    suggestion: z.string().describe('How to rewrite it.'),
  })
  .meta({ id: 'ClarityHint' });
export type ClarityHintResponse = z.infer<typeof clarityHintSchema>;

export const clarityHintListSchema = z
  .object({ hints: z.array(clarityHintSchema) })
  .meta({ id: 'ClarityHintList' });
export type ClarityHintListResponse = z.infer<typeof clarityHintListSchema>;

const authorSchema = z.object({ id: z.uuid(), displayName: z.string() });

/** What anyone who sees a note sees, content or not. */
const noteHeadingFields = {
  id: z.uuid(),
  caseId: z.uuid(),
  caseReference: z.string(),
  status: noteStatusSchema,
  type: noteTypeSchema,
  occurredAt: z.iso.datetime(),
  recordedAt: z.iso.datetime().nullable().describe('Server time of filing; null for a draft.'),
  lateEntry: z
    .boolean()
    .describe(
      'Recorded more than the late-entry threshold (default 24 h) after it occurred; for a draft: if filed now.',
    ),
  author: authorSchema,
};

export const noteSchema = z
  .object({
    ...noteHeadingFields,
    contactChannel: contactChannelSchema.nullable(),
    sensitivity: noteSensitivitySchema,
    restricted: z.literal(false).describe('Whether the content is withheld from you (here: no).'),
    facts: z.string(),
    advice: z.string(),
    actionsAgreed: z.string(),
    professionalJudgement: z.string().describe('Opinion: show it labelled as professional judgement.'),
    goalIds: z.array(z.uuid()),
    actionIds: z.array(z.uuid()),
    amends: z
      .object({ id: z.uuid(), recordedAt: z.iso.datetime() })
      .nullable()
      .describe('The note this amendment corrects.'),
    amendmentReason: z.string().nullable(),
    amendedBy: z
      .array(
        z.object({
          id: z.uuid(),
          recordedAt: z.iso.datetime(),
          reason: z.string().nullable().describe('null when the amendment is restricted from you.'),
        }),
      )
      .describe('Amendments that correct this note ("amended — see …"); the note itself stays.'),
    updatedAt: z.iso.datetime(),
    clarityHints: z.array(clarityHintSchema).optional().describe('For drafts: suggestions, never blocking.'),
  })
  .meta({ id: 'Note' });
export type NoteResponse = z.infer<typeof noteSchema>;

export const restrictedNoteSchema = z
  .object({
    ...noteHeadingFields,
    sensitivity: z.literal('restricted'),
    restricted: z
      .literal(true)
      .describe('The content is withheld: only the author, case owner and team supervisors read it.'),
  })
  .meta({ id: 'RestrictedNote' });
export type RestrictedNoteResponse = z.infer<typeof restrictedNoteSchema>;

export const visibleNoteSchema = z.discriminatedUnion('restricted', [noteSchema, restrictedNoteSchema]);
export type VisibleNoteResponse = z.infer<typeof visibleNoteSchema>;

export const caseNoteListSchema = z
  .object({
    caseId: z.uuid(),
    notes: z
      .array(visibleNoteSchema)
      .describe('Filed notes and your own drafts, in the order they occurred.'),
  })
  .meta({ id: 'CaseNoteList' });
export type CaseNoteListResponse = z.infer<typeof caseNoteListSchema>;

export const draftListSchema = z.object({ drafts: z.array(noteSchema) }).meta({ id: 'DraftNoteList' });
export type DraftListResponse = z.infer<typeof draftListSchema>;
