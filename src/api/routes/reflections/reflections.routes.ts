/** The reflective log (`/api/reflections`): one's own entries on Gibbs' cycle, private to their author. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createReflectionRequestSchema,
  reflectionIdParamsSchema,
  reflectionListSchema,
  reflectionSchema,
  updateReflectionRequestSchema,
} from '../../../contract/reflections.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { createReflection } from '../../../services/reflections/create-reflection.ts';
import { getReflection } from '../../../services/reflections/get-reflection.ts';
import { listReflections } from '../../../services/reflections/list-reflections.ts';
import { updateOwnReflection } from '../../../services/reflections/update-reflection.ts';
import { presentReflection, presentReflectionList } from './reflections.presenter.ts';

const tags = ['reflective log'];
const PRIVATE =
  'Your own entries only: anyone else’s — a supervisor’s included — answers 404 REFLECTION_NOT_FOUND. An entry ' +
  'you share into a caseload review is readable there by the review’s participants.';

export const reflectionsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Your reflective log, the latest first',
        description: PRIVATE,
        tags,
        response: { 200: reflectionListSchema, ...problemResponses(401) },
      },
    },
    async (request) => presentReflectionList(await listReflections(request.ctx)),
  );

  app.post(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Write an entry on Gibbs’ six headings',
        description: `title and occurredOn (not in the future) are required; any heading may be left empty for now. ${PRIVATE}`,
        tags,
        body: createReflectionRequestSchema,
        response: { 201: reflectionSchema, ...problemResponses(400, 401) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentReflection(await createReflection(request.ctx, request.body))),
  );

  app.get(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One of your entries',
        description: PRIVATE,
        tags,
        params: reflectionIdParamsSchema,
        response: { 200: reflectionSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => presentReflection(await getReflection(request.ctx, request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change one of your entries',
        description: `An entry shared into a completed review is part of its record: 409 CONFLICT. ${PRIVATE}`,
        tags,
        params: reflectionIdParamsSchema,
        body: updateReflectionRequestSchema,
        response: { 200: reflectionSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) =>
      presentReflection(await updateOwnReflection(request.ctx, request.params.id, request.body)),
  );
};
