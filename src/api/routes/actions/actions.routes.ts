/** Actions of a case: agreed next steps with an owner, a due date and a goal (contributors write; viewers read). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  actionCaseParamsSchema,
  actionIdParamsSchema,
  actionListSchema,
  actionSchema,
  cancelActionRequestSchema,
  completeActionRequestSchema,
  createActionRequestSchema,
  updateActionRequestSchema,
} from '../../../contract/actions.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { cancelAction } from '../../../services/actions/cancel-action.ts';
import { completeAction } from '../../../services/actions/complete-action.ts';
import { createAction } from '../../../services/actions/create-action.ts';
import { listActions } from '../../../services/actions/list-actions.ts';
import { updateAction } from '../../../services/actions/update-action.ts';
import { presentAction, presentActionList } from './actions.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['actions'];
const ACCESS =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with may do this; ' +
  'a case you may not see answers 404.';

export const actionsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/cases/:caseId/actions',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The actions of a case (open first, by due date), each marked overdue or not',
        description: `Anyone who may see the case; the read is audited. ${ACCESS}`,
        tags,
        params: actionCaseParamsSchema,
        response: { 200: actionListSchema, ...problems },
      },
    },
    async (request) => presentActionList(await listActions(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/actions',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record an agreed next step on a case',
        description:
          'The owner is a practitioner (ownerUserId: an active user of your organisation), the client, or a ' +
          'third party (ownerName). goalId must be a goal of the same case (GOAL_NOT_FOUND names the field). ' +
          ACCESS,
        tags,
        params: actionCaseParamsSchema,
        body: createActionRequestSchema,
        response: { 201: actionSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await createAction(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentAction(result));
    },
  );

  app.patch(
    '/actions/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change an open action’s description, owner, due date or goal',
        description: `Done and cancelled actions do not change (INVALID_STATUS_CHANGE). ${ACCESS}`,
        tags,
        params: actionIdParamsSchema,
        body: updateActionRequestSchema,
        response: { 200: actionSchema, ...problems },
      },
    },
    async (request) => {
      const { ownerKind, ownerUserId, ownerName, ...rest } = request.body;
      const owner = ownerKind ? { ownerKind, ownerUserId, ownerName } : undefined;
      return presentAction(await updateAction(request.ctx, request.params.id, { ...rest, owner }));
    },
  );

  app.post(
    '/actions/:id/complete',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Mark an open action done, with its result',
        description: ACCESS,
        tags,
        params: actionIdParamsSchema,
        body: completeActionRequestSchema,
        response: { 200: actionSchema, ...problems },
      },
    },
    async (request) =>
      presentAction(await completeAction(request.ctx, request.params.id, request.body.result)),
  );

  app.post(
    '/actions/:id/cancel',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Cancel an open action that is no longer needed, with the reason',
        description: ACCESS,
        tags,
        params: actionIdParamsSchema,
        body: cancelActionRequestSchema,
        response: { 200: actionSchema, ...problems },
      },
    },
    async (request) => presentAction(await cancelAction(request.ctx, request.params.id, request.body.reason)),
  );
};
