/**
 * File reviews (`/api/file-review-items`, `/api/file-reviews`, `/api/corrective-actions`): the
 * organisation's checklist and sampling rule, the sampled cases of each period, the answers,
 * corrective actions with their 28-day deadline and verification, and the annual analysis.
 */
import { z } from 'zod';
import { ANSWER_RESULTS } from '../domain/file-reviews/answers.ts';
import { CORRECTIVE_ACTION_STATES } from '../domain/file-reviews/corrective-actions.ts';
import { PERIOD_KINDS } from '../domain/file-reviews/periods.ts';
import { activeFlagSchema, sortOrderSchema } from './common.ts';

const uuidOf = (what: string, where: string) =>
  z.uuid({ message: `Use ${what} (a UUID) as listed by ${where}` });

export const fileReviewItemIdParamsSchema = z.object({
  id: uuidOf('a checklist item id', 'GET /api/file-review-items'),
});
export const fileReviewIdParamsSchema = z.object({ id: uuidOf('a file review id', 'GET /api/file-reviews') });
export const correctiveActionIdParamsSchema = z.object({
  id: uuidOf('a corrective action id', 'GET /api/corrective-actions'),
});

// -- Checklist --------------------------------------------------------------------------------

export const listFileReviewItemsQuerySchema = z.strictObject({
  all: z
    .enum(['true', 'false'], { message: 'Use all=true to include inactive items, or leave it out' })
    .optional()
    .transform((v) => v === 'true')
    .describe('`true` (admins only) includes items taken off the checklist.'),
});

const labelSchema = z
  .string({ message: 'Enter what the reviewer checks, e.g. "Key dates are recorded with their source"' })
  .trim()
  .min(1, { message: 'Enter what the reviewer checks, e.g. "Key dates are recorded with their source"' })
  .max(300, { message: 'Use at most 300 characters for the item' });
const guidanceSchema = z
  .string({ message: 'Enter the guidance as text' })
  .trim()
  .max(2000, { message: 'Use at most 2000 characters for the guidance' })
  .transform((v) => (v === '' ? null : v))
  .nullable()
  .describe('What to look for, shown to the reviewer beside the item; null or "" for none.');
const activeSchema = activeFlagSchema(
  'Inactive items stay in past reviews and reports but are not asked any more.',
);

export const createFileReviewItemRequestSchema = z
  .strictObject({
    key: z
      .string({ message: 'Enter a key such as "advice-confirmed"' })
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, {
        message: 'Use 1 to 63 lower-case letters, digits and hyphens for the key, e.g. "advice-confirmed"',
      })
      .describe('A stable machine name; it cannot change once created.'),
    label: labelSchema,
    guidance: guidanceSchema.optional(),
    active: activeSchema.optional().describe('true when left out.'),
    sortOrder: sortOrderSchema.optional().describe('After the last item when left out.'),
  })
  .meta({ id: 'CreateFileReviewItemRequest' });
export type CreateFileReviewItemRequest = z.infer<typeof createFileReviewItemRequestSchema>;

export const updateFileReviewItemRequestSchema = z
  .strictObject({
    key: z.never({ message: 'An item’s key is fixed once created; change its label instead' }).optional(),
    label: labelSchema.optional(),
    guidance: guidanceSchema.optional(),
    active: activeSchema.optional(),
    sortOrder: sortOrderSchema.optional(),
  })
  .refine((b) => [b.label, b.guidance, b.active, b.sortOrder].some((v) => v !== undefined), {
    message: 'Send at least one of label, guidance, active or sortOrder',
  })
  .meta({ id: 'UpdateFileReviewItemRequest' });
export type UpdateFileReviewItemRequest = z.infer<typeof updateFileReviewItemRequestSchema>;

export const fileReviewItemSchema = z
  .object({
    id: z.uuid(),
    key: z.string(),
    label: z.string(),
    guidance: z.string().nullable(),
    active: z.boolean(),
    sortOrder: z.number().int(),
  })
  .meta({ id: 'FileReviewItem' });
export type FileReviewItemResponse = z.infer<typeof fileReviewItemSchema>;

export const fileReviewItemListSchema = z
  .object({ items: z.array(fileReviewItemSchema) })
  .meta({ id: 'FileReviewItemList' });

