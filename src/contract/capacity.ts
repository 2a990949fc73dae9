/**
 * Capacity (`/api/capacity`): each practitioner's load in weighted points against their capacity,
 * as a RAG with the cases that make it up, and a supervisor's what-if before reallocating a case.
 */
import { z } from 'zod';

export const capacityRagSchema = z
  .enum(['blue', 'green', 'amber', 'red'])
  .describe(
    'blue: under-used (below 70% of capacity); green: within capacity (70% up to 90%); amber: near ' +
      'capacity (90% up to and including 100%); red: over capacity (above 100%, or any load without capacity).',
  );
export type CapacityRagValue = z.infer<typeof capacityRagSchema>;

export const capacityQuerySchema = z.strictObject({
  scope: z
    .enum(['mine', 'user', 'team'], { message: 'Choose a scope: mine, user or team' })
    .default('mine')
    .describe(
      '`mine` (default): yourself; `user`: one person (yourself, or a member of a team you supervise; ' +
        'needs userId); `team`: the members of a team you supervise (teamId), or of every team you supervise.',
    ),
  userId: z
    .uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' })
    .optional()
    .describe('With scope=user only.'),
  teamId: z
    .uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' })
    .optional()
    .describe('With scope=team only; left out: every team you supervise.'),
});
export type CapacityQuery = z.infer<typeof capacityQuerySchema>;

export const loadStatusSchema = z.object({
  load: z.number().describe('The sum of the weights of the open and on-hold cases held, in points.'),
  capacity: z.number().describe('Capacity points per FTE × FTE.'),
  share: z
    .number()
    .nullable()
    .describe('load ÷ capacity (1 is 100%); null when there is no capacity to divide by.'),
  rag: capacityRagSchema,
  ragWords: z
    .string()
    .describe('The RAG in words: under-used, within capacity, near capacity, over capacity.'),
  summary: z.string().describe('e.g. “Over capacity: 112 of 100 points (112%).”'),
});
export type LoadStatusResponse = z.infer<typeof loadStatusSchema>;

export const capacityCaseSchema = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(['open', 'on_hold']),
  teamId: z.uuid().nullable(),
  weight: z.number(),
  explanation: z
    .string()
    .describe('How the weight was made, e.g. “Base 1.5 × Interpreter needed 1.25 = 1.88”.'),
});
export type CapacityCaseResponse = z.infer<typeof capacityCaseSchema>;

export const practitionerCapacitySchema = loadStatusSchema
  .extend({
    id: z.uuid(),
    displayName: z.string(),
    active: z.boolean().describe('false: the account is disabled; its cases need reassigning.'),
    teams: z
      .array(z.object({ id: z.uuid(), name: z.string(), role: z.enum(['member', 'supervisor']) }))
      .describe('The teams the person belongs to.'),
    capacityPoints: z.number().describe('Weighted points a full-time person can hold.'),
    fte: z.number().describe('Full-time equivalent, 0.05–1.'),
    cases: z
      .array(capacityCaseSchema)
      .describe('The cases you may see that make up the load, heaviest first.'),
    hidden: z
      .object({
        count: z.number().int(),
        weight: z.number(),
      })
      .describe('Cases in the load that you may not see: counted, never named.'),
  })
  .meta({ id: 'PractitionerCapacity' });
export type PractitionerCapacityResponse = z.infer<typeof practitionerCapacitySchema>;

export const capacityResponseSchema = z
  .object({
    scope: z.enum(['mine', 'user', 'team']),
    userId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    supervisedTeams: z
      .array(z.object({ id: z.uuid(), name: z.string() }))
      .describe('The teams you supervise: the teams whose capacity you may see (scope=team).'),
    thresholds: z
      .object({ underUsedBelow: z.number(), nearFrom: z.number(), overAbove: z.number() })
      .describe('The shares of capacity where the RAG changes: 0.7, 0.9 and 1.'),
    practitioners: z
      .array(practitionerCapacitySchema)
      .describe('By name. For a team: its active advisers and supervisors.'),
  })
  .meta({ id: 'Capacity' });
export type CapacityResponse = z.infer<typeof capacityResponseSchema>;

export const reallocationWhatIfRequestSchema = z
  .strictObject({
    caseId: z.uuid({ message: 'Choose the case to move (its id, a UUID)' }),
    toUserId: z.uuid({ message: 'Choose the colleague who would receive the case (their user id, a UUID)' }),
  })
  .meta({ id: 'ReallocationWhatIfRequest' });
export type ReallocationWhatIfRequest = z.infer<typeof reallocationWhatIfRequestSchema>;

const loadChangeSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  before: loadStatusSchema,
  after: loadStatusSchema,
});

export const reallocationWhatIfSchema = z
  .object({
    caseId: z.uuid(),
    reference: z.string(),
    weight: z.number(),
    explanation: z.string(),
    from: loadChangeSchema.describe('The case’s owner now.'),
    to: loadChangeSchema.describe('The colleague who would receive it.'),
    warnings: z
      .array(z.string())
      .describe('In words: the move takes the receiver over capacity, further over, or near it.'),
    summary: z.string().describe('The whole what-if in one sentence.'),
  })
  .meta({ id: 'ReallocationWhatIf' });
export type ReallocationWhatIfResponse = z.infer<typeof reallocationWhatIfSchema>;
