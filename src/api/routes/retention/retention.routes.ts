/**
 * Retention and erasure: schedules per case type, the monthly retention review (approve = erase,
 * extend with a reason), tombstones, and right-to-erasure requests with a second-person approval.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  caseErasureSchema,
  caseTypeParamsSchema,
  createErasureRequestSchema,
  erasureDecisionSchema,
  erasureRequestListSchema,
  erasureRequestParamsSchema,
  erasureRequestSchema,
  extendRetentionRequestSchema,
  listErasureRequestsQuerySchema,
  refuseErasureRequestSchema,
  retentionCaseParamsSchema,
  retentionExtensionSchema,
  retentionReviewQuerySchema,
  retentionReviewSchema,
  retentionSchedulesSchema,
  setRetentionScheduleRequestSchema,
  tombstoneListSchema,
} from '../../../contract/retention.ts';
import { handleErasureRequests, manageRetention, viewRetention } from '../../../domain/access/retention.ts';
import { approveDestruction } from '../../../services/retention/approve-destruction.ts';
import {
  approveErasureRequest,
  refuseErasureRequest,
} from '../../../services/retention/decide-erasure-request.ts';
import { extendRetention } from '../../../services/retention/extend-retention.ts';
import { listErasureRequests } from '../../../services/retention/list-erasure-requests.ts';
import { listRetentionReview } from '../../../services/retention/list-retention-review.ts';
import { listRetentionSchedules } from '../../../services/retention/list-retention-schedules.ts';
import { listTombstones } from '../../../services/retention/list-tombstones.ts';
import { recordErasureRequest } from '../../../services/retention/record-erasure-request.ts';
import { setRetentionSchedule } from '../../../services/retention/set-retention-schedule.ts';
import {
  presentErasure,
  presentErasureRequest,
  presentReview,
  presentSchedules,
  presentTombstone,
} from './retention.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['retention'];

export const retentionRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/retention/schedules',
    {
      config: { policy: viewRetention },
      schema: {
        summary: 'Retention schedules: years each case type’s closed cases are kept (admins, auditors)',
        description: 'A case type without a schedule of its own keeps the default (6 years after closure).',
        tags,
        response: { 200: retentionSchedulesSchema, ...problems },
      },
    },
    async (request) => presentSchedules(await listRetentionSchedules(request.ctx)),
  );

  app.put(
    '/retention/schedules/:caseTypeId',
    {
      config: { policy: manageRetention },
      schema: {
        summary: 'Set the years a case type’s closed cases are kept (admins)',
        description:
          'The destruction dates of the type’s closed cases that were never extended move with it. ' +
          'Errors: CASE_TYPE_NOT_FOUND, VALIDATION_FAILED (retentionYears 1–100).',
        tags,
        params: caseTypeParamsSchema,
        body: setRetentionScheduleRequestSchema,
        response: { 200: retentionSchedulesSchema, ...problems },
      },
    },
    async (request) =>
      presentSchedules(
        await setRetentionSchedule(request.ctx, request.params.caseTypeId, request.body.retentionYears),
      ),
  );

  app.get(
    '/retention/review',
    {
      config: { policy: manageRetention },
      schema: {
        summary: 'The monthly retention review: closed cases due for destruction by the month’s end (admins)',
        description:
          'References, case types and dates only. Each case is approved (erased) or extended with a reason. ' +
          'The read is audited.',
        tags,
        querystring: retentionReviewQuerySchema,
        response: { 200: retentionReviewSchema, ...problems },
      },
    },
    async (request) => presentReview(await listRetentionReview(request.ctx, request.query.month)),
  );

  app.post(
    '/retention/cases/:caseId/approve',
    {
      config: { policy: manageRetention },
      schema: {
        summary: 'Approve the destruction of a case that is due: its personal data is erased now (admins)',
        description:
          'Leaves a pseudonymous tombstone (reference, type, dates, outcome, financial totals). The ' +
          'client goes too when this was their last case. Errors: CASE_NOT_FOUND, CONFLICT (not closed or ' +
          'not yet due).',
        tags,
        params: retentionCaseParamsSchema,
        response: { 200: caseErasureSchema, ...problems },
      },
    },
    async (request) => presentErasure(await approveDestruction(request.ctx, request.params.caseId)),
  );

  app.post(
    '/retention/cases/:caseId/extend',
    {
      config: { policy: manageRetention },
      schema: {
        summary: 'Keep a closed case longer: a later destruction date, with the reason (admins)',
        description: 'Errors: CASE_NOT_FOUND, CONFLICT (not closed), VALIDATION_FAILED (until, reason).',
        tags,
        params: retentionCaseParamsSchema,
        body: extendRetentionRequestSchema,
        response: { 201: retentionExtensionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await extendRetention(request.ctx, request.params.caseId, request.body)),
  );

  app.get(
    '/retention/tombstones',
    {
      config: { policy: viewRetention },
      schema: {
        summary: 'What is left of erased cases: pseudonymous records for statistics (admins, auditors)',
        tags,
        response: { 200: tombstoneListSchema, ...problems },
      },
    },
    async (request) => ({ tombstones: (await listTombstones(request.ctx)).map(presentTombstone) }),
  );

  app.get(
    '/erasure-requests',
    {
      config: { policy: handleErasureRequests },
      schema: {
        summary: 'Right-to-erasure requests, newest first (admins, auditors)',
        tags,
        querystring: listErasureRequestsQuerySchema,
        response: { 200: erasureRequestListSchema, ...problems },
      },
    },
    async (request) => ({
      erasureRequests: (await listErasureRequests(request.ctx, request.query.status)).map(
        presentErasureRequest,
      ),
    }),
  );

  app.post(
    '/erasure-requests',
    {
      config: { policy: handleErasureRequests },
      schema: {
        summary: 'Record a client’s request to have their data erased (admins, auditors)',
        description:
          'Pending until a different admin or auditor approves or refuses it. Errors: CLIENT_NOT_FOUND, ' +
          'VALIDATION_FAILED.',
        tags,
        body: createErasureRequestSchema,
        response: { 201: erasureRequestSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentErasureRequest(await recordErasureRequest(request.ctx, request.body))),
  );

  app.post(
    '/erasure-requests/:id/approve',
    {
      config: { policy: handleErasureRequests },
      schema: {
        summary: 'Approve an erasure request: every case of the client is erased, then the client',
        description:
          'By a different admin or auditor than the one who recorded it (403 otherwise). Refused with ' +
          'CONFLICT while any of the client’s cases is open or on hold, or when already decided.',
        tags,
        params: erasureRequestParamsSchema,
        response: { 200: erasureDecisionSchema, ...problems },
      },
    },
    async (request) => {
      const d = await approveErasureRequest(request.ctx, request.params.id);
      return { erasureRequest: presentErasureRequest(d.request), tombstoneIds: [...d.tombstoneIds] };
    },
  );

  app.post(
    '/erasure-requests/:id/refuse',
    {
      config: { policy: handleErasureRequests },
      schema: {
        summary: 'Refuse an erasure request, with the reason (a different admin or auditor)',
        tags,
        params: erasureRequestParamsSchema,
        body: refuseErasureRequestSchema,
        response: { 200: erasureDecisionSchema, ...problems },
      },
    },
    async (request) => {
      const d = await refuseErasureRequest(request.ctx, request.params.id, request.body.reason);
      return { erasureRequest: presentErasureRequest(d.request), tombstoneIds: [] };
    },
  );
};