// -- Sampling rule ----------------------------------------------------------------------------

export const periodKindSchema = z.enum(PERIOD_KINDS, {
  message: 'Choose the period: month, quarter, half-year or year',
});

export const setSamplingRuleRequestSchema = z
  .strictObject({
    casesPerPractitioner: z
      .number({ message: 'Enter the number of cases per practitioner as a whole number from 0 to 50' })
      .int({ message: 'Enter the number of cases per practitioner as a whole number from 0 to 50' })
      .min(0, { message: 'Use 0 to 50 cases per practitioner' })
      .max(50, { message: 'Use 0 to 50 cases per practitioner' })
      .describe('How many of each practitioner’s cases are reviewed per period (0: none).'),
    period: periodKindSchema.describe('How often: per month, quarter, half-year or year (calendar periods).'),
    riskShare: z
      .number({ message: 'Enter the share chosen by risk as a number from 0 to 1, e.g. 0.5' })
      .min(0, { message: 'Use a share from 0 (all at random) to 1 (all by risk)' })
      .max(1, { message: 'Use a share from 0 (all at random) to 1 (all by risk)' })
      .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
        message: 'Use at most two decimal places for the share, e.g. 0.25',
      })
      .describe('The share of each sample chosen by risk (rounded half up); the rest at random.'),
  })
  .meta({ id: 'SetSamplingRuleRequest' });
export type SetSamplingRuleRequest = z.infer<typeof setSamplingRuleRequestSchema>;

export const samplingRuleSchema = z
  .object({
    casesPerPractitioner: z.number().int(),
    period: periodKindSchema,
    riskShare: z.number(),
    currentPeriod: z.string().describe('The label of the period today falls in, e.g. 2026-Q4.'),
    currentPeriodWords: z.string().describe('e.g. "October to December 2026".'),
    description: z.string().describe('The rule in words.'),
  })
  .meta({ id: 'SamplingRule' });
export type SamplingRuleResponse = z.infer<typeof samplingRuleSchema>;

// -- File reviews -----------------------------------------------------------------------------

const periodLabelSchema = z
  .string({ message: 'Use a period label such as 2026-Q4' })
  .regex(/^\d{4}(-(0[1-9]|1[0-2]|Q[1-4]|H[12]))?$/, {
    message: 'Use a period label: 2026-11 (month), 2026-Q4 (quarter), 2026-H2 (half-year) or 2026 (year)',
  });

export const samplePeriodRequestSchema = z
  .strictObject({
    period: periodLabelSchema.optional().describe('The period to sample; the current one when left out.'),
    teamId: uuidOf('a team id', 'GET /api/teams')
      .optional()
      .describe('One team you supervise; all of them when left out.'),
  })
  .meta({ id: 'SampleFileReviewsRequest' });
export type SamplePeriodRequest = z.infer<typeof samplePeriodRequestSchema>;

export const addFileReviewRequestSchema = z
  .strictObject({
    caseId: uuidOf('a case id', 'GET /api/cases'),
    period: periodLabelSchema.optional().describe('The current period when left out.'),
  })
  .meta({ id: 'AddFileReviewRequest' });
export type AddFileReviewRequest = z.infer<typeof addFileReviewRequestSchema>;

export const listFileReviewsQuerySchema = z.strictObject({
  period: periodLabelSchema.optional(),
  status: z.enum(['due', 'completed'], { message: 'Use status=due or status=completed' }).optional(),
  practitionerId: uuidOf('a user id', 'GET /api/users').optional(),
});

const personSchema = z.object({ id: z.uuid(), displayName: z.string() });
const selectionSchema = z.enum(['random', 'risk', 'manual']);
const answerResultSchema = z.enum(ANSWER_RESULTS, {
  message: 'Answer met, not-met or not-applicable',
});
const stateSchema = z.enum(CORRECTIVE_ACTION_STATES);

