/**
 * The organisation's priority policy (`/api/priority-policy`): the criteria, hard rules,
 * thresholds and quadrant an administrator agreed, versioned. The schema checks the shape; the
 * domain's validatePolicy checks the rest (points never negative, never falling as a fact gets
 * worse, red above amber) and names every problem as a field `policy.<path>`.
 */
import { z } from 'zod';
import { IMPACT_LEVELS } from '../domain/priority/levels.ts';

const KEY_MESSAGE =
  'Give the criterion or rule a key of lower-case letters, digits and hyphens, e.g. "key-date"';
const key = z
  .string({ message: KEY_MESSAGE })
  .min(1, { message: KEY_MESSAGE })
  .max(63, { message: KEY_MESSAGE });
const points = z.number({ message: 'Give the points as a number, 0 or more' });
const workingDays = z
  .number({ message: 'Give a whole number of working days' })
  .int({ message: 'Give a whole number of working days' });
const share = z.number({
  message: 'Give the share of the service timescale as a number above 0 (1 is the whole timescale)',
});
const impactLevel = z.enum(IMPACT_LEVELS, { message: `Give one of: ${IMPACT_LEVELS.join(', ')}` });
const vulnerabilityLevel = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)], {
  message: 'Give a vulnerability level from 0 to 3',
});
const raisedBand = z.enum(['red', 'amber'], {
  message: 'A rule raises a case to "red" or "amber" (raising to green would change nothing)',
});
const safeguarding = z.literal('safeguarding', { message: 'Unknown flag; use "safeguarding"' });

const flagCriterion = z.strictObject({ key, kind: z.literal('flag'), flag: safeguarding, points });
const vulnerabilityCriterion = z.strictObject({
  key,
  kind: z.literal('scale'),
  scale: z.literal('vulnerability'),
  pointsByLevel: z.strictObject(
    { 0: points, 1: points, 2: points, 3: points },
    { message: 'Give the points for every vulnerability level: 0, 1, 2 and 3' },
  ),
});
const impactCriterion = z.strictObject({
  key,
  kind: z.literal('scale'),
  scale: z.literal('impact'),
  pointsByLevel: z.strictObject(
    {
      none: points,
      inconvenience: points,
      'financial-loss': points,
      'loss-of-income': points,
      'loss-of-home': points,
      'risk-to-liberty-or-safety': points,
    },
    { message: `Give the points for every impact level: ${IMPACT_LEVELS.join(', ')}` },
  ),
});
const deadlineCriterion = z.strictObject({
  key,
  kind: z.literal('deadline'),
  bands: z.array(z.strictObject({ withinWorkingDays: workingDays, points }), {
    message: 'Give the bands as a list, e.g. [{ "withinWorkingDays": 2, "points": 40 }]',
  }),
});
const waitingCriterion = z.strictObject({
  key,
  kind: z.literal('waiting'),
  bands: z.array(z.strictObject({ atLeastShare: share, points }), {
    message: 'Give the bands as a list, e.g. [{ "atLeastShare": 1, "points": 20 }]',
  }),
});

const SCALE_MESSAGE = 'Unknown scale; use "vulnerability" or "impact"';

export const criterionSchema = z.discriminatedUnion(
  'kind',
  [
    flagCriterion,
    z.discriminatedUnion('scale', [vulnerabilityCriterion, impactCriterion], { message: SCALE_MESSAGE }),
    deadlineCriterion,
    waitingCriterion,
  ],
  { message: 'Unknown kind of criterion; use flag, scale, deadline or waiting' },
);

export const hardRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ key, band: raisedBand, kind: z.literal('flag'), flag: safeguarding }),
    z.strictObject({ key, band: raisedBand, kind: z.literal('deadline'), withinWorkingDays: workingDays }),
    z.discriminatedUnion(
      'scale',
      [
        z.strictObject({
          key,
          band: raisedBand,
          kind: z.literal('scale'),
          scale: z.literal('vulnerability'),
          atLeast: vulnerabilityLevel,
        }),
        z.strictObject({
          key,
          band: raisedBand,
          kind: z.literal('scale'),
          scale: z.literal('impact'),
          atLeast: impactLevel,
        }),
      ],
      { message: SCALE_MESSAGE },
    ),
    z.strictObject({ key, band: raisedBand, kind: z.literal('waiting'), atLeastShare: share }),
  ],
  { message: 'Unknown kind of rule; use flag, deadline, scale or waiting' },
);

export const priorityPolicySchema = z
  .strictObject(
    {
      criteria: z.array(criterionSchema, { message: 'Give the criteria as a list' }),
      rules: z.array(hardRuleSchema, { message: 'Give the hard rules as a list (it may be empty)' }),
      thresholds: z.strictObject(
        {
          red: z.number({ message: 'Give the red threshold as a score' }),
          amber: z.number({ message: 'Give the amber threshold as a score above 0' }),
        },
        { message: 'Give the thresholds: { "red": 70, "amber": 35 }' },
      ),
      quadrant: z.strictObject(
        {
          urgentWithinWorkingDays: workingDays,
          importantFromImpact: impactLevel,
        },
        {
          message:
            'Give the quadrant: { "urgentWithinWorkingDays": 5, "importantFromImpact": "financial-loss" }',
        },
      ),
    },
    { message: 'Give the policy: criteria, rules, thresholds and quadrant' },
  )
  .meta({ id: 'PriorityPolicy' });

export const savePriorityPolicyRequestSchema = z
  .strictObject({
    policy: priorityPolicySchema,
    changeNote: z
      .string({ message: 'Say in a sentence what changed and why' })
      .trim()
      .max(1000, { message: 'Use at most 1000 characters for the change note' })
      .nullish(),
  })
  .meta({ id: 'SavePriorityPolicyRequest' });
export type SavePriorityPolicyRequest = z.infer<typeof savePriorityPolicyRequestSchema>;

export const priorityPolicyVersionParamsSchema = z.object({
  version: z.coerce
    .number({ message: 'Give the version as a whole number, 0 or more' })
    .int({ message: 'Give the version as a whole number, 0 or more' })
    .min(0, { message: 'Give the version as a whole number, 0 or more' })
    .max(2_147_483_647, { message: 'There is no such version' }),
});

export const priorityPolicyResponseSchema = z
  .object({
    version: z.number().int().describe('0 is the built-in default, in force until an admin saves a policy.'),
    policy: priorityPolicySchema,
    description: z.array(z.string()).describe('The policy in plain words, one sentence per line.'),
    createdAt: z.iso.datetime().nullable(),
    changeNote: z.string().nullable(),
  })
  .meta({ id: 'PriorityPolicyVersion' });
export type PriorityPolicyResponse = z.infer<typeof priorityPolicyResponseSchema>;

export const priorityPolicyVersionsResponseSchema = z
  .object({
    versions: z.array(
      z.object({
        version: z.number().int(),
        createdAt: z.iso.datetime(),
        createdBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
        changeNote: z.string().nullable(),
      }),
    ),
  })
  .meta({ id: 'PriorityPolicyVersions' });
export type PriorityPolicyVersionsResponse = z.infer<typeof priorityPolicyVersionsResponseSchema>;
