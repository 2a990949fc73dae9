/** The breach log (admins and auditors). Registered under /api/breaches. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  breachIdParamsSchema,
  breachListSchema,
  breachSchema,
  recordBreachRequestSchema,
  updateBreachRequestSchema,
} from '../../../contract/breaches.ts';
import { problemResponses } from '../../../contract/common.ts';
import { breachLog } from '../../../domain/compliance/compliance-policies.ts';
import { listBreaches } from '../../../services/compliance/list-breaches.ts';
import { recordBreach } from '../../../services/compliance/record-breach.ts';
import { updateBreach } from '../../../services/compliance/update-breach.ts';
import { presentBreach, presentBreachList } from './breaches.presenter.ts';

const tags = ['breaches'];
const access = 'Admins and auditors (data-protection officers); anyone else gets FORBIDDEN.';

export const breachesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: breachLog },
      schema: {
        summary: 'The breach log, with the 72-hour ICO deadline of each',
        description:
          'Newest discovered first. `deadline` is discoveredAt + 72 hours with the time left or overdue in ' +
          `words (organisation time zone). Audited (breach.listed). ${access}`,
        tags,
        response: { 200: breachListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => presentBreachList(await listBreaches(request.ctx)),
  );

  app.post(
    '/',
    {
      config: { policy: breachLog },
      schema: {
        summary: 'Record a suspected personal data breach',
        description:
          'When it was discovered (not in the future), what happened (no client names needed), data and ' +
          `people affected as counts and categories, containment and risk. Audited (breach.recorded). ${access}`,
        tags,
        body: recordBreachRequestSchema,
        response: { 201: breachSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentBreach(await recordBreach(request.ctx, request.body))),
  );

  app.patch(
    '/:id',
    {
      config: { policy: breachLog },
      schema: {
        summary:
          'Update a breach: containment, risk, the decision to report to the ICO and why, when reported',
        description:
          'Only the fields given change. A decision (report or do-not-report) needs `decisionReason`; ' +
          '`reportedAt` needs the decision to report and cannot precede discovery. Audited (breach.updated). ' +
          access,
        tags,
        params: breachIdParamsSchema,
        body: updateBreachRequestSchema,
        response: { 200: breachSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => presentBreach(await updateBreach(request.ctx, request.params.id, request.body)),
  );
};
