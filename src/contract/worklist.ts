/**
 * The worklist (`GET /api/worklist`): open and on-hold cases in the order of DESIGN.md, each with
 * its band and reasons, next key date, next action due, days since attention, timescale status and
 * the resources check; a supervisor's view of a team member's or the team's.
 */
import { z } from 'zod';
import type { Quadrant } from '../domain/priority/assess.ts';
import { BANDS } from '../domain/priority/levels.ts';
import type { WorklistOrderKey } from '../domain/priority/worklist-order.ts';
import { WORKLIST_FLAGS, WORKLIST_STATUSES } from '../domain/worklist/worklist-filters.ts';
import { recordingConsentSchema } from './consent-standing.ts';
import { keyDateKindSchema } from './key-dates.ts';

// Written out (checked against the domain's types) so the web app does not load the priority engine.
const QUADRANT_SET = {
  'urgent-and-important': true,
  'urgent-not-important': true,
  'important-not-urgent': true,
  'neither-urgent-nor-important': true,
} satisfies Record<Quadrant, true>;
const ORDER_KEY_SET = {
  band: true,
  'next-date': true,
  score: true,
  'last-attention': true,
  reference: true,
} satisfies Record<WorklistOrderKey, true>;
const keysOf = <K extends string>(set: Record<K, true>) => Object.keys(set) as [K, ...K[]];

/** A query parameter given repeatedly (`band=red&band=amber`) or as a comma list (`band=red,amber`). */
function listParam<T extends string>(allowed: readonly T[], what: string) {
  const message = `Choose ${what}: ${allowed.join(', ')} (repeat the parameter or separate by commas)`;
  return z
    .union([z.string(), z.array(z.string())], { message })
    .optional()
    .transform((value, ctx) => {
      const items = (value === undefined ? [] : Array.isArray(value) ? value : [value])
        .flatMap((v) => v.split(','))
        .map((v) => v.trim())
        .filter(Boolean);
      if (items.some((v) => !(allowed as readonly string[]).includes(v))) {
        ctx.addIssue({ code: 'custom', message });
        return z.NEVER;
      }
      return [...new Set(items)] as T[];
    });
}

export const worklistFlagSchema = z.enum(WORKLIST_FLAGS, {
  message: `Choose a flag: ${WORKLIST_FLAGS.join(', ')}`,
});
export const worklistStatusSchema = z.enum(WORKLIST_STATUSES);

export const worklistQuerySchema = z.strictObject({
  scope: z
    .enum(['mine', 'user', 'team'], { message: 'Choose a scope: mine, user or team' })
    .default('mine')
    .describe(
      '`mine`: the cases you own; `user`: the cases of one member of a team you supervise (`userId`); ' +
        '`team`: the cases of a team you supervise (`teamId`, or every team you supervise when left out).',
    ),
  userId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/teams' }).optional(),
  teamId: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }).optional(),
  band: listParam(BANDS, 'bands').describe('Only these bands (red, amber, green). Default: all.'),
  type: z
    .string()
    .trim()
    .min(1, { message: 'Give a case type’s key or id as listed by GET /api/case-types' })
    .max(80, { message: 'Give a case type’s key or id as listed by GET /api/case-types' })
    .optional()
    .describe('Only cases of this type: its key (e.g. `welfare-benefits`) or id.'),
  status: listParam(WORKLIST_STATUSES, 'statuses').describe(
    'Only these statuses (open, on_hold). Default: both.',
  ),
  flag: worklistFlagSchema
    .optional()
    .describe(
      '`safeguarding` / `vulnerability`: an open flag of that kind; `overridden`: the band was ' +
        'overridden; `resources`: red cases failing the resources check.',
    ),
});
export type WorklistQuery = z.input<typeof worklistQuerySchema>;

const bandSchema = z.enum(BANDS);
const clockStatusSchema = z.enum(['within', 'near', 'breached']);

const clockSchema = z.object({
  status: clockStatusSchema.describe(
    '`near` from 75% of the timescale elapsed; `breached` after the due date.',
  ),
  dueDate: z.iso.date().describe('The last day within the timescale.'),
  workingDaysLeft: z
    .number()
    .int()
    .describe('Working days after today up to the due date; negative once past.'),
  workingDays: z.number().int().describe('The timescale, in working days.'),
});

