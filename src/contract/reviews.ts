/**
 * Caseload reviews (supervision): schedules (`/api/review-schedules`), reviews with their frozen
 * snapshots, the cases discussed, improvements agreed as actions, completion, the PDF record and the
 * comparison of two reviews (`/api/reviews`).
 */
import { z } from 'zod';
import { createActionRequestSchema } from './actions.ts';
import { createObstacleRequestSchema, obstacleCategorySchema } from './obstacles.ts';

const dateString = z.iso.date();
const person = z.object({ id: z.uuid(), displayName: z.string() });

export const REVIEW_REASON_KINDS = [
  'red',
  'over-timescale',
  'neglected',
  'stalled',
  'over-capacity',
  'added',
] as const;

// -- schedules --

export const practitionerIdParamsSchema = z.object({
  practitionerId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/review-schedules' }),
});

export const reviewScheduleSchema = z
  .object({
    practitioner: person,
    self: z.boolean().describe('The schedule is your own.'),
    cadenceWeeks: z.number().int().describe('The cadence in force, in weeks.'),
    cadenceSource: z.enum(['own', 'organisation']),
    ownCadenceWeeks: z
      .number()
      .int()
      .nullable()
      .describe('Their own cadence; null follows the organisation’s.'),
    organisationCadenceWeeks: z.number().int(),
    nextDueOn: dateString,
    dueSource: z
      .enum(['scheduled', 'cadence', 'never-reviewed'])
      .describe(
        'Set by a supervisor or at the last review; the cadence after the last review; never reviewed.',
      ),
    status: z.enum(['overdue', 'due-today', 'due-soon', 'scheduled']),
    daysUntilDue: z.number().int().describe('Calendar days; negative when overdue.'),
    words: z.string().describe('e.g. "Overdue by 3 days (was due Mon 23 Nov)."'),
    lastReview: z
      .object({ id: z.uuid(), completedAt: z.iso.datetime(), supervisorName: z.string() })
      .nullable(),
    inProgressReview: z
      .object({ id: z.uuid(), startedAt: z.iso.datetime(), supervisorName: z.string() })
      .nullable(),
    mayStart: z.boolean().describe('You may start a review of this person now (none in progress).'),
    maySetSchedule: z.boolean(),
  })
  .meta({ id: 'ReviewSchedule' });
export type ReviewScheduleResponse = z.infer<typeof reviewScheduleSchema>;

export const reviewScheduleListSchema = z
  .object({
    today: dateString,
    schedules: z
      .array(reviewScheduleSchema)
      .describe('Yours first, then the members of the teams you supervise, the most overdue first.'),
  })
  .meta({ id: 'ReviewScheduleList' });
export type ReviewScheduleListResponse = z.infer<typeof reviewScheduleListSchema>;

export const setReviewScheduleRequestSchema = z
  .strictObject({
    cadenceWeeks: z
      .number({ message: 'Give the cadence as a whole number of weeks from 1 to 52, or null' })
      .int({ message: 'Give the cadence as a whole number of weeks from 1 to 52' })
      .min(1, { message: 'Give the cadence as a whole number of weeks from 1 to 52' })
      .max(52, { message: 'Give the cadence as a whole number of weeks from 1 to 52' })
      .nullable()
      .describe('Weeks between reviews; null follows the organisation’s cadence.'),
    nextDueOn: dateString
      .optional()
      .describe(
        'The next review’s date (today or later). Left out: the cadence after the last completed review ' +
          '(today if there was none).',
      ),
  })
  .meta({ id: 'SetReviewScheduleRequest' });
export type SetReviewScheduleRequest = z.infer<typeof setReviewScheduleRequestSchema>;

// -- reviews --

export const reviewIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a review id (a UUID) as listed by GET /api/reviews' }),
});
export const reviewCaseParamsSchema = reviewIdParamsSchema.extend({
  caseId: z.uuid({ message: 'Use a case id (a UUID) of this review' }),
});

export const startReviewRequestSchema = z
  .strictObject({
    practitionerId: z.uuid({ message: 'Choose the practitioner whose caseload to review (a user id)' }),
  })
  .meta({ id: 'StartReviewRequest' });