export const correctiveActionSchema = z
  .object({
    id: z.uuid(),
    fileReviewId: z.uuid(),
    case: z.object({ id: z.uuid(), reference: z.string() }),
    period: z.string(),
    item: z.object({ id: z.uuid(), label: z.string() }).nullable(),
    description: z.string(),
    assignedTo: personSchema,
    raisedBy: personSchema,
    raisedAt: z.iso.datetime(),
    dueOn: z.iso.date(),
    doneAt: z.iso.datetime().nullable(),
    doneNote: z.string().nullable(),
    verifiedBy: personSchema.nullable(),
    verifiedAt: z.iso.datetime().nullable(),
    verificationNote: z.string().nullable(),
    state: stateSchema,
    stateLabel: z.string(),
    stateWords: z.string().describe('e.g. "Overdue by 3 days: it was due on 8 Dec 2026".'),
    daysOverdue: z.number().int(),
  })
  .meta({ id: 'CorrectiveAction' });
export type CorrectiveActionResponse = z.infer<typeof correctiveActionSchema>;

const actionCountsSchema = z.object({
  open: z.number().int(),
  overdue: z.number().int(),
  awaitingVerification: z.number().int(),
  verified: z.number().int(),
});

export const fileReviewSummarySchema = z
  .object({
    id: z.uuid(),
    period: z.string(),
    status: z.enum(['due', 'completed']),
    selection: selectionSchema,
    selectionReason: z.string().nullable(),
    case: z.object({ id: z.uuid(), reference: z.string() }),
    practitioner: personSchema,
    reviewer: personSchema.nullable(),
    selectedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    answered: z.number().int().describe('Active checklist items answered so far.'),
    itemsToAnswer: z.number().int().describe('Active checklist items.'),
    correctiveActions: actionCountsSchema,
  })
  .meta({ id: 'FileReviewSummary' });
export type FileReviewSummaryResponse = z.infer<typeof fileReviewSummarySchema>;

export const fileReviewListSchema = z
  .object({ today: z.iso.date(), reviews: z.array(fileReviewSummarySchema) })
  .meta({ id: 'FileReviewList' });
export type FileReviewListResponse = z.infer<typeof fileReviewListSchema>;

export const fileReviewSchema = fileReviewSummarySchema
  .extend({
    summary: z.string().nullable(),
    today: z.iso.date(),
    canReview: z.boolean().describe('Whether you may answer, complete and raise corrective actions.'),
    checklist: z.array(
      z.object({
        itemId: z.uuid(),
        key: z.string().nullable(),
        label: z.string().describe('The wording when answered, else the current wording.'),
        guidance: z.string().nullable(),
        active: z.boolean(),
        answer: z.object({ result: answerResultSchema, comment: z.string().nullable() }).nullable(),
      }),
    ),
    correctiveActionList: z.array(correctiveActionSchema),
  })
  .meta({ id: 'FileReview' });
export type FileReviewResponse = z.infer<typeof fileReviewSchema>;

