/** Capacity: practitioners' loads in weighted points against their capacity, and the reallocation what-if. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  capacityQuerySchema,
  capacityResponseSchema,
  reallocationWhatIfRequestSchema,
  reallocationWhatIfSchema,
} from '../../../contract/capacity.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { listCapacity } from '../../../services/capacity/list-capacity.ts';
import { previewReallocation } from '../../../services/capacity/preview-reallocation.ts';
import { presentCapacity, presentReallocation } from './capacity.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['capacity'];

export const capacityRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Anyone signed in for their own; the service applies the worklist's rule (worklist.view) for others.
      config: { policy: signedIn },
      schema: {
        summary: 'Practitioners’ loads against their capacity, as a RAG, with the cases that make them up',
        description:
          'Load: the weights of the open and on-hold cases a person holds. Capacity: their capacity points × FTE. ' +
          'RAG: blue under 70%, green from 70%, amber from 90% up to 100%, red above 100%. Your own always; ' +
          'a member of a team you supervise (scope=user), or a team you supervise (scope=team) — else 403. ' +
          'Cases you may not see are counted (hidden), never named. Audited (capacity.viewed).',
        tags,
        querystring: capacityQuerySchema,
        response: { 200: capacityResponseSchema, ...problems },
      },
    },
    async (request) => presentCapacity(await listCapacity(request.ctx, request.query)),
  );

  app.post(
    '/reallocation-what-if',
    {
      // The service checks: manage the case (404 unseen, 403 otherwise), supervise its team, and the receiver.
      config: { policy: signedIn },
      schema: {
        summary: 'What if a case moved to a colleague: both people’s load and RAG before and after',
        description:
          'For a supervisor of the case’s team, to an active adviser or supervisor of that team (whom they ' +
          'could reassign it to): else FORBIDDEN, USER_NOT_FOUND or VALIDATION_FAILED (field toUserId). A ' +
          'case you may not see answers 404; a closed case VALIDATION_FAILED (field caseId). Nothing changes; ' +
          'the preview is audited (capacity.reallocation_previewed).',
        tags,
        body: reallocationWhatIfRequestSchema,
        response: { 200: reallocationWhatIfSchema, ...problems },
      },
    },
    async (request) => presentReallocation(await previewReallocation(request.ctx, request.body)),
  );
};
