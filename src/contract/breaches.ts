/** The breach log (`/api/breaches`): suspected personal data breaches and the ICO reporting decision. */
import { z } from 'zod';

const instant = (what: string) =>
  z.iso.datetime({
    offset: true,
    message: `Enter ${what} as a date and time with its zone, e.g. 2026-11-24T10:30:00Z`,
  });

const text = (what: string, max: number) =>
  z
    .string({ message: `Enter ${what} as text` })
    .trim()
    .max(max, { message: `Use at most ${max} characters for ${what}` })
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

const categories = (what: string) =>
  z
    .array(
      z
        .string({ message: `Enter each ${what} as text` })
        .trim()
        .min(1, { message: `Leave out empty ${what}` })
        .max(100, { message: `Use at most 100 characters for each ${what}` }),
      { message: `List the ${what} as text` },
    )
    .max(30, { message: `List at most 30 ${what}` });

export const breachRiskLevelSchema = z.enum(['not-assessed', 'unlikely', 'risk', 'high-risk'], {
  message: 'Choose the risk to people: not-assessed, unlikely, risk or high-risk',
});
export const breachReportDecisionSchema = z.enum(['undecided', 'report', 'do-not-report'], {
  message: 'Choose the decision: undecided, report or do-not-report',
});

const breachFields = {
  discoveredAt: instant('when the breach was discovered').describe(
    'When the organisation became aware of it: the 72 hours run from here.',
  ),
  whatHappened: z
    .string({ message: 'Say what happened' })
    .trim()
    .min(1, { message: 'Say what happened' })
    .max(4000, { message: 'Use at most 4,000 characters for what happened' })
    .describe('What happened, without client names.'),
  dataCategories: categories('data categories').describe('e.g. contact details, health, financial.'),
  peopleAffected: z
    .number({ message: 'Give the number of people affected as a whole number' })
    .int({ message: 'Give the number of people affected as a whole number' })
    .min(0, { message: 'The number of people affected cannot be negative' })
    .nullable()
    .describe('How many people, roughly (null: not known yet).'),
  peopleCategories: categories('categories of people').describe('e.g. clients, staff, third parties.'),
  containment: text('the containment', 4000).describe('What was done to contain it and recover.'),
  riskLevel: breachRiskLevelSchema.describe('Likely risk to people’s rights and freedoms.'),
  riskAssessment: text('the risk assessment', 4000),
  reportDecision: breachReportDecisionSchema.describe('Whether to report to the ICO.'),
  decisionReason: text('the reason for the decision', 4000).describe(
    'Why report or not: required once decided.',
  ),
  reportedAt: instant('when it was reported to the ICO')
    .nullable()
    .describe('Only with reportDecision report.'),
  icoReference: text('the ICO reference', 100),
  individualsInformedAt: instant('when the people affected were told')
    .nullable()
    .describe('When the people affected were told (required by Article 34 for a high risk).'),
};

export const recordBreachRequestSchema = z
  .strictObject({
    discoveredAt: breachFields.discoveredAt,
    whatHappened: breachFields.whatHappened,
    dataCategories: breachFields.dataCategories.optional(),
    peopleAffected: breachFields.peopleAffected.optional(),
    peopleCategories: breachFields.peopleCategories.optional(),
    containment: breachFields.containment,
    riskLevel: breachFields.riskLevel.optional(),
    riskAssessment: breachFields.riskAssessment,
  })
  .meta({ id: 'RecordBreachRequest' });
export type RecordBreachRequest = z.infer<typeof recordBreachRequestSchema>;

export const updateBreachRequestSchema = z
  .strictObject({
    discoveredAt: breachFields.discoveredAt.optional(),
    whatHappened: breachFields.whatHappened.optional(),
    dataCategories: breachFields.dataCategories.optional(),
    peopleAffected: breachFields.peopleAffected.optional(),
    peopleCategories: breachFields.peopleCategories.optional(),
    containment: breachFields.containment,
    riskLevel: breachFields.riskLevel.optional(),
    riskAssessment: breachFields.riskAssessment,
    reportDecision: breachFields.reportDecision.optional(),
    decisionReason: breachFields.decisionReason,
    reportedAt: breachFields.reportedAt.optional(),
    icoReference: breachFields.icoReference,
    individualsInformedAt: breachFields.individualsInformedAt.optional(),
  })
  .meta({ id: 'UpdateBreachRequest' });
export type UpdateBreachRequest = z.infer<typeof updateBreachRequestSchema>;

export const breachIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a breach id (a UUID) as listed by GET /api/breaches' }),
});

const personRef = z.object({ id: z.uuid(), displayName: z.string() });

export const breachSchema = z
  .object({
    id: z.uuid(),
    discoveredAt: z.iso.datetime(),
    whatHappened: z.string(),
    dataCategories: z.array(z.string()),
    peopleAffected: z.number().int().nullable(),
    peopleCategories: z.array(z.string()),
    containment: z.string().nullable(),
    riskLevel: breachRiskLevelSchema,
    riskAssessment: z.string().nullable(),
    reportDecision: breachReportDecisionSchema,
    decisionReason: z.string().nullable(),
    decidedBy: personRef.nullable(),
    decidedAt: z.iso.datetime().nullable(),
    reportedAt: z.iso.datetime().nullable(),
    icoReference: z.string().nullable(),
    individualsInformedAt: z.iso.datetime().nullable(),
    deadline: z.object({
      at: z.iso.datetime().describe('discoveredAt + 72 hours.'),
      state: z.enum(['due', 'overdue', 'reported', 'not-reporting']),
      minutesLeft: z
        .number()
        .int()
        .nullable()
        .describe('Negative once passed; null once reported or not reporting.'),
      late: z.boolean().describe('Reported after the deadline.'),
      words: z.string().describe('Time left or overdue in words, in the organisation’s time zone.'),
    }),
    recordedBy: personRef,
    recordedAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Breach' });
export type BreachResponse = z.infer<typeof breachSchema>;

export const breachListSchema = z.object({ breaches: z.array(breachSchema) }).meta({ id: 'BreachList' });
export type BreachListResponse = z.infer<typeof breachListSchema>;