export const sampleResultSchema = z
  .object({
    period: z.string(),
    periodWords: z.string(),
    rule: samplingRuleSchema,
    added: z.number().int(),
    practitioners: z.array(
      z.object({
        practitioner: personSchema,
        summary: z.string(),
        eligible: z.number().int(),
        shortfall: z.number().int(),
        chosen: z.array(
          z.object({
            fileReviewId: z.uuid(),
            case: z.object({ id: z.uuid(), reference: z.string() }),
            selection: z.enum(['random', 'risk']),
            reason: z.string(),
            riskScore: z.number(),
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'FileReviewSample' });
export type SampleResultResponse = z.infer<typeof sampleResultSchema>;

const commentSchema = z
  .string({ message: 'Enter the comment as text' })
  .trim()
  .max(4000, { message: 'Use at most 4000 characters for a comment' })
  .transform((v) => (v === '' ? null : v))
  .nullable();

export const saveAnswersRequestSchema = z
  .strictObject({
    answers: z
      .array(
        z.strictObject({
          itemId: uuidOf('a checklist item id', 'GET /api/file-review-items'),
          result: answerResultSchema,
          comment: commentSchema.optional().describe('Required when the result is not-met.'),
        }),
        { message: 'Send answers as a list of { itemId, result, comment }' },
      )
      .min(1, { message: 'Send at least one answer' })
      .max(200, { message: 'Send at most 200 answers' }),
  })
  .meta({ id: 'SaveFileReviewAnswersRequest' });
export type SaveAnswersRequest = z.infer<typeof saveAnswersRequestSchema>;

export const completeFileReviewRequestSchema = z
  .strictObject({
    summary: z
      .string({ message: 'Enter the summary as text' })
      .trim()
      .max(8000, { message: 'Use at most 8000 characters for the summary' })
      .optional()
      .describe('What the review found overall.'),
  })
  .meta({ id: 'CompleteFileReviewRequest' });
export type CompleteFileReviewRequest = z.infer<typeof completeFileReviewRequestSchema>;

export const raiseCorrectiveActionRequestSchema = z
  .strictObject({
    itemId: uuidOf('a checklist item id', 'GET /api/file-review-items')
      .optional()
      .describe('The checklist item it corrects, if any.'),
    description: z
      .string({ message: 'Describe what must be put right' })
      .trim()
      .min(1, { message: 'Describe what must be put right' })
      .max(2000, { message: 'Use at most 2000 characters for the description' }),
    assignedTo: uuidOf('a user id', 'GET /api/users')
      .optional()
      .describe(
        'Who must do it: the practitioner (the default), the case’s owner or a supervisor of its team.',
      ),
  })
  .meta({ id: 'RaiseCorrectiveActionRequest' });
export type RaiseCorrectiveActionRequest = z.infer<typeof raiseCorrectiveActionRequestSchema>;

const noteSchema = (what: string) =>
  z
    .string({ message: `Say ${what}` })
    .trim()
    .min(1, { message: `Say ${what}` })
    .max(4000, { message: 'Use at most 4000 characters for the note' });

export const correctiveActionDoneRequestSchema = z
  .strictObject({ note: noteSchema('what was done') })
  .meta({ id: 'CorrectiveActionDoneRequest' });
export const correctiveActionVerifyRequestSchema = z
  .strictObject({ note: noteSchema('how you checked it was put right') })
  .meta({ id: 'CorrectiveActionVerifyRequest' });

export const listCorrectiveActionsQuerySchema = z.strictObject({
  state: z
    .enum(CORRECTIVE_ACTION_STATES, {
      message: 'Use state=open, overdue, awaiting-verification or verified',
    })
    .optional(),
});

export const correctiveActionListSchema = z
  .object({ today: z.iso.date(), correctiveActions: z.array(correctiveActionSchema) })
  .meta({ id: 'CorrectiveActionList' });
export type CorrectiveActionListResponse = z.infer<typeof correctiveActionListSchema>;

// -- Annual analysis --------------------------------------------------------------------------

export const fileReviewReportQuerySchema = z.strictObject({
  year: z
    .string({ message: 'Give the year, e.g. year=2026' })
    .regex(/^\d{4}$/, { message: 'Give the year as four digits, e.g. year=2026' })
    .transform(Number)
    .refine((y) => y >= 2000 && y <= 2100, { message: 'Give a year from 2000 to 2100' }),
  format: z
    .enum(['json', 'csv', 'pdf'], { message: 'Use format=json, csv or pdf' })
    .optional()
    .describe('json (the default), csv or pdf.'),
});

const itemFiguresSchema = z.object({
  itemId: z.uuid(),
  key: z.string().nullable(),
  label: z.string(),
  met: z.number().int(),
  notMet: z.number().int(),
  notApplicable: z.number().int(),
  applicable: z.number().int(),
  percentMet: z
    .number()
    .int()
    .nullable()
    .describe('Whole per cent met of applicable; null when it never applied.'),
});

export const fileReviewReportSchema = z
  .object({
    year: z.number().int(),
    scope: z.enum(['organisation', 'teams']),
    teams: z.array(z.object({ id: z.uuid(), name: z.string() })),
    today: z.iso.date(),
    reviews: z.number().int().describe('Completed reviews of the year’s periods.'),
    reviewsNotCompleted: z.number().int(),
    percentMet: z.number().int().nullable(),
    items: z.array(itemFiguresSchema),
    practitioners: z.array(
      z.object({
        practitioner: personSchema,
        reviews: z.number().int(),
        percentMet: z.number().int().nullable(),
        items: z.array(itemFiguresSchema),
      }),
    ),
    correctiveActions: z.object({
      raised: z.number().int(),
      open: z.number().int(),
      overdue: z.number().int(),
      awaitingVerification: z.number().int(),
      verified: z.number().int(),
    }),
  })
  .meta({ id: 'FileReviewReport' });
export type FileReviewReportResponse = z.infer<typeof fileReviewReportSchema>;
