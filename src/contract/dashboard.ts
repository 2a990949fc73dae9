/**
 * The caseload dashboard (`GET /api/dashboard`): figures about a practitioner's or a team's
 * caseload, each with the cases behind it, the 26-week trends and the external factors in that
 * window. The same object is frozen as a caseload review's snapshot, so it is plain JSON (dates as
 * `YYYY-MM-DD` strings, instants as ISO strings, no Infinity) and its shape stays stable.
 */
import { z } from 'zod';
import { AGEING_BUCKET_KEYS } from '../domain/dashboard/ageing.ts';
import { EXTERNAL_FACTOR_KINDS } from '../domain/dashboard/external-factors.ts';

export { AGEING_BUCKET_KEYS, EXTERNAL_FACTOR_KINDS };

const dateString = z.string().describe('A calendar date, YYYY-MM-DD.');

/** A figure: how many, and the cases behind it (each case once). */
export const figureSchema = z.object({
  count: z.number().int().describe('How many (cases, or records for figures about records).'),
  caseIds: z.array(z.string()).describe('The cases behind the figure, each once; see `cases`.'),
});
export type Figure = z.infer<typeof figureSchema>;

/** A figure counting records (actions, key dates, obstacles, goals): their ids too. */
export const recordFigureSchema = figureSchema.extend({
  count: z.number().int().describe('How many records.'),
  itemIds: z.array(z.string()).describe('The ids of the records counted.'),
});
export type RecordFigure = z.infer<typeof recordFigureSchema>;

export const DASHBOARD_BANDS = ['red', 'amber', 'green', 'not-assessed'] as const;
export type DashboardBand = (typeof DASHBOARD_BANDS)[number];

const closedPeriodSchema = figureSchema.extend({
  byOutcome: z
    .array(
      figureSchema.extend({
        outcomeKey: z.string().nullable().describe('outcome_types.key; null: not recorded.'),
        label: z.string().describe('The outcome’s label, or "Not recorded".'),
        positive: z.boolean(),
      }),
    )
    .describe('In the order of the organisation’s outcome list, "Not recorded" last.'),
});

export const trendWeekSchema = z.object({
  weekStart: dateString.describe('The Monday.'),
  weekEnd: dateString.describe('The Sunday.'),
  intake: z.number().int().describe('Cases opened that week.'),
  closures: z.number().int().describe('Cases closed that week.'),
  positiveOutcomes: z.number().int().describe('Cases closed that week with a positive outcome.'),
  weightedLoad: z
    .number()
    .describe(
      'Sum of the weights of the cases open at the end of the week (today for the current week), ' +
        'using today’s weights.',
    ),
  externalFactorIds: z.array(z.string()).describe('External factors overlapping the week.'),
});
export type TrendWeek = z.infer<typeof trendWeekSchema>;

export const dashboardExternalFactorSchema = z.object({
  id: z.string(),
  kind: z.enum(EXTERNAL_FACTOR_KINDS),
  title: z.string(),
  description: z.string().nullable(),
  startsOn: dateString,
  endsOn: dateString.nullable().describe('null: a single day.'),
  teamId: z.string().nullable(),
  userId: z.string().nullable(),
});
export type DashboardExternalFactor = z.infer<typeof dashboardExternalFactorSchema>;

export const dashboardCaseSchema = z.object({
  id: z.string(),
  reference: z.string(),
  band: z.enum(DASHBOARD_BANDS),
  status: z.enum(['open', 'on_hold', 'closed']),
  caseTypeName: z.string(),
  ownerName: z.string(),
});
export type DashboardCase = z.infer<typeof dashboardCaseSchema>;

