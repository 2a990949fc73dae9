/** GET /api/search?q= — notes and case summaries the reader may see, with highlighted snippets. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { searchQuerySchema, searchResultsSchema } from '../../../contract/search.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { searchRecords } from '../../../services/search/search-records.ts';

export const searchRoutes: FastifyPluginAsync = async (base) => {
  base.withTypeProvider<ZodTypeProvider>().get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Search filed notes and case summaries (only what you may see)',
        description:
          'Words, "quoted phrases", -excluded words and OR, as in web search. A case reference finds its case.',
        tags: ['search'],
        querystring: searchQuerySchema,
        response: { 200: searchResultsSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const r = await searchRecords(request.ctx, request.query);
      return {
        cases: r.cases,
        notes: r.notes.map((n) => ({ ...n, occurredAt: n.occurredAt.toISOString() })),
      };
    },
  );
};
