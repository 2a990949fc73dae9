/** Resources of a case: owner, specialists, allocated hours and estimated effort. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  addSpecialistRequestSchema,
  caseResourcesSchema,
  resourcesCaseParamsSchema,
  specialistListSchema,
  specialistParamsSchema,
  specialistSchema,
  updateResourcesRequestSchema,
} from '../../../contract/resources.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { addCaseSpecialist } from '../../../services/resources/add-case-specialist.ts';
import { getCaseResources } from '../../../services/resources/get-case-resources.ts';
import { listCaseSpecialists } from '../../../services/resources/list-case-specialists.ts';
import { removeCaseSpecialist } from '../../../services/resources/remove-case-specialist.ts';
import { updateCaseResources } from '../../../services/resources/update-case-resources.ts';
import { presentCaseResources, presentSpecialist, presentSpecialistList } from './resources.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['resources'];
const VIEW = 'Anyone who may see the case; a case you may not see answers 404. The read is audited.';
const CONTRIBUTE =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with; a case you may not see answers 404.';
const MANAGE = 'The case’s owner or a supervisor of its team; a case you may not see answers 404.';

export const resourcesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:caseId/resources',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The resources of a case: owner, specialists, allocated hours, estimated effort',
        description:
          'With the resources check: a red case without an active owner, without a next action with a ' +
          `due date, or without allocated time says so. ${VIEW}`,
        tags,
        params: resourcesCaseParamsSchema,
        response: { 200: caseResourcesSchema, ...problems },
      },
    },
    async (request) => presentCaseResources(await getCaseResources(request.ctx, request.params.caseId)),
  );

  app.put(
    '/:caseId/resources',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Set the hours allocated to a case and the effort it is estimated to need',
        description:
          'Both values are sent (null clears one). Each change is kept in the case’s field history ' +
          `(allocated_hours, estimated_effort_hours); the caseload forecast reads the estimated effort. ${CONTRIBUTE}`,
        tags,
        params: resourcesCaseParamsSchema,
        body: updateResourcesRequestSchema,
        response: { 200: caseResourcesSchema, ...problems },
      },
    },
    async (request) =>
      presentCaseResources(await updateCaseResources(request.ctx, request.params.caseId, request.body)),
  );

  app.get(
    '/:caseId/specialists',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The specialists of a case, current ones first, then those removed',
        description: VIEW,
        tags,
        params: resourcesCaseParamsSchema,
        response: { 200: specialistListSchema, ...problems },
      },
    },
    async (request) => presentSpecialistList(await listCaseSpecialists(request.ctx, request.params.caseId)),
  );

  app.post(
    '/:caseId/specialists',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Add a colleague as a specialist of a case (the case is shared with them)',
        description:
          'The colleague must be an active user of your organisation (USER_NOT_FOUND), not the owner, and ' +
          'not a specialist of the case already (CONFLICT). Unless a live share lets them see the case ' +
          'already, it is shared with them (reason “Specialist: <role>”); they are notified in the app. ' +
          MANAGE,
        tags,
        params: resourcesCaseParamsSchema,
        body: addSpecialistRequestSchema,
        response: { 201: specialistSchema, ...problems },
      },
    },
    async (request, reply) => {
      const added = await addCaseSpecialist(request.ctx, request.params.caseId, request.body);
      return reply.code(201).send(presentSpecialist(added));
    },
  );

  app.post(
    '/:caseId/specialists/:id/remove',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Remove a specialist from a case (the share adding them granted is revoked)',
        description: `They stay on record with who removed them and when; removing them again changes nothing. ${MANAGE}`,
        tags,
        params: specialistParamsSchema,
        response: { 200: specialistSchema, ...problems },
      },
    },
    async (request) =>
      presentSpecialist(await removeCaseSpecialist(request.ctx, request.params.caseId, request.params.id)),
  );
};
