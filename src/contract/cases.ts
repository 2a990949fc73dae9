/** Cases (`/api/cases`): opening, fields and their history, status, flags, shares, break-glass. */
import { z } from 'zod';
import { recordingConsentSchema } from './consent-standing.ts';
import { financialOutcomeInputSchema } from './outcomes.ts';

const caseIdMessage = 'Use a case id (a UUID) as listed by GET /api/cases';

export const caseIdParamsSchema = z.object({ id: z.uuid({ message: caseIdMessage }) });

export const caseFlagParamsSchema = z.object({
  id: z.uuid({ message: caseIdMessage }),
  flagId: z.uuid({ message: 'Use a flag id (a UUID) as shown in the case’s flags' }),
});

export const caseShareParamsSchema = z.object({
  id: z.uuid({ message: caseIdMessage }),
  shareId: z.uuid({ message: 'Use a share id (a UUID) as shown in the case’s shares' }),
});

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(max, { message: `Use at most ${max} characters for ${what}` });

const presentingIssueSchema = text('the presenting issue (what the client came about)', 4000);
const desiredOutcomeSchema = z
  .string({ message: 'Enter the desired outcome as text' })
  .trim()
  .max(4000, { message: 'Use at most 4000 characters for the desired outcome' });
const caseTypeIdSchema = z.uuid({
  message: 'Choose a case type (its id) from your organisation’s case types',
});
const userIdSchema = (who: string) =>
  z.uuid({ message: `Use ${who}’s user id (a UUID) as listed by GET /api/users` });
const teamIdSchema = z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' });

/** 0.5 to 10 with at most two decimals (the column is numeric(4, 2)). */
export const complexityWeightSchema = z
  .number({ message: 'Enter the complexity weight as a number from 0.5 to 10' })
  .min(0.5, { message: 'Use a complexity weight of at least 0.5' })
  .max(10, { message: 'Use a complexity weight of at most 10' })
  .refine((v) => Math.abs(v * 100 - Math.round(v * 100)) < 1e-9, {
    message: 'Use at most two decimal places for the complexity weight',
  });

export const vulnerabilityIndicatorsSchema = z
  .array(
    z
      .string({ message: 'Write each vulnerability indicator as text' })
      .trim()
      .min(1, { message: 'Leave out empty vulnerability indicators' })
      .max(100, { message: 'Use at most 100 characters for each vulnerability indicator' }),
    { message: 'Give the vulnerability indicators as a list of texts (or an empty list)' },
  )
  .max(20, { message: 'Give at most 20 vulnerability indicators' })
  .refine((list) => new Set(list.map((v) => v.toLowerCase())).size === list.length, {
    message: 'Give each vulnerability indicator only once',
  });

export const openCaseRequestSchema = z
  .strictObject({
    clientId: z.uuid({ message: 'Choose the client (their id) this case is for' }),
    caseTypeId: caseTypeIdSchema,
    presentingIssue: presentingIssueSchema,
    desiredOutcome: desiredOutcomeSchema.optional(),
    ownerId: userIdSchema('the owner')
      .optional()
      .describe(
        'Who holds the case; you when left out. A supervisor may open a case for a member of a team they supervise.',
      ),
    teamId: teamIdSchema
      .optional()
      .describe('The case’s team; when left out, the owner’s team if they belong to exactly one.'),
    complexityWeight: complexityWeightSchema.default(1),
    vulnerabilityIndicators: vulnerabilityIndicatorsSchema.default([]),
  })
  .meta({ id: 'OpenCaseRequest' });
export type OpenCaseRequest = z.infer<typeof openCaseRequestSchema>;

export const caseStatusSchema = z.enum(['open', 'on_hold', 'closed'], {
  message: 'Choose a status: open, on_hold or closed',
});