export const worklistRowSchema = z.object({
  position: z.number().int().describe('1 for the top of the worklist.'),
  decidedBy: z
    .enum(keysOf(ORDER_KEY_SET))
    .nullable()
    .describe('The key of the order that put this row below the one above (null for the first).'),
  explanation: z.string().describe('Why the row sits where it does, in words.'),
  case: z.object({
    id: z.uuid(),
    reference: z.string(),
    status: worklistStatusSchema,
  }),
  client: z.object({ id: z.uuid(), displayName: z.string().describe('Preferred name, else legal name.') }),
  type: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
  owner: z.object({ id: z.uuid(), displayName: z.string() }),
  team: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  assessed: z.boolean().describe('False for a case not yet assessed: counted as green with score 0.'),
  band: bandSchema.describe('The band that counts: the override’s when overridden.'),
  computedBand: bandSchema.describe('The band the policy gives.'),
  overridden: z.boolean(),
  override: z.object({ band: bandSchema, rationale: z.string() }).nullable(),
  score: z.number(),
  quadrant: z.enum(keysOf(QUADRANT_SET)).nullable(),
  reasons: z.array(z.string()).describe('The assessment’s reasons in plain words, headline first.'),
  assessedAt: z.iso.datetime().nullable(),
  nextKeyDate: z
    .object({
      date: z.iso.date(),
      kind: keyDateKindSchema,
      description: z.string(),
      workingDaysAway: z.number().int().describe('Negative once missed.'),
      missed: z.boolean().describe('The date has passed and it is still pending.'),
    })
    .nullable()
    .describe('The nearest pending key date.'),
  nextActionDue: z
    .object({ id: z.uuid(), dueDate: z.iso.date(), description: z.string(), overdue: z.boolean() })
    .nullable()
    .describe('The earliest open action with a due date.'),
  lastAttentionAt: z.iso.datetime(),
  daysSinceAttention: z.number().int().describe('Calendar days since the case last had attention.'),
  timescale: z.object({
    source: z.enum(['case-type', 'organisation', 'default']),
    attention: clockSchema.extend({
      kind: z
        .enum(['first-contact', 'review'])
        .describe('First contact until the client was contacted, then review.'),
    }),
    resolution: clockSchema,
  }),
  flags: z.object({
    safeguarding: z.number().int().describe('Open safeguarding flags.'),
    vulnerability: z.number().int().describe('Open vulnerability flags.'),
  }),
  handoverToRead: z
    .boolean()
    .describe('The case was handed to you with a note you have not marked read: read it first.'),
  resources: z.object({
    ownerActive: z.boolean(),
    hasNextActionWithDueDate: z.boolean(),
    allocatedHours: z.number().nullable(),
  }),
  resourceProblems: z
    .array(z.string())
    .describe('For red cases: no active owner, no next action with a due date, no allocated time.'),
  recordingConsent: recordingConsentSchema
    .nullable()
    .describe('Where the client stands on consent to recording today: flagged unless active.'),
});
export type WorklistRowResponse = z.infer<typeof worklistRowSchema>;

const clockCountsSchema = z.object({ near: z.number().int(), breached: z.number().int() });

export const worklistSchema = z
  .object({
    scope: z.enum(['mine', 'user', 'team']),
    userId: z.uuid().nullable(),
    teamId: z.uuid().nullable(),
    today: z.iso.date().describe('Today in the organisation’s time zone.'),
    summary: z
      .object({
        total: z.number().int().describe('Cases in the whole worklist, before filters.'),
        shown: z.number().int().describe('Rows after the filters.'),
        byBand: z.object({ red: z.number().int(), amber: z.number().int(), green: z.number().int() }),
        notAssessed: z.number().int(),
        attention: clockCountsSchema.describe('Cases near or past their first-contact or review timescale.'),
        resolution: clockCountsSchema.describe('Cases near or past their target resolution.'),
        redWithResourceProblems: z.number().int(),
      })
      .describe('Counts over the whole worklist of the scope; the filters do not change them.'),
    rows: z.array(worklistRowSchema).describe('In worklist order.'),
  })
  .meta({ id: 'Worklist' });
export type WorklistResponse = z.infer<typeof worklistSchema>;