export const reviewListQuerySchema = z.strictObject({
  practitionerId: z
    .uuid({ message: 'Use a user id (a UUID) as listed by GET /api/review-schedules' })
    .optional()
    .describe('One practitioner’s reviews. Left out: your own, the ones you hold, and your teams’.'),
});

export const reviewReasonSchema = z.object({
  kind: z.enum(REVIEW_REASON_KINDS),
  label: z.string().describe('e.g. "Stalled".'),
  reason: z.string().describe('Why, in plain words.'),
});

export const reviewSummarySchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['in-progress', 'completed']),
    practitioner: person,
    supervisor: person,
    startedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    nextReviewOn: dateString.nullable(),
  })
  .meta({ id: 'ReviewSummary' });
export type ReviewSummaryResponse = z.infer<typeof reviewSummarySchema>;

export const reviewListSchema = z
  .object({ reviews: z.array(reviewSummarySchema).describe('The latest first.') })
  .meta({ id: 'ReviewList' });
export type ReviewListResponse = z.infer<typeof reviewListSchema>;

export const snapshotFigureSchema = z.object({
  key: z.string(),
  label: z.string(),
  value: z.number().nullable(),
});

export const reviewImprovementSchema = z.object({
  id: z.uuid().describe('The action’s id: it is on the case like any action.'),
  caseId: z.uuid(),
  description: z.string(),
  ownerKind: z.enum(['practitioner', 'client', 'third_party']),
  ownerUserId: z.uuid().nullable(),
  ownerName: z.string().nullable().describe('The practitioner’s display name or the third party’s name.'),
  dueDate: dateString.nullable(),
  status: z.enum(['open', 'done', 'cancelled']),
});

export const reviewObstacleSchema = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  category: obstacleCategorySchema,
  description: z.string(),
  since: dateString,
  plan: z.string().nullable(),
  resolved: z.boolean(),
});

export const reviewCaseSchema = z.object({
  caseId: z.uuid(),
  reference: z.string(),
  band: z
    .enum(['red', 'amber', 'green', 'not-assessed'])
    .describe('The band when the case came onto the review (proposed: at the start; added: when added).'),
  currentBand: z.enum(['red', 'amber', 'green', 'not-assessed']),
  caseStatus: z.enum(['open', 'on_hold', 'closed']),
  proposed: z.boolean().describe('Proposed by Caseload (true) or added at the review (false).'),
  reasons: z.array(reviewReasonSchema),
  decision: z.string().nullable(),
  obstacles: z.string().nullable().describe('The obstacles discussed, in words.'),
  discussed: z.boolean(),
  discussedAt: z.iso.datetime().nullable(),
  improvements: z.array(reviewImprovementSchema).describe('The actions agreed at this review.'),
  obstacleRecords: z.array(reviewObstacleSchema).describe('Obstacle records made at this review.'),
});
export type ReviewCaseResponse = z.infer<typeof reviewCaseSchema>;

export const reviewReflectionSchema = z.object({
  id: z.uuid(),
  title: z.string(),
  occurredOn: dateString,
  description: z.string(),
  feelings: z.string(),
  evaluation: z.string(),
  analysis: z.string(),
  conclusion: z.string(),
  actionPlan: z.string(),
  sharedAt: z.iso.datetime(),
});

export const reviewExternalFactorSchema = z.object({
  id: z.uuid(),
  kind: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  startsOn: dateString,
  endsOn: dateString.nullable(),
});

export const reviewSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['in-progress', 'completed']),
    practitioner: person,
    supervisor: person,
    startedAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    summary: z.string().nullable(),
    nextReviewOn: dateString.nullable(),
    today: dateString,
    yourRole: z.enum(['practitioner', 'supervisor', 'other-supervisor']),
    mayChange: z.boolean().describe('You hold this review and it is in progress.'),
    mayShareReflections: z.boolean().describe('You are its practitioner and it is in progress.'),
    suggestedNextReviewOn: dateString.describe('Today plus the practitioner’s cadence.'),
    previousReviewId: z.uuid().nullable().describe('The practitioner’s completed review before this one.'),
    period: z.object({ from: dateString, to: dateString }).describe('Since the previous review.'),
    snapshot: z.object({
      takenAt: z.iso.datetime(),
      today: dateString,
      figures: z.array(snapshotFigureSchema).describe('Every figure of the snapshot, labelled.'),
      capacity: z
        .object({
          load: z.number(),
          capacity: z.number(),
          rag: z.enum(['blue', 'green', 'amber', 'red']),
          summary: z.string(),
        })
        .nullable(),
      dashboard: z
        .record(z.string(), z.unknown())
        .nullable()
        .describe('The dashboard figures as frozen (DashboardFigures); cases you may not view are left out.'),
    }),
    cases: z.array(reviewCaseSchema).describe('Proposed first (red first), then those added.'),
    hiddenCases: z.number().int().describe('Cases on the review you may not view (not named).'),
    reflections: z
      .array(reviewReflectionSchema)
      .describe('Entries the practitioner shared into this review.'),
    externalFactors: z.array(reviewExternalFactorSchema).describe('External factors in the review’s period.'),
  })
  .meta({ id: 'Review' });
