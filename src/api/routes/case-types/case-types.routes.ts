/** The organisation's case-type taxonomy: everyone reads it, administrators edit it. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseTypeIdParamsSchema,
  caseTypeListSchema,
  caseTypeSchema,
  createCaseTypeRequestSchema,
  listCaseTypesQuerySchema,
  updateCaseTypeRequestSchema,
} from '../../../contract/case-types.ts';
import { problemResponses } from '../../../contract/common.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { createCaseType } from '../../../services/case-types/create-case-type.ts';
import { listCaseTypes } from '../../../services/case-types/list-case-types.ts';
import { updateCaseType } from '../../../services/case-types/update-case-type.ts';
import { presentCaseType, presentCaseTypeList } from './case-types.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);

export const caseTypesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Anyone signed in; `all=true` is checked for admins in the service.
      config: { policy: signedIn },
      schema: {
        summary: 'The organisation’s case types (active ones; all=true for admins includes inactive)',
        tags: ['case-types'],
        querystring: listCaseTypesQuerySchema,
        response: { 200: caseTypeListSchema, ...problems },
      },
    },
    async (request) => presentCaseTypeList(await listCaseTypes(request.ctx, { all: request.query.all })),
  );

  app.post(
    '/',
    {
      // Case types are organisation settings: the users.manage (admin) policy.
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a case type (admins)',
        description: 'The key is fixed once created. Errors: CASE_TYPE_KEY_TAKEN, VALIDATION_FAILED.',
        tags: ['case-types'],
        body: createCaseTypeRequestSchema,
        response: { 201: caseTypeSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentCaseType(await createCaseType(request.ctx, request.body))),
  );

  app.patch(
    '/:id',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Rename, re-weight, reorder, deactivate or reactivate a case type (admins)',
        description:
          'Case types are never deleted: deactivate one to stop it being chosen for new cases. ' +
          'The last active type cannot be deactivated (CONFLICT).',
        tags: ['case-types'],
        params: caseTypeIdParamsSchema,
        body: updateCaseTypeRequestSchema,
        response: { 200: caseTypeSchema, ...problems },
      },
    },
    async (request) => presentCaseType(await updateCaseType(request.ctx, request.params.id, request.body)),
  );
};
