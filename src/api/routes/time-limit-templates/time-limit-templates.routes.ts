/**
 * Time-limit templates: everyone reads the active ones and works a date out from them; admins
 * add, edit, deactivate and reactivate them. A computed date is a prompt the practitioner confirms.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  computedKeyDateSchema,
  computeKeyDateRequestSchema,
  createTimeLimitTemplateRequestSchema,
  listTimeLimitTemplatesQuerySchema,
  noBodySchema,
  templateKeyParamsSchema,
  timeLimitTemplateListSchema,
  timeLimitTemplateSchema,
  updateTimeLimitTemplateRequestSchema,
} from '../../../contract/time-limit-templates.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { computeKeyDateFromTemplate } from '../../../services/time-limit-templates/compute-key-date-from-template.ts';
import { createTimeLimitTemplate } from '../../../services/time-limit-templates/create-time-limit-template.ts';
import { listTimeLimitTemplates } from '../../../services/time-limit-templates/list-time-limit-templates.ts';
import { setTimeLimitTemplateActive } from '../../../services/time-limit-templates/set-time-limit-template-active.ts';
import { updateTimeLimitTemplate } from '../../../services/time-limit-templates/update-time-limit-template.ts';
import {
  presentComputedKeyDate,
  presentTimeLimitTemplate,
  presentTimeLimitTemplateList,
} from './time-limit-templates.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['time-limit-templates'];
const VALIDATED =
  'The domain checks the template and names every problem as a field (`name`, `rule.days`, ' +
  '`alternative.condition`…; VALIDATION_FAILED). Audited.';

export const timeLimitTemplatesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Anyone signed in; `all=true` is checked for admins in the service.
      config: { policy: signedIn },
      schema: {
        summary:
          'The organisation’s time-limit templates (active ones; all=true for admins includes inactive)',
        tags,
        querystring: listTimeLimitTemplatesQuerySchema,
        response: { 200: timeLimitTemplateListSchema, ...problems },
      },
    },
    async (request) =>
      presentTimeLimitTemplateList(await listTimeLimitTemplates(request.ctx, { all: request.query.all })),
  );

  app.post(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a time-limit template (admins)',
        description: `The key is fixed once created (TIME_LIMIT_TEMPLATE_KEY_TAKEN when in use). ${VALIDATED}`,
        tags,
        body: createTimeLimitTemplateRequestSchema,
        response: { 201: timeLimitTemplateSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentTimeLimitTemplate(await createTimeLimitTemplate(request.ctx, request.body))),
  );

  app.put(
    '/:key',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Replace a time-limit template’s content (admins)',
        description: `Send the whole template without its key. ${VALIDATED}`,
        tags,
        params: templateKeyParamsSchema,
        body: updateTimeLimitTemplateRequestSchema,
        response: { 200: timeLimitTemplateSchema, ...problems },
      },
    },
    async (request) =>
      presentTimeLimitTemplate(await updateTimeLimitTemplate(request.ctx, request.params.key, request.body)),
  );

  for (const [action, active] of [
    ['deactivate', false],
    ['activate', true],
  ] as const) {
    app.post(
      `/:key/${action}`,
      {
        config: { policy: manageUsers },
        schema: {
          summary: active
            ? 'Offer an inactive time-limit template again (admins)'
            : 'Stop offering a time-limit template for new key dates (admins)',
          description: 'Templates are never deleted. CONFLICT when it is already so. Audited.',
          tags,
          params: templateKeyParamsSchema,
          body: noBodySchema,
          response: { 200: timeLimitTemplateSchema, ...problems },
        },
      },
      async (request) =>
        presentTimeLimitTemplate(await setTimeLimitTemplateActive(request.ctx, request.params.key, active)),
    );
  }

  app.post(
    '/:key/compute',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Work out the key date an active template gives for an event date',
        description:
          'In the organisation’s nation; nothing is stored. The answer explains how the date was reached ' +
          'and warns that the practitioner must confirm it before relying on it.',
        tags,
        params: templateKeyParamsSchema,
        body: computeKeyDateRequestSchema,
        response: { 200: computedKeyDateSchema, ...problems },
      },
    },
    async (request) =>
      presentComputedKeyDate(
        await computeKeyDateFromTemplate(request.ctx, {
          templateKey: request.params.key,
          eventDate: request.body.eventDate,
          useAlternative: request.body.useAlternative,
        }),
        request.body.eventDate,
      ),
  );
};
