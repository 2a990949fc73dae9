/** The worklist: a practitioner's open cases in priority order, and a supervisor's view of a team's. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { worklistQuerySchema, worklistSchema } from '../../../contract/worklist.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { listWorklist } from '../../../services/worklist/list-worklist.ts';
import { fastSerializerCompiler } from '../../fast-serializer.ts';
import { presentWorklist } from './worklist.presenter.ts';

const problems = problemResponses(400, 401, 403);

export const worklistRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Anyone signed in for their own; the service decides user and team scopes (403 otherwise).
      config: { policy: signedIn },
      schema: {
        summary: 'The worklist: open and on-hold cases in priority order, each position explained',
        description:
          'Your cases (`mine`), one member’s of a team you supervise (`user`), or a team’s you supervise ' +
          '(`team`) — only cases you may see; never closed ones. Order: band (red, amber, green), then the ' +
          'nearest pending key date or overdue action, then score, then the longest since attention. Each ' +
          'row has its reasons in plain words, next key date, next action due, days since attention, its ' +
          'timescale status (computed for today in the organisation’s nation and time zone) and, for red ' +
          'cases, what it lacks (no active owner, no next action with a due date, no allocated time). A case ' +
          'not yet assessed counts as green, score 0. The summary counts the whole scope; the filters narrow ' +
          'the rows. Another person’s or team’s worklist answers FORBIDDEN. The read is audited ' +
          '(worklist.viewed).',
        tags: ['worklist'],
        querystring: worklistQuerySchema,
        response: { 200: worklistSchema, ...problems },
      },
      // The largest hot response: compiled, not validated value by value (src/api/fast-serializer.ts).
      serializerCompiler: fastSerializerCompiler,
    },
    async (request) => {
      const { band, status, ...rest } = request.query;
      return presentWorklist(await listWorklist(request.ctx, { ...rest, bands: band, statuses: status }));
    },
  );
};