/** Query parameters (no .meta id: @fastify/swagger cannot resolve a $ref among query parameters). */
export const listCasesQuerySchema = z.strictObject({
  scope: z
    .enum(['mine', 'team', 'shared'], { message: 'Choose a scope: mine, team or shared' })
    .default('mine')
    .describe(
      '`mine`: cases you own; `team`: cases of your teams that you may see (all of them for a ' +
        'supervisor); `shared`: cases shared with you (including your break-glass reads).',
    ),
  status: z
    .enum(['open', 'on_hold', 'closed', 'all'], {
      message: 'Choose a status: open, on_hold, closed or all',
    })
    .default('open'),
  limit: z.coerce
    .number({ message: 'Give limit as a whole number from 1 to 500' })
    .int({ message: 'Give limit as a whole number from 1 to 500' })
    .min(1, { message: 'Give limit as a whole number from 1 to 500' })
    .max(500, { message: 'Give limit as a whole number from 1 to 500' })
    .default(200),
});
export type ListCasesQuery = z.infer<typeof listCasesQuerySchema>;

export const updateCaseRequestSchema = z
  .strictObject({
    presentingIssue: presentingIssueSchema.optional(),
    desiredOutcome: desiredOutcomeSchema.nullable().optional().describe('null or "" clears it.'),
    caseTypeId: caseTypeIdSchema.optional(),
    complexityWeight: complexityWeightSchema.optional(),
    vulnerabilityIndicators: vulnerabilityIndicatorsSchema.optional(),
    ownerId: userIdSchema('the new owner')
      .optional()
      .describe(
        'Reassign: a supervisor of the case’s team may give it to any member of that team; the owner ' +
          'may hand it to a teammate. The new owner must be an active adviser or supervisor.',
      ),
    teamId: teamIdSchema
      .optional()
      .describe(
        'Move the case to another team: a supervisor of that team, or the owner into another team ' +
          'they belong to. The owner must be a member of the team.',
      ),
    handoverNote: text('a handover note for the new owner (what they must know and do first)', 8000)
      .optional()
      .describe(
        'Required when the owner changes (ownerId): what the new owner must know and do first. It is ' +
          'kept with the case, and the new owner sees it at the top of the case until they mark it read.',
      ),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message:
      'Send at least one of presentingIssue, desiredOutcome, caseTypeId, complexityWeight, ' +
      'vulnerabilityIndicators, ownerId or teamId',
  })
  .meta({ id: 'UpdateCaseRequest' });
export type UpdateCaseRequest = z.infer<typeof updateCaseRequestSchema>;

export const changeCaseStatusRequestSchema = z
  .discriminatedUnion(
    'status',
    [
      z.strictObject({
        status: z.literal('on_hold'),
        reason: text('why the case is on hold', 1000),
      }),
      z.strictObject({
        status: z.literal('closed'),
        outcomeKey: z
          .string({ message: 'Choose the outcome from your organisation’s outcome list' })
          .trim()
          .min(1, { message: 'Choose the outcome from your organisation’s outcome list' })
          .max(63, { message: 'Choose the outcome from your organisation’s outcome list' })
          .describe('The key of one of the organisation’s active outcomes (GET /api/outcome-types).'),
        outcome: z
          .string({ message: 'Describe the outcome as text' })
          .trim()
          .max(1000, { message: 'Use at most 1000 characters for the outcome details' })
          .optional()
          .describe('Optional details of the outcome in words.'),
        closureReason: text('why the case is closed', 1000),
        financialOutcomes: z
          .array(financialOutcomeInputSchema, { message: 'Give the financial outcomes as a list' })
          .max(20, { message: 'Give at most 20 financial outcomes at once' })
          .optional()
          .describe(
            'Recorded in the same transaction, where the organisation records financial outcomes ' +
              '(FINANCIAL_OUTCOMES_NOT_RECORDED otherwise).',
          ),
      }),
      z.strictObject({
        status: z.literal('open'),
        reason: text('why the case is reopened', 1000)
          .optional()
          .describe('Required when reopening a closed case.'),
      }),
    ],
    {
      error: 'Choose a status: open, on_hold (with reason) or closed (with outcomeKey and closureReason)',
    },
  )
  .meta({ id: 'ChangeCaseStatusRequest' });
