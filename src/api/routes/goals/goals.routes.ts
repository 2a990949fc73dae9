/** Goals of a case: SMART outcomes agreed with the client, progress updates and the result. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createGoalRequestSchema,
  goalCaseParamsSchema,
  goalIdParamsSchema,
  goalListSchema,
  goalProgressRequestSchema,
  goalResultRequestSchema,
  goalSchema,
  updateGoalRequestSchema,
} from '../../../contract/goals.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { createGoal } from '../../../services/goals/create-goal.ts';
import { listGoals } from '../../../services/goals/list-goals.ts';
import { recordGoalProgress } from '../../../services/goals/record-goal-progress.ts';
import { recordGoalResult } from '../../../services/goals/record-goal-result.ts';
import { updateGoal } from '../../../services/goals/update-goal.ts';
import { presentGoal, presentGoalList } from './goals.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['goals'];
const ACCESS =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with may do this; ' +
  'a case you may not see answers 404.';
const CLOSED = 'A goal with a result does not change (INVALID_STATUS_CHANGE).';

export const goalsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/cases/:caseId/goals',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The goals of a case with their progress updates',
        description: `Anyone who may see the case; the read is audited. ${ACCESS}`,
        tags,
        params: goalCaseParamsSchema,
        response: { 200: goalListSchema, ...problems },
      },
    },
    async (request) => presentGoalList(await listGoals(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/goals',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a goal agreed with the client: specific text, measure and target date',
        description: ACCESS,
        tags,
        params: goalCaseParamsSchema,
        body: createGoalRequestSchema,
        response: { 201: goalSchema, ...problems },
      },
    },
    async (request, reply) => {
      const result = await createGoal(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentGoal(result));
    },
  );

  app.patch(
    '/goals/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change an active goal’s description, measure or target date',
        description: `${CLOSED} ${ACCESS}`,
        tags,
        params: goalIdParamsSchema,
        body: updateGoalRequestSchema,
        response: { 200: goalSchema, ...problems },
      },
    },
    async (request) => presentGoal(await updateGoal(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/goals/:id/progress',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Add a progress update to an active goal',
        description: `${CLOSED} ${ACCESS}`,
        tags,
        params: goalIdParamsSchema,
        body: goalProgressRequestSchema,
        response: { 200: goalSchema, ...problems },
      },
    },
    async (request) =>
      presentGoal(await recordGoalProgress(request.ctx, request.params.id, request.body.text)),
  );

  app.post(
    '/goals/:id/result',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a goal’s result: achieved, partly achieved, not achieved or withdrawn',
        description: `The result closes the goal. ${CLOSED} ${ACCESS}`,
        tags,
        params: goalIdParamsSchema,
        body: goalResultRequestSchema,
        response: { 200: goalSchema, ...problems },
      },
    },
    async (request) => presentGoal(await recordGoalResult(request.ctx, request.params.id, request.body)),
  );
};
