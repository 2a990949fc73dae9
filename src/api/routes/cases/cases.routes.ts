/**
 * Cases: opening, the list and the case page, field changes, status, flags, shares and
 * break-glass. Route policies only require a signed-in user; each service checks the case access
 * policies (a case you may not see answers 404 CASE_NOT_FOUND).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  breakGlassRequestSchema,
  caseFlagParamsSchema,
  caseFlagSchema,
  caseIdParamsSchema,
  caseListSchema,
  caseSchema,
  caseShareParamsSchema,
  caseShareSchema,
  changeCaseStatusRequestSchema,
  listCasesQuerySchema,
  openCaseRequestSchema,
  raiseFlagRequestSchema,
  resolveFlagRequestSchema,
  shareCaseRequestSchema,
  updateCaseRequestSchema,
} from '../../../contract/cases.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { breakGlass } from '../../../services/cases/break-glass.ts';
import { changeCaseStatus } from '../../../services/cases/change-case-status.ts';
import { getCase } from '../../../services/cases/get-case.ts';
import { listCases } from '../../../services/cases/list-cases.ts';
import { openCase } from '../../../services/cases/open-case.ts';
import { raiseCaseFlag } from '../../../services/cases/raise-case-flag.ts';
import { resolveCaseFlag } from '../../../services/cases/resolve-case-flag.ts';
import { revokeCaseShare } from '../../../services/cases/revoke-case-share.ts';
import { shareCase } from '../../../services/cases/share-case.ts';
import { updateCase } from '../../../services/cases/update-case.ts';
import { presentCase, presentCaseList, presentFlag, presentShare } from './cases.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['cases'];

export const casesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Open a case for a client (advisers and supervisors)',
        description:
          'The case gets the next reference of the year, CL-<year>-<nnnnnn>. You must be able to see ' +
          'the client (you recorded them, or you may see one of their cases). Errors: FORBIDDEN, ' +
          'CLIENT_NOT_FOUND, CASE_TYPE_NOT_FOUND, USER_NOT_FOUND, TEAM_NOT_FOUND, VALIDATION_FAILED.',
        tags,
        body: openCaseRequestSchema,
        response: { 201: caseSchema, ...problems },
      },
    },
    async (request, reply) => reply.code(201).send(presentCase(await openCase(request.ctx, request.body))),
  );

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Your cases: owned (mine), of your teams (team) or shared with you (shared)',
        description: 'Only cases you may see; open ones unless you ask for another status.',
        tags,
        querystring: listCasesQuerySchema,
        response: { 200: caseListSchema, ...problems },
      },
    },
    async (request) => presentCaseList(await listCases(request.ctx, request.query)),
  );

  app.get(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One case: client summary, status, flags, live shares and field history',
        description: 'The read is audited. A case you may not see answers 404 CASE_NOT_FOUND.',
        tags,
        params: caseIdParamsSchema,
        response: { 200: caseSchema, ...problems },
      },
    },
    async (request) => presentCase(await getCase(request.ctx, request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change a case’s fields, reassign it or move it to another team (owner or team supervisor)',
        description:
          'Every changed field is kept in the case’s history with old and new value. Reassigning: a ' +
          'supervisor of the case’s team gives it to any member; the owner hands it to a teammate. A ' +
          'change of owner needs handoverNote (400 naming handoverNote otherwise, nothing written); the ' +
          'new owner is notified and sees the note first (GET /api/cases/{caseId}/handovers).',
        tags,
        params: caseIdParamsSchema,
        body: updateCaseRequestSchema,
        response: { 200: caseSchema, ...problems },
      },
    },
    async (request) => presentCase(await updateCase(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/status',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Put a case on hold, close it or reopen it (owner or team supervisor)',
        description:
          'open → on_hold (reason) · open or on_hold → closed (outcomeKey from the organisation’s active ' +
          'outcome list, optional outcome details, closureReason, optional financialOutcomes) · on_hold → open · ' +
          'closed → open (reason). Anything else: INVALID_STATUS_CHANGE.',
        tags,
        params: caseIdParamsSchema,
        body: changeCaseStatusRequestSchema,
        response: { 200: caseSchema, ...problems },
      },
    },
    async (request) => presentCase(await changeCaseStatus(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/flags',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Raise a safeguarding or vulnerability flag (anyone who may contribute to the case)',
        description: 'A safeguarding flag notifies the supervisors of the case’s team.',
        tags,
        params: caseIdParamsSchema,
        body: raiseFlagRequestSchema,
        response: { 201: caseFlagSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentFlag(await raiseCaseFlag(request.ctx, request.params.id, request.body))),
  );

  app.post(
    '/:id/flags/:flagId/resolve',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Resolve a flag, saying how (owner or team supervisor)',
        description: 'Errors: FLAG_NOT_FOUND, CONFLICT when it is resolved already.',
        tags,
        params: caseFlagParamsSchema,
        body: resolveFlagRequestSchema,
        response: { 200: caseFlagSchema, ...problems },
      },
    },
    async (request) =>
      presentFlag(
        await resolveCaseFlag(request.ctx, request.params.id, request.params.flagId, request.body.resolution),
      ),
  );

  app.post(
    '/:id/shares',
    {
      config: { policy: signedIn },
      schema: {
        summary:
          'Share a case with a colleague, with a reason and optional expiry (owner or team supervisor)',
        description:
          'The colleague may view the case and contribute to it until the share expires or is revoked.',
        tags,
        params: caseIdParamsSchema,
        body: shareCaseRequestSchema,
        response: { 201: caseShareSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentShare(await shareCase(request.ctx, request.params.id, request.body))),
  );

  app.delete(
    '/:id/shares/:shareId',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Revoke a share or break-glass read (owner or team supervisor); it stays on record',
        tags,
        params: caseShareParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await revokeCaseShare(request.ctx, request.params.id, request.params.shareId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/:id/break-glass',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Emergency read of a case outside your teams (supervisors), for two hours',
        description:
          'The reason is audited and the supervisors of the case’s team (or its owner) are notified. ' +
          'Then read the case with GET /api/cases/{id}. Errors: CASE_NOT_FOUND, CONFLICT when you can ' +
          'see the case already.',
        tags,
        params: caseIdParamsSchema,
        body: breakGlassRequestSchema,
        response: { 201: caseShareSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentShare(await breakGlass(request.ctx, request.params.id, request.body.reason))),
  );
};
