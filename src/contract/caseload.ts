/**
 * The effect of priorities on a practitioner's caseload (`/api/caseload`): cases at risk of
 * neglect, attention by band over the last 4 weeks, the forecast of breaches over the next 4
 * weeks, and what-ifs (a hypothetical urgent case, less capacity, weeks away).
 */
import { z } from 'zod';
import { BANDS } from '../domain/priority/levels.ts';

const bandSchema = z.enum(BANDS, { message: 'Choose a band: red, amber or green' });
const userId = z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' });

export const caseloadEffectQuerySchema = z.strictObject({
  userId: userId.optional().describe('Whose caseload; yourself when left out.'),
});

const caseRefSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  clientName: z.string(),
});
export type CaseRef = z.infer<typeof caseRefSchema>;

const practitionerSchema = z.object({
  id: z.uuid(),
  displayName: z.string(),
  weeklyCapacityHours: z.number().describe('Hours a week for casework, as an administrator set it.'),
});

const neglectedCaseSchema = z.object({
  case: caseRefSchema,
  band: bandSchema,
  shareElapsed: z.number().describe('Working days since attention ÷ review timescale (1 = due today).'),
  workingDaysSinceAttention: z.number().int(),
  reviewTimescaleWorkingDays: z.number().int(),
  workingDaysLeft: z.number().int().describe('Until the review is due; negative when overdue.'),
  overdue: z.boolean(),
  reason: z.string(),
});

const bandAttentionSchema = z.object({
  band: bandSchema,
  cases: z.number().int(),
  shareOfCases: z.number(),
  attentionEvents: z.number().int(),
  shareOfAttention: z.number(),
  attentionRatio: z
    .number()
    .nullable()
    .describe('Share of attention ÷ share of cases: 1 is in proportion; null when the band has no cases.'),
  casesWithoutAttention: z.array(caseRefSchema),
});

const attentionSchema = z.object({
  from: z.iso.date(),
  to: z.iso.date(),
  weeks: z.number().int(),
  totalCases: z.number().int(),
  totalEvents: z.number().int(),
  eventsOutsideCaseload: z
    .number()
    .int()
    .describe('Attention to the practitioner’s cases that are no longer open (not counted in the bands).'),
  bands: z.array(bandAttentionSchema),
  summary: z.array(z.string()),
});

const forecastCaseSchema = z.object({
  case: caseRefSchema,
  band: bandSchema,
  position: z.number().int().describe('Place in the order the caseload is worked (1 first).'),
  effortHours: z.number(),
  effortEstimated: z.boolean().describe('False when the effort is the default for the band.'),
  hoursAhead: z.number(),
  deadlineWorkingDays: z.number().int().describe('Working days until the review is due (0 today).'),
  attentionWeek: z.number().int().nullable().describe('The week its attention is done; null: not reached.'),
  attentionWorkingDay: z.number().int().nullable(),
  breaches: z.boolean(),
  breachWeek: z.number().int().nullable().describe('0 when already past its timescale.'),
  alreadyOverdue: z.boolean(),
  reason: z.string(),
});

const forecastWeekSchema = z.object({
  week: z.number().int(),
  capacityHours: z.number(),
  allocatedHours: z.number(),
  spareHours: z.number(),
  attended: z.array(caseRefSchema).describe('Cases whose attention is expected to be done this week.'),
  breaching: z.array(caseRefSchema).describe('Cases whose timescale is expected to be breached this week.'),
});

const forecastSummarySchema = z.object({
  cases: z.number().int(),
  breaching: z.number().int(),
  alreadyOverdue: z.number().int(),
  notReached: z.number().int(),
  capacityHours: z.number(),
  effortHours: z.number(),
  hoursOverCapacity: z.number(),
  text: z.string(),
});

export const caseloadEffectResponseSchema = z
  .object({
    practitioner: practitionerSchema,
    today: z.iso.date().describe('Today in the organisation’s time zone.'),
    openCases: z.number().int(),
    neglect: z.array(neglectedCaseSchema).describe('Cases with ≥ 75% of their review timescale gone.'),
    attention: attentionSchema,
    forecast: z.object({
      horizonWeeks: z.number().int(),
      cases: z.array(forecastCaseSchema),
      weeks: z.array(forecastWeekSchema),
      summary: forecastSummarySchema,
    }),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'CaseloadEffect' });
export type CaseloadEffectResponse = z.infer<typeof caseloadEffectResponseSchema>;

