/** The organisation's glossary of accepted abbreviations: everyone reads it, administrators keep it. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  glossaryEntrySchema,
  glossarySchema,
  glossaryTermParamsSchema,
  setGlossaryTermRequestSchema,
} from '../../../contract/glossary.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { deleteGlossaryTerm } from '../../../services/glossary/delete-glossary-term.ts';
import { listGlossary } from '../../../services/glossary/list-glossary.ts';
import { setGlossaryTerm } from '../../../services/glossary/set-glossary-term.ts';
import { presentGlossary, presentGlossaryEntry } from './glossary.presenter.ts';

const problems = problemResponses(400, 401, 403, 404);
const tags = ['glossary'];

export const glossaryRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The abbreviations your organisation accepts in notes, with their meanings',
        tags,
        response: { 200: glossarySchema, ...problems },
      },
    },
    async (request) => presentGlossary(await listGlossary(request.ctx)),
  );

  app.put(
    '/:term',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Add an abbreviation (capitals; lower case is raised) or change its meaning (admins)',
        description: 'Clarity hints stop flagging the term. Audited (glossary.term_set).',
        tags,
        params: glossaryTermParamsSchema,
        body: setGlossaryTermRequestSchema,
        response: { 200: glossaryEntrySchema, ...problems },
      },
    },
    async (request) =>
      presentGlossaryEntry(
        await setGlossaryTerm(request.ctx, { term: request.params.term, meaning: request.body.meaning }),
      ),
  );

  app.delete(
    '/:term',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Remove an abbreviation from the glossary (admins)',
        description: 'Audited (glossary.term_deleted). Errors: GLOSSARY_TERM_NOT_FOUND.',
        tags,
        params: glossaryTermParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await deleteGlossaryTerm(request.ctx, request.params.term);
      return reply.code(204).send(null);
    },
  );
};