export type ReviewResponse = z.infer<typeof reviewSchema>;

export const addReviewCaseRequestSchema = z
  .strictObject({ caseId: z.uuid({ message: 'Choose a case (a case id) to add to the review' }) })
  .meta({ id: 'AddReviewCaseRequest' });

const longText = (what: string) =>
  z
    .string({ message: `Write the ${what} as text` })
    .trim()
    .max(4000, { message: `Use at most 4000 characters for the ${what}` });

export const updateReviewCaseRequestSchema = z
  .strictObject({
    decision: longText('decision').nullable().optional().describe('What was decided; null or "" clears it.'),
    obstacles: longText('obstacles')
      .nullable()
      .optional()
      .describe('Obstacles discussed; null or "" clears it.'),
    discussed: z.boolean({ message: 'Say true or false' }).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: 'Send at least one of decision, obstacles or discussed',
  })
  .meta({ id: 'UpdateReviewCaseRequest' });
export type UpdateReviewCaseRequest = z.infer<typeof updateReviewCaseRequestSchema>;

export const improvementRequestSchema = createActionRequestSchema
  .safeExtend({
    caseId: z.uuid({ message: 'Choose the case of the review this improvement is for' }),
    dueDate: z.iso
      .date({ message: 'Give the date it is due, such as 2026-12-31' })
      .describe('An improvement always has a due date (YYYY-MM-DD).'),
  })
  .meta({ id: 'ImprovementRequest' });
export type ImprovementRequest = z.infer<typeof improvementRequestSchema>;

export const reviewObstacleRequestSchema = createObstacleRequestSchema
  .safeExtend({ caseId: z.uuid({ message: 'Choose the case of the review this obstacle is on' }) })
  .meta({ id: 'ReviewObstacleRequest' });

export const completeReviewRequestSchema = z
  .strictObject({
    summary: z
      .string({ message: 'Summarise the review: what was found and agreed' })
      .trim()
      .min(1, { message: 'Summarise the review: what was found and agreed' })
      .max(8000, { message: 'Use at most 8000 characters for the summary' }),
    nextReviewOn: z.iso
      .date({ message: 'Give the date of the next review, such as 2026-12-24' })
      .describe('After today; becomes the practitioner’s next due date.'),
  })
  .meta({ id: 'CompleteReviewRequest' });
export type CompleteReviewRequest = z.infer<typeof completeReviewRequestSchema>;

export const shareReflectionRequestSchema = z
  .strictObject({
    reflectionId: z.uuid({ message: 'Choose an entry of your reflective log (a reflection id)' }),
  })
  .meta({ id: 'ShareReflectionRequest' });

export const compareQuerySchema = z.strictObject({
  from: z.uuid({ message: 'Use the earlier review’s id (a UUID) for from' }),
  to: z.uuid({ message: 'Use the later review’s id (a UUID) for to' }),
});

export const reviewComparisonSchema = z
  .object({
    practitioner: person,
    from: reviewSummarySchema,
    to: reviewSummarySchema,
    figures: z.array(
      z.object({
        key: z.string(),
        label: z.string(),
        before: z.number().nullable(),
        after: z.number().nullable(),
        change: z.number().nullable(),
        words: z.string().describe('"up 2", "down 1", "no change", "new", "no longer counted".'),
      }),
    ),
  })
  .meta({ id: 'ReviewComparison' });
export type ReviewComparisonResponse = z.infer<typeof reviewComparisonSchema>;
