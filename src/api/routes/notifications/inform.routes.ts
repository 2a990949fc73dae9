/** Informing colleagues about a case: POST /api/cases/:caseId/inform and the people one may choose. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  caseColleaguesSchema,
  caseIdParamsSchema,
  informColleaguesRequestSchema,
  informColleaguesResultSchema,
} from '../../../contract/notifications.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { informColleagues } from '../../../services/notifications/inform-colleagues.ts';
import { listCaseColleagues } from '../../../services/notifications/list-case-colleagues.ts';

export const informRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:caseId/colleagues',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The people you may inform about a case (active users of your organisation, with teams)',
        description: 'For anyone who may view the case. Errors: CASE_NOT_FOUND.',
        tags: ['cases', 'notifications'],
        params: caseIdParamsSchema,
        response: { 200: caseColleaguesSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => ({ colleagues: await listCaseColleagues(request.ctx, request.params.caseId) }),
  );

  app.post(
    '/:caseId/inform',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Inform colleagues about a case with a message',
        description:
          'Anyone who may contribute to the case. Each colleague gets an in-app notification (and an ' +
          'e-mail naming the case, without the message, when e-mail is on); it appears on the ' +
          'case chronology. Errors: CASE_NOT_FOUND, FORBIDDEN, USER_NOT_FOUND, VALIDATION_FAILED.',
        tags: ['cases', 'notifications'],
        params: caseIdParamsSchema,
        body: informColleaguesRequestSchema,
        response: { 201: informColleaguesResultSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const recipients = await informColleagues(request.ctx, request.params.caseId, request.body);
      return reply.code(201).send({ recipients });
    },
  );
};
