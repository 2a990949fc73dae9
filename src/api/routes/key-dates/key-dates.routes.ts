/** Key dates of a case: deadlines, hearings, limitation dates, appointments and internal targets. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { keyDateRegisterQuerySchema, keyDateRegisterSchema } from '../../../contract/key-date-register.ts';
import {
  createKeyDateRequestSchema,
  keyDateCaseParamsSchema,
  keyDateIdParamsSchema,
  keyDateListSchema,
  keyDateSchema,
  keyDateStatusRequestSchema,
  updateKeyDateRequestSchema,
} from '../../../contract/key-dates.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { createKeyDate } from '../../../services/key-dates/create-key-date.ts';
import { listKeyDateRegister } from '../../../services/key-dates/list-key-date-register.ts';
import { listKeyDates } from '../../../services/key-dates/list-key-dates.ts';
import { setKeyDateStatus } from '../../../services/key-dates/set-key-date-status.ts';
import { updateKeyDate } from '../../../services/key-dates/update-key-date.ts';
import { presentKeyDate, presentKeyDateList, presentKeyDateRegister } from './key-dates.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['key dates'];
const ACCESS =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with may do this; ' +
  'a case you may not see answers 404.';

export const keyDatesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/key-dates/register',
    {
      // Anyone signed in for their own; the service decides team and user scopes (403 otherwise).
      config: { policy: signedIn },
      schema: {
        summary: 'The key dates register: your key dates, or a team’s backup diary (supervisors)',
        description:
          'Pending key dates by default — including dates that have passed but are still pending — of ' +
          'the cases you own (`mine`), of a team you supervise (`team`), or of one member of such a ' +
          'team (`user`), only of cases you may see, by date. Each says how many working days away ' +
          'it is, in the organisation’s nation and time zone. Another team’s or person’s register ' +
          'answers FORBIDDEN. The read is audited (key_dates.register_viewed).',
        tags,
        querystring: keyDateRegisterQuerySchema,
        response: { 200: keyDateRegisterSchema, ...problems },
      },
    },
    async (request) => presentKeyDateRegister(await listKeyDateRegister(request.ctx, request.query)),
  );

  app.get(
    '/cases/:caseId/key-dates',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The key dates of a case in date order',
        description: `Anyone who may see the case; the read is audited. ${ACCESS}`,
        tags,
        params: keyDateCaseParamsSchema,
        response: { 200: keyDateListSchema, ...problems },
      },
    },
    async (request) => presentKeyDateList(await listKeyDates(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/key-dates',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record a key date of a case (pending until met, missed or cancelled)',
        description:
          'With `fromTemplate` the date is worked out from a time-limit template (see POST ' +
          '/api/time-limit-templates/{key}/compute) and recorded only with `confirmed: true`; how it was ' +
          'computed and who confirmed it are kept in `computedFrom`. ' +
          ACCESS,
        tags,
        params: keyDateCaseParamsSchema,
        body: createKeyDateRequestSchema,
        response: { 201: keyDateSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await createKeyDate(request.ctx, { caseId: request.params.caseId, ...request.body });
      return reply.code(201).send(presentKeyDate(row));
    },
  );

  app.patch(
    '/key-dates/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Change a pending key date',
        description: `Met, missed and cancelled dates do not change (INVALID_STATUS_CHANGE). ${ACCESS}`,
        tags,
        params: keyDateIdParamsSchema,
        body: updateKeyDateRequestSchema,
        response: { 200: keyDateSchema, ...problems },
      },
    },
    async (request) => presentKeyDate(await updateKeyDate(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/key-dates/:id/status',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record that a key date was met, missed or cancelled (or set it back to pending)',
        description: `Setting the status it already has is refused (INVALID_STATUS_CHANGE). ${ACCESS}`,
        tags,
        params: keyDateIdParamsSchema,
        body: keyDateStatusRequestSchema,
        response: { 200: keyDateSchema, ...problems },
      },
    },
    async (request) => presentKeyDate(await setKeyDateStatus(request.ctx, request.params.id, request.body)),
  );
};