export type ChangeCaseStatusRequest = z.infer<typeof changeCaseStatusRequestSchema>;

export const flagKindSchema = z.enum(['safeguarding', 'vulnerability'], {
  message: 'Choose a kind of flag: safeguarding or vulnerability',
});

export const raiseFlagRequestSchema = z
  .strictObject({
    kind: flagKindSchema,
    category: text('a category for the flag (for example “domestic abuse”)', 120),
    description: z
      .string({ message: 'Describe the concern as text' })
      .trim()
      .max(2000, { message: 'Use at most 2000 characters for the description' })
      .optional(),
  })
  .meta({ id: 'RaiseFlagRequest' });
export type RaiseFlagRequest = z.infer<typeof raiseFlagRequestSchema>;

export const resolveFlagRequestSchema = z
  .strictObject({ resolution: text('how the concern was resolved', 2000) })
  .meta({ id: 'ResolveFlagRequest' });
export type ResolveFlagRequest = z.infer<typeof resolveFlagRequestSchema>;

export const shareCaseRequestSchema = z
  .strictObject({
    userId: userIdSchema('the colleague'),
    reason: text('why you share the case (for example “covering while I am on leave”)', 1000),
    expiresAt: z.iso
      .datetime({ offset: true, message: 'Give the expiry as a date and time, e.g. 2026-12-24T17:00:00Z' })
      .optional()
      .describe('When the share ends; it lasts until revoked when left out.'),
  })
  .meta({ id: 'ShareCaseRequest' });
export type ShareCaseRequest = z.infer<typeof shareCaseRequestSchema>;

export const breakGlassRequestSchema = z
  .strictObject({
    reason: text('why you need to see this case now', 1000).describe(
      'Kept in the tamper-evident audit log: say why (e.g. “owner off sick, client in crisis”) ' +
        'without the client’s name or other details about them.',
    ),
  })
  .meta({ id: 'BreakGlassRequest' });
export type BreakGlassRequest = z.infer<typeof breakGlassRequestSchema>;

// Responses.

const personRefSchema = z.object({ id: z.uuid(), displayName: z.string() });
const teamRefSchema = z.object({ id: z.uuid(), name: z.string() });
const caseTypeRefSchema = z.object({ id: z.uuid(), key: z.string(), name: z.string() });

export const caseFlagSchema = z
  .object({
    id: z.uuid(),
    kind: flagKindSchema,
    category: z.string(),
    description: z.string().nullable(),
    raisedBy: personRefSchema,
    raisedAt: z.iso.datetime(),
    resolvedBy: personRefSchema.nullable(),
    resolvedAt: z.iso.datetime().nullable(),
    resolution: z.string().nullable(),
  })
  .meta({ id: 'CaseFlag' });
export type CaseFlagResponse = z.infer<typeof caseFlagSchema>;

export const caseShareSchema = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    user: personRefSchema,
    kind: z.enum(['share', 'break-glass']).describe('`break-glass`: a supervisor’s audited emergency read.'),
    reason: z.string(),
    expiresAt: z.iso.datetime().nullable(),
    grantedBy: personRefSchema,
    grantedAt: z.iso.datetime(),
    revokedAt: z.iso.datetime().nullable(),
  })
  .meta({ id: 'CaseShare' });
export type CaseShareResponse = z.infer<typeof caseShareSchema>;

