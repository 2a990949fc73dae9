/**
 * Anonymised exports (`POST /api/anonymised-exports`): selected cases with people replaced by
 * pseudonyms, identifiers removed from free text, dates as days from each case's opening.
 */
import { z } from 'zod';

export const ANONYMISED_EXPORT_PURPOSES = ['training', 'quality-audit', 'evidence-portfolio'] as const;
export const MAX_ANONYMISED_EXPORT_CASES = 50;

export const anonymisedExportRequestSchema = z
  .strictObject({
    caseIds: z
      .array(z.uuid({ message: 'Use case ids (UUIDs) as listed by GET /api/cases' }), {
        message: 'Give the cases to export as a list of case ids',
      })
      .min(1, { message: 'Choose at least one case to export' })
      .max(MAX_ANONYMISED_EXPORT_CASES, {
        message: `Choose at most ${MAX_ANONYMISED_EXPORT_CASES} cases for one export`,
      })
      .refine((ids) => new Set(ids).size === ids.length, { message: 'Choose each case only once' }),
    purpose: z.enum(ANONYMISED_EXPORT_PURPOSES, {
      message: 'Choose the purpose: training, quality-audit or evidence-portfolio',
    }),
  })
  .meta({ id: 'AnonymisedExportRequest' });
export type AnonymisedExportRequest = z.infer<typeof anonymisedExportRequestSchema>;

const day = z.number().int().describe('Days from the case’s opening (day 0); negative before it.');

const noteSchema = z.object({
  day,
  type: z.string(),
  contactChannel: z.string().nullable(),
  author: z.string().describe('The author’s pseudonym.'),
  isAmendment: z.boolean(),
  amendmentReason: z.string().nullable(),
  facts: z.string(),
  advice: z.string(),
  actionsAgreed: z.string(),
  judgement: z.string().describe('Professional judgement (opinion).'),
});

const actionSchema = z.object({
  description: z.string(),
  ownerKind: z.enum(['practitioner', 'client', 'third_party']),
  owner: z.string().nullable().describe('The owner’s pseudonym.'),
  dueDay: day.nullable(),
  status: z.string(),
  completedDay: day.nullable(),
  result: z.string().nullable(),
});

const goalSchema = z.object({
  description: z.string(),
  measure: z.string().nullable(),
  targetDay: day.nullable(),
  status: z.string(),
  result: z.string().nullable(),
  resultDay: day.nullable(),
  progress: z.array(z.object({ day, text: z.string() })),
});

const keyDateSchema = z.object({
  kind: z.string(),
  dueDay: day,
  description: z.string(),
  source: z.string().nullable(),
  status: z.string(),
});

export const anonymisedCaseSchema = z.object({
  label: z.string().describe('"Case 1", "Case 2"… — never the case reference.'),
  caseType: z.string(),
  client: z.object({
    pseudonym: z.string(),
    ageBandAtOpening: z.string().nullable(),
    pronouns: z.string().nullable(),
  }),
  adviser: z.string().describe('The case owner’s pseudonym.'),
  status: z.string(),
  presentingIssue: z.string(),
  desiredOutcome: z.string().nullable(),
  vulnerabilityIndicators: z.array(z.string()),
  closedDay: day.nullable(),
  outcome: z.string().nullable().describe('The outcome from the organisation’s outcome list.'),
  outcomeDetails: z.string().nullable(),
  closureReason: z.string().nullable(),
  notes: z.array(noteSchema),
  restrictedNotesLeftOut: z.number().int(),
  actions: z.array(actionSchema),
  goals: z.array(goalSchema),
  keyDates: z.array(keyDateSchema),
});
export type AnonymisedCase = z.infer<typeof anonymisedCaseSchema>;

export const anonymisedExportSchema = z
  .object({
    exportId: z.uuid(),
    purpose: z.enum(ANONYMISED_EXPORT_PURPOSES),
    producedOn: z.string().describe('The date the export was produced (YYYY-MM-DD).'),
    method: z.string().describe('What was removed and how, in words.'),
    cases: z.array(anonymisedCaseSchema),
    replacements: z
      .record(z.string(), z.number().int())
      .describe('How many identifiers of each kind were replaced (names, phone numbers…).'),
  })
  .meta({ id: 'AnonymisedExport' });
export type AnonymisedExport = z.infer<typeof anonymisedExportSchema>;
