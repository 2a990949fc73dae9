/** External factors: dated annotations on the trend charts (everyone reads; admins and supervisors manage). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  changeExternalFactorRequestSchema,
  createExternalFactorRequestSchema,
  externalFactorIdParamsSchema,
  externalFactorListSchema,
  externalFactorSchema,
  externalFactorsQuerySchema,
} from '../../../contract/external-factors.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { manageExternalFactors } from '../../../domain/dashboard/external-factor-access.ts';
import { addExternalFactor } from '../../../services/external-factors/add-external-factor.ts';
import { changeExternalFactor } from '../../../services/external-factors/change-external-factor.ts';
import { listExternalFactors } from '../../../services/external-factors/list-external-factors.ts';
import { removeExternalFactor } from '../../../services/external-factors/remove-external-factor.ts';
import { presentExternalFactor } from './external-factors.presenter.ts';

const tags = ['external factors'];
const who =
  'Admins may manage any factor; a supervisor those of a team they supervise and of its members ' +
  '(organisation-wide factors are for admins). Anyone else: FORBIDDEN.';

export const externalFactorsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The organisation’s external factors',
        description:
          'Dated annotations (policy changes, seasonal peaks, office closures, staff absences) for the whole ' +
          'organisation, a team or a person, by first day; `from`/`to` keep those touching the period. ' +
          'Each says whether you may change it.',
        tags,
        querystring: externalFactorsQuerySchema,
        response: { 200: externalFactorListSchema, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const list = await listExternalFactors(request.ctx, request.query);
      return { items: list.items.map(presentExternalFactor), canAdd: list.canAdd };
    },
  );

  app.post(
    '/',
    {
      config: { policy: manageExternalFactors },
      schema: {
        summary: 'Record an external factor',
        description: `The last day must be on or after the first (VALIDATION_FAILED, field endsOn); a team or a person of your organisation, not both. ${who} Audited (external_factor.added).`,
        tags,
        body: createExternalFactorRequestSchema,
        response: { 201: externalFactorSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      reply.code(201);
      return presentExternalFactor(await addExternalFactor(request.ctx, request.body));
    },
  );

  app.patch(
    '/:id',
    {
      config: { policy: manageExternalFactors },
      schema: {
        summary: 'Change an external factor',
        description: `The fields given change (null clears description, endsOn, teamId, userId). You must be allowed to manage it both before and after the change. ${who} Audited (external_factor.changed).`,
        tags,
        params: externalFactorIdParamsSchema,
        body: changeExternalFactorRequestSchema,
        response: { 200: externalFactorSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentExternalFactor(await changeExternalFactor(request.ctx, request.params.id, request.body)),
  );

  app.delete(
    '/:id',
    {
      config: { policy: manageExternalFactors },
      schema: {
        summary: 'Remove an external factor',
        description: `${who} Audited (external_factor.removed).`,
        tags,
        params: externalFactorIdParamsSchema,
        response: { 204: z.null().describe('Removed.'), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await removeExternalFactor(request.ctx, request.params.id);
      return reply.code(204).send(null);
    },
  );
};
