/**
 * Assessments of a case against the priority policy (`/api/cases/{caseId}/assessments`): the
 * current one, the history, a practitioner's assessment with rationale (and an override with its
 * own rationale), and a preview that stores nothing.
 */
import { z } from 'zod';
import { BANDS, IMPACT_LEVELS } from '../domain/priority/levels.ts';

export const assessmentCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/cases' }),
});

export const bandSchema = z.enum(BANDS, { message: 'Choose a band: red, amber or green' });
export const impactSchema = z
  .enum(IMPACT_LEVELS, { message: `Choose the impact if not actioned: ${IMPACT_LEVELS.join(', ')}` })
  .describe('What happens to the client if the case is not actioned.');
export const vulnerabilitySchema = z
  .number({ message: 'Give client vulnerability as a whole number from 0 (none known) to 3' })
  .int({ message: 'Give client vulnerability as a whole number from 0 (none known) to 3' })
  .min(0, { message: 'Give client vulnerability as a whole number from 0 (none known) to 3' })
  .max(3, { message: 'Give client vulnerability as a whole number from 0 (none known) to 3' });

const rationaleText = (what: string) =>
  z
    .string({ message: `Say why: ${what}` })
    .max(4000, { message: 'Use at most 4000 characters' })
    .describe(what);

export const judgementsSchema = z.strictObject({
  vulnerability: vulnerabilitySchema,
  impact: impactSchema,
});

export const assessCaseRequestSchema = z.strictObject({
  vulnerability: vulnerabilitySchema,
  impact: impactSchema,
  rationale: rationaleText('the practitioner’s rationale for this assessment (required)'),
  override: z
    .strictObject({
      band: bandSchema,
      rationale: rationaleText('why the band departs from the policy’s (required)'),
    })
    .optional()
    .describe('Choose another band than the policy gives; shown as an override everywhere.'),
});
export type AssessCaseRequest = z.infer<typeof assessCaseRequestSchema>;

const contributionSchema = z.object({ criterion: z.string(), points: z.number(), reason: z.string() });
const firedRuleSchema = z.object({ rule: z.string(), band: bandSchema, reason: z.string() });

export const assessmentSchema = z
  .object({
    id: z.uuid().nullable().describe('Null for a preview, which is not stored.'),
    caseId: z.uuid(),
    policyVersion: z.number().int().describe('0 is the built-in default policy.'),
    trigger: z
      .string()
      .describe('practitioner, case-opened, case-changed, flag, key-date, note, daily, policy or timescales'),
    score: z.number(),
    scoreBand: bandSchema,
    computedBand: bandSchema.describe('The band the policy gives (score and hard rules).'),
    band: bandSchema.describe('The band that counts: the override’s when overridden.'),
    quadrant: z.string(),
    forcedBy: z.string().nullable(),
    reasons: z.array(z.string()).describe('Plain words, headline first.'),
    contributions: z.array(contributionSchema),
    rulesFired: z.array(firedRuleSchema),
    rationale: z.string().nullable(),
    override: z.object({ band: bandSchema, rationale: z.string() }).nullable(),
    inputs: z.record(z.string(), z.unknown()).describe('The facts the policy looked at.'),
    assessedBy: z
      .object({ id: z.uuid(), name: z.string().nullable() })
      .nullable()
      .describe('Null: the system.'),
    assessedAt: z.iso.datetime(),
  })
  .meta({ id: 'Assessment' });
export type AssessmentResponse = z.infer<typeof assessmentSchema>;

export const assessmentListSchema = z.object({
  current: assessmentSchema.nullable(),
  judgements: z.object({ vulnerability: z.number().int(), impact: impactSchema }),
  assessments: z.array(assessmentSchema).describe('Newest first; the first is the current one.'),
});
export type AssessmentListResponse = z.infer<typeof assessmentListSchema>;
