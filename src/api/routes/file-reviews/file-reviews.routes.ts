/**
 * File reviews: the checklist (`/api/file-review-items`), the sampling rule, samples, reviews and
 * their answers (`/api/file-reviews`), and corrective actions (`/api/corrective-actions`).
 * Registered under `/api`.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createFileReviewItemRequestSchema,
  fileReviewItemIdParamsSchema,
  fileReviewItemListSchema,
  fileReviewItemSchema,
  listFileReviewItemsQuerySchema,
  samplingRuleSchema,
  setSamplingRuleRequestSchema,
  updateFileReviewItemRequestSchema,
} from '../../../contract/file-reviews.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { createFileReviewItem } from '../../../services/file-reviews/create-file-review-item.ts';
import { getSamplingRuleView } from '../../../services/file-reviews/get-sampling-rule.ts';
import { listFileReviewItems } from '../../../services/file-reviews/list-file-review-items.ts';
import { setSamplingRule } from '../../../services/file-reviews/set-sampling-rule.ts';
import { updateFileReviewItem } from '../../../services/file-reviews/update-file-review-item.ts';
import { correctiveActionsRoutes } from './corrective-actions.routes.ts';
import { fileReviewCasesRoutes } from './file-review-cases.routes.ts';
import { presentItem, presentRule } from './file-reviews.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);

const checklistRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['file-reviews'];

  app.get(
    '/',
    {
      // Anyone signed in; `all=true` is checked for admins in the service.
      config: { policy: signedIn },
      schema: {
        summary:
          'The organisation’s file-review checklist (active items; all=true for admins includes retired ones)',
        tags,
        querystring: listFileReviewItemsQuerySchema,
        response: { 200: fileReviewItemListSchema, ...problems },
      },
    },
    async (request) => ({
      items: (await listFileReviewItems(request.ctx, { all: request.query.all })).map(presentItem),
    }),
  );

  app.post(
    '/',
    {
      // The checklist is an organisation setting: the users.manage (admin) policy.
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a checklist item (admins)',
        description: 'The key is fixed once created (CONFLICT, field key, when taken). Audited.',
        tags,
        body: createFileReviewItemRequestSchema,
        response: { 201: fileReviewItemSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentItem(await createFileReviewItem(request.ctx, request.body))),
  );

  app.patch(
    '/:id',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Reword, reorder, retire or bring back a checklist item (admins)',
        description:
          'label, guidance, active, sortOrder; the key never changes and items are never deleted. Past ' +
          'answers keep the wording they were given under. Audited.',
        tags,
        params: fileReviewItemIdParamsSchema,
        body: updateFileReviewItemRequestSchema,
        response: { 200: fileReviewItemSchema, ...problems },
      },
    },
    async (request) => presentItem(await updateFileReviewItem(request.ctx, request.params.id, request.body)),
  );
};

const ruleRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['file-reviews'];

  app.get(
    '/rule',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The file-review sampling rule, in figures and words, with the current period',
        tags,
        response: { 200: samplingRuleSchema, ...problems },
      },
    },
    async (request) => presentRule(await getSamplingRuleView(request.ctx)),
  );

  app.put(
    '/rule',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Set the file-review sampling rule (admins)',
        description:
          'casesPerPractitioner (0–50) per period (month, quarter, half-year or year), riskShare (0–1) ' +
          'of them chosen by risk. Samples already drawn stay. Audited (file-review.rule_set).',
        tags,
        body: setSamplingRuleRequestSchema,
        response: { 200: samplingRuleSchema, ...problems },
      },
    },
    async (request) => presentRule(await setSamplingRule(request.ctx, request.body)),
  );
};

export const fileReviewsRoutes: FastifyPluginAsync = async (app) => {
  await app.register(checklistRoutes, { prefix: '/file-review-items' });
  await app.register(ruleRoutes, { prefix: '/file-reviews' });
  await app.register(fileReviewCasesRoutes, { prefix: '/file-reviews' });
  await app.register(correctiveActionsRoutes, { prefix: '/corrective-actions' });
};