export const caseFieldChangeSchema = z
  .object({
    field: z.string().describe('The case field (column name), e.g. status, hold_reason, owner_id.'),
    oldValue: z.unknown(),
    newValue: z.unknown(),
    reason: z.string().nullable(),
    changedBy: personRefSchema,
    changedAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseFieldChange' });

export const clientSummarySchema = z.object({
  id: z.uuid(),
  displayName: z.string().describe('The preferred name, or the legal name when there is none.'),
  legalName: z.string(),
  preferredName: z.string().nullable(),
  pronouns: z.string().nullable(),
  safeContact: z
    .object({
      voicemail: z.boolean().optional(),
      letters: z.boolean().optional(),
      safeTimes: z.string().optional(),
      safeAddress: z.string().optional(),
      safePhone: z.string().optional(),
      notes: z.string().optional(),
    })
    .describe('How the client may safely be contacted: check before calling or writing.'),
  accessNeeds: z.object({
    interpreter: z.boolean().optional(),
    language: z.string().optional(),
    bsl: z.boolean().optional(),
    easyRead: z.boolean().optional(),
    other: z.string().optional(),
  }),
});

export const caseSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().describe('CL-<year>-<six digits>, unique in the organisation, never reused.'),
    client: clientSummarySchema,
    type: caseTypeRefSchema,
    presentingIssue: z.string(),
    desiredOutcome: z.string().nullable(),
    status: caseStatusSchema,
    holdReason: z.string().nullable(),
    outcomeType: z
      .object({ key: z.string(), label: z.string(), positive: z.boolean() })
      .nullable()
      .describe(
        'The outcome from the organisation’s list; null while open, and for cases closed before the list.',
      ),
    outcome: z.string().nullable().describe('Details of the outcome in words (optional).'),
    closureReason: z.string().nullable(),
    owner: personRefSchema,
    team: teamRefSchema.nullable(),
    complexityWeight: z.number(),
    vulnerabilityIndicators: z.array(z.string()),
    openedAt: z.iso.datetime(),
    closedAt: z.iso.datetime().nullable(),
    destructionDueOn: z.iso
      .date()
      .nullable()
      .describe(
        'Closed cases: the day the case is due to be destroyed (closing day + its type’s retention years, or an extension’s date). Null while open or on hold.',
      ),
    retentionExtension: z
      .object({
        previousOn: z.iso.date().describe('The destruction date before the extension.'),
        reason: z.string(),
        extendedBy: personRefSchema,
        extendedAt: z.iso.datetime(),
      })
      .nullable()
      .describe('The extension that set destructionDueOn; null when it is the retention schedule’s date.'),
    lastAttentionAt: z.iso.datetime(),
    flags: z.array(caseFlagSchema),
    shares: z.array(caseShareSchema).describe('Live shares: not revoked and not expired.'),
    history: z.array(caseFieldChangeSchema).describe('Every change of a case field, oldest first.'),
    recordingConsent: recordingConsentSchema.describe(
      'Where the client stands on consent to recording today: flagged unless active.',
    ),
    yourAccess: z.object({
      contribute: z.boolean().describe('You may add notes, actions, goals, flags…'),
      manage: z.boolean().describe('You may change fields, status, owner and shares.'),
    }),
  })
  .meta({ id: 'Case' });
export type CaseResponse = z.infer<typeof caseSchema>;

export const caseSummarySchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    client: z.object({ id: z.uuid(), displayName: z.string() }),
    type: caseTypeRefSchema,
    status: caseStatusSchema,
    owner: personRefSchema,
    team: teamRefSchema.nullable(),
    openFlags: z.number().int().describe('Unresolved safeguarding and vulnerability flags.'),
    openedAt: z.iso.datetime(),
    lastAttentionAt: z.iso.datetime(),
  })
  .meta({ id: 'CaseSummary' });
export type CaseSummaryResponse = z.infer<typeof caseSummarySchema>;

export const caseListSchema = z
  .object({
    cases: z.array(caseSummarySchema).describe('Longest without attention first.'),
  })
  .meta({ id: 'CaseList' });
export type CaseListResponse = z.infer<typeof caseListSchema>;
