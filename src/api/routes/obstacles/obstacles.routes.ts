/** Obstacles of a case: what blocks progress, since when, the plan, and its resolution. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createObstacleRequestSchema,
  obstacleCaseParamsSchema,
  obstacleIdParamsSchema,
  obstacleListSchema,
  obstacleSchema,
  resolveObstacleRequestSchema,
  updateObstacleRequestSchema,
} from '../../../contract/obstacles.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { createObstacle } from '../../../services/obstacles/create-obstacle.ts';
import { listObstacles } from '../../../services/obstacles/list-obstacles.ts';
import { resolveObstacle } from '../../../services/obstacles/resolve-obstacle.ts';
import { updateObstacle } from '../../../services/obstacles/update-obstacle.ts';
import { presentObstacle, presentObstacleList } from './obstacles.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['obstacles'];
const ACCESS =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with may do this; ' +
  'a case you may not see answers 404.';

export const obstaclesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/cases/:caseId/obstacles',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The obstacles of a case, unresolved first',
        description: `Anyone who may see the case; the read is audited. ${ACCESS}`,
        tags,
        params: obstacleCaseParamsSchema,
        response: { 200: obstacleListSchema, ...problems },
      },
    },
    async (request) => presentObstacleList(await listObstacles(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/obstacles',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record what blocks progress on a case, since when, and the plan to overcome it',
        description: `since cannot be in the future. ${ACCESS}`,
        tags,
        params: obstacleCaseParamsSchema,
        body: createObstacleRequestSchema,
        response: { 201: obstacleSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await createObstacle(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentObstacle(row));
    },
  );

  app.patch(
    '/obstacles/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change an unresolved obstacle',
        description: `A resolved obstacle does not change (INVALID_STATUS_CHANGE). ${ACCESS}`,
        tags,
        params: obstacleIdParamsSchema,
        body: updateObstacleRequestSchema,
        response: { 200: obstacleSchema, ...problems },
      },
    },
    async (request) => presentObstacle(await updateObstacle(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/obstacles/:id/resolve',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Mark an obstacle resolved, with how it was overcome',
        description: ACCESS,
        tags,
        params: obstacleIdParamsSchema,
        body: resolveObstacleRequestSchema,
        response: { 200: obstacleSchema, ...problems },
      },
    },
    async (request) =>
      presentObstacle(await resolveObstacle(request.ctx, request.params.id, request.body.resolution)),
  );
};
