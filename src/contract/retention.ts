/**
 * Retention and erasure: schedules per case type (`/api/retention/schedules`), the monthly
 * retention review (`/api/retention/review`) with approve / extend, tombstones, and right-to-erasure
 * requests (`/api/erasure-requests`).
 */
import { z } from 'zod';
import { calendarDateSchema } from './clients.ts';

const reasonSchema = (what: string) =>
  z
    .string({ message: `Enter ${what}` })
    .trim()
    .min(1, { message: `Enter ${what}` })
    .max(2000, { message: `Use at most 2000 characters for ${what}` });

export const caseTypeParamsSchema = z.object({
  caseTypeId: z.uuid({ message: 'Use a case type id (a UUID) as listed by GET /api/retention/schedules' }),
});
export const retentionCaseParamsSchema = z.object({
  caseId: z.uuid({ message: 'Use a case id (a UUID) as listed by GET /api/retention/review' }),
});
export const erasureRequestParamsSchema = z.object({
  id: z.uuid({ message: 'Use an erasure request id (a UUID) as listed by GET /api/erasure-requests' }),
});

export const retentionScheduleSchema = z
  .object({
    caseTypeId: z.uuid(),
    caseTypeKey: z.string(),
    caseTypeName: z.string(),
    active: z.boolean(),
    retentionYears: z.number().int().nullable().describe('NULL: the default applies.'),
    effectiveYears: z.number().int().describe('The years that apply: its own, or the default.'),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'RetentionSchedule' });

export const retentionSchedulesSchema = z
  .object({ defaultYears: z.number().int(), schedules: z.array(retentionScheduleSchema) })
  .meta({ id: 'RetentionSchedules' });

export const setRetentionScheduleRequestSchema = z
  .strictObject({
    retentionYears: z
      .number({ message: 'Enter the number of years, from 1 to 100' })
      .int({ message: 'Enter a whole number of years' })
      .min(1, { message: 'Keep closed cases for at least 1 year' })
      .max(100, { message: 'Use at most 100 years' }),
  })
  .meta({ id: 'SetRetentionScheduleRequest' });

export const retentionReviewQuerySchema = z.strictObject({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'Give the month as YYYY-MM, e.g. 2032-11' })
    .optional()
    .describe('The review month (default: this month). Cases due on or before its last day are listed.'),
});

export const dueCaseSchema = z
  .object({
    caseId: z.uuid(),
    reference: z.string(),
    caseTypeName: z.string(),
    closedOn: z.string().nullable(),
    outcomeKey: z.string().nullable(),
    destructionDueOn: z.string(),
    extensions: z.number().int(),
  })
  .meta({ id: 'RetentionDueCase' });

export const retentionReviewSchema = z
  .object({ month: z.string(), until: z.string(), today: z.string(), cases: z.array(dueCaseSchema) })
  .meta({ id: 'RetentionReview' });

export const extendRetentionRequestSchema = z
  .strictObject({
    until: calendarDateSchema('the new destruction date'),
    reason: reasonSchema('why the case is kept longer'),
  })
  .meta({ id: 'ExtendRetentionRequest' });

export const retentionExtensionSchema = z
  .object({ id: z.uuid(), caseId: z.uuid(), previousOn: z.string(), until: z.string() })
  .meta({ id: 'RetentionExtension' });

export const caseErasureSchema = z
  .object({
    tombstoneId: z.uuid(),
    caseId: z.uuid(),
    reference: z.string(),
    clientErased: z.boolean().describe('The client had no other case and was erased too.'),
  })
  .meta({ id: 'CaseErasure' });

export const tombstoneSchema = z
  .object({
    id: z.uuid(),
    caseReference: z.string(),
    caseTypeKey: z.string(),
    caseTypeName: z.string(),
    openedOn: z.string(),
    closedOn: z.string().nullable(),
    outcomeKey: z.string().nullable(),
    financialOutcomes: z.array(
      z.object({ kind: z.string(), frequency: z.string(), count: z.number().int(), totalPence: z.string() }),
    ),
    reason: z.enum(['retention', 'erasure-request']),
    erasureRequestId: z.uuid().nullable(),
    erasedBy: z.uuid(),
    erasedAt: z.string(),
  })
  .meta({ id: 'Tombstone' });
export const tombstoneListSchema = z
  .object({ tombstones: z.array(tombstoneSchema) })
  .meta({ id: 'TombstoneList' });

export const erasureRequestStatusSchema = z.enum(['pending', 'approved', 'refused']);

export const createErasureRequestSchema = z
  .strictObject({
    clientId: z.uuid({ message: 'Choose the client (a client id as given by GET /api/clients)' }),
    receivedOn: calendarDateSchema('the date the request was received'),
    reason: reasonSchema(
      'what the client asked for and how (e.g. “letter of 3 March asking us to delete everything”)',
    ),
  })
  .meta({ id: 'CreateErasureRequest' });

export const refuseErasureRequestSchema = z
  .strictObject({ reason: reasonSchema('why the request is refused (e.g. the exemption that applies)') })
  .meta({ id: 'RefuseErasureRequest' });

export const listErasureRequestsQuerySchema = z.strictObject({
  status: erasureRequestStatusSchema.optional(),
});

export const erasureRequestSchema = z
  .object({
    id: z.uuid(),
    clientId: z.uuid().nullable().describe('NULL once the client has been erased.'),
    clientName: z.string().nullable().describe('The client’s legal name while they are not erased.'),
    receivedOn: z.string(),
    reason: z.string(),
    status: erasureRequestStatusSchema,
    recordedBy: z.uuid(),
    recordedAt: z.string(),
    decidedBy: z.uuid().nullable(),
    decidedAt: z.string().nullable(),
    decisionReason: z.string().nullable(),
    caseCount: z.number().int().nullable(),
  })
  .meta({ id: 'ErasureRequest' });
export const erasureRequestListSchema = z
  .object({ erasureRequests: z.array(erasureRequestSchema) })
  .meta({ id: 'ErasureRequestList' });
export const erasureDecisionSchema = z
  .object({ erasureRequest: erasureRequestSchema, tombstoneIds: z.array(z.uuid()) })
  .meta({ id: 'ErasureDecision' });