export const dashboardFiguresSchema = z
  .object({
    scope: z.object({
      kind: z.enum(['mine', 'user', 'team']),
      userId: z.string().nullable().describe('The practitioner (mine: the reader; user: the one asked for).'),
      teamIds: z.array(z.string()).describe('For a team scope: the teams counted.'),
    }),
    today: dateString.describe('Today in the organisation’s time zone.'),
    generatedAt: z.string().describe('When the figures were computed (ISO 8601).'),
    settings: z.object({
      stalledAfterDays: z.number().int(),
      keyDateWindowWorkingDays: z.number().int(),
    }),
    open: z.object({
      total: figureSchema.describe('Open and on-hold cases.'),
      byBand: z.object({
        red: figureSchema,
        amber: figureSchema,
        green: figureSchema,
        notAssessed: figureSchema,
      }),
      byStatus: z.object({ open: figureSchema, onHold: figureSchema }),
      byCaseType: z.array(figureSchema.extend({ caseTypeId: z.string(), name: z.string() })),
    }),
    ageing: z
      .array(
        figureSchema.extend({
          key: z.enum(AGEING_BUCKET_KEYS),
          label: z.string(),
          fromDays: z.number().int(),
          toDays: z.number().int().nullable(),
        }),
      )
      .describe('Open and on-hold cases by calendar days since opening.'),
    overdueActions: recordFigureSchema.describe(
      'Open actions with a due date before today, on open and on-hold cases.',
    ),
    keyDates: z.object({
      dueSoon: recordFigureSchema.describe(
        'Pending key dates from today up to the window’s last working day (inclusive).',
      ),
      dueSoonUntil: dateString,
      missed: recordFigureSchema.describe('Pending key dates whose day has passed.'),
    }),
    stalled: figureSchema.describe('Open cases without attention for stalledAfterDays working days.'),
    neglect: figureSchema.describe('Open cases with 75 % or more of their review interval gone.'),
    obstacles: z.object({
      total: recordFigureSchema,
      byCategory: z.array(recordFigureSchema.extend({ category: z.string() })),
    }),
    goalsAchieved: z.object({
      last30Days: recordFigureSchema,
      last90Days: recordFigureSchema,
    }),
    closed: z.object({ last30Days: closedPeriodSchema, last90Days: closedPeriodSchema }),
    timescales: z.object({
      measured: z.number().int().describe('Open and on-hold cases measured against a timescale.'),
      compliancePercent: z
        .number()
        .nullable()
        .describe('Share of measured cases with no clock breached (0–100, one decimal); null: none.'),
      breached: figureSchema,
      within: figureSchema,
    }),
    capacity: z
      .object({
        userId: z.string(),
        load: z.number(),
        capacity: z.number(),
        percent: z.number().nullable().describe('load ÷ capacity × 100, rounded; null: no capacity.'),
        rag: z.enum(['blue', 'green', 'amber', 'red']),
        summary: z.string(),
        caseIds: z.array(z.string()).describe('The cases that make up the load that the reader may view.'),
        hiddenCases: z.number().int().describe('Cases in the load the reader may not view.'),
      })
      .nullable()
      .describe('For one practitioner only (mine, user); null for a team.'),
    trends: z.object({
      weeks: z.array(trendWeekSchema).describe('26 weeks, Monday to Sunday, oldest first.'),
      notes: z.array(z.string()).describe('How the trends were made, in plain words.'),
    }),
    externalFactors: z.array(dashboardExternalFactorSchema).describe('Those overlapping the 26 weeks.'),
    cases: z.array(dashboardCaseSchema).describe('Every case the figures name, once.'),
  })
  .meta({ id: 'DashboardFigures' });
export type DashboardFigures = z.infer<typeof dashboardFiguresSchema>;

export const dashboardQuerySchema = z.strictObject({
  scope: z
    .enum(['mine', 'user', 'team'], { message: 'Choose a scope: mine, user or team' })
    .default('mine')
    .describe(
      '`mine`: your cases; `user`: one member of a team you supervise (`userId`); `team`: a team you ' +
        'supervise (`teamId`, or every team you supervise when left out).',
    ),
  userId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' }).optional(),
  teamId: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }).optional(),
});
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;