const hours = (what: string, max: number) =>
  z
    .number({ message: `Give ${what} as a number of hours` })
    .min(0, { message: `Give ${what} as 0 hours or more` })
    .max(max, { message: `Give ${what} as at most ${max} hours` });

export const WHAT_IF_HORIZON_WEEKS = 4;

export const caseloadWhatIfRequestSchema = z
  .strictObject({
    userId: userId.optional().describe('Whose caseload; yourself when left out.'),
    change: z
      .strictObject(
        {
          addCase: z
            .strictObject({
              band: bandSchema.default('red'),
              effortHours: hours('the effort', 200),
              deadlineWorkingDays: z
                .number({ message: 'Give the working days until it needs attention as a whole number' })
                .int({ message: 'Give the working days until it needs attention as a whole number' })
                .min(0, { message: 'Give 0 working days (today) or more' })
                .max(250, { message: 'Give at most 250 working days' })
                .optional()
                .describe('Default: the first-contact timescale for the band (and case type).'),
              caseTypeId: z
                .uuid({ message: 'Use a case type id (a UUID) as listed by GET /api/case-types' })
                .optional(),
            })
            .optional()
            .describe('A hypothetical new case, e.g. an urgent referral.'),
          capacityHours: hours('the weekly capacity', 80)
            .optional()
            .describe('Hours a week instead of the practitioner’s weekly capacity.'),
          absentWeeks: z
            .array(
              z
                .number({
                  message: `Give each absent week as a week of the forecast, 1 to ${WHAT_IF_HORIZON_WEEKS}`,
                })
                .int({
                  message: `Give each absent week as a week of the forecast, 1 to ${WHAT_IF_HORIZON_WEEKS}`,
                })
                .min(1, {
                  message: `Give each absent week as a week of the forecast, 1 to ${WHAT_IF_HORIZON_WEEKS}`,
                })
                .max(WHAT_IF_HORIZON_WEEKS, {
                  message: `Give each absent week as a week of the forecast, 1 to ${WHAT_IF_HORIZON_WEEKS}`,
                }),
            )
            .max(WHAT_IF_HORIZON_WEEKS)
            .refine((weeks) => new Set(weeks).size === weeks.length, {
              message: 'Give each absent week once',
            })
            .optional()
            .describe('Weeks of the forecast (1–4) with no capacity at all.'),
        },
        { message: 'Describe the change: addCase, capacityHours or absentWeeks' },
      )
      .refine(
        (c) => c.addCase !== undefined || c.capacityHours !== undefined || (c.absentWeeks?.length ?? 0) > 0,
        { message: 'Describe a change: add a case, change the weekly capacity, or choose weeks away' },
      ),
  })
  .meta({ id: 'CaseloadWhatIfRequest' });
export type CaseloadWhatIfRequest = z.input<typeof caseloadWhatIfRequestSchema>;

const SHIFTS = ['newly breaching', 'later', 'unchanged', 'earlier', 'no longer breaching'] as const;

const snapshotSchema = z.object({
  attentionWeek: z.number().int().nullable(),
  attentionWorkingDay: z.number().int().nullable(),
  breaches: z.boolean(),
  breachWeek: z.number().int().nullable(),
});

const differenceSchema = z.object({
  case: caseRefSchema,
  band: bandSchema,
  shift: z.enum(SHIFTS),
  before: snapshotSchema,
  after: snapshotSchema,
  reason: z.string(),
});

export const caseloadWhatIfResponseSchema = z
  .object({
    practitioner: practitionerSchema,
    today: z.iso.date(),
    summary: z.string(),
    baseline: forecastSummarySchema,
    scenario: forecastSummarySchema,
    scenarioWeeks: z.array(
      z.object({
        week: z.number().int(),
        capacityHours: z.number(),
        allocatedHours: z.number(),
        spareHours: z.number(),
      }),
    ),
    addedCase: z
      .object({
        band: bandSchema,
        effortHours: z.number(),
        deadlineWorkingDays: z.number().int(),
        position: z.number().int(),
        attentionWeek: z.number().int().nullable(),
        attentionWorkingDay: z.number().int().nullable(),
        breaches: z.boolean(),
        breachWeek: z.number().int().nullable(),
        reason: z.string(),
      })
      .nullable(),
    slipping: z.array(differenceSchema).describe('Cases that newly breach or get their attention later.'),
    improving: z.array(differenceSchema),
    unaffected: z.number().int(),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'CaseloadWhatIf' });
export type CaseloadWhatIfResponse = z.infer<typeof caseloadWhatIfResponseSchema>;
