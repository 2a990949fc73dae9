/** `/api/corrective-actions`: the list with states in words, marking done, verifying. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  correctiveActionDoneRequestSchema,
  correctiveActionIdParamsSchema,
  correctiveActionListSchema,
  correctiveActionSchema,
  correctiveActionVerifyRequestSchema,
  listCorrectiveActionsQuerySchema,
} from '../../../contract/file-reviews.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { superviseFileReviews } from '../../../domain/file-reviews/file-review-access.ts';
import { listCorrectiveActions } from '../../../services/file-reviews/list-corrective-actions.ts';
import { markCorrectiveActionDone } from '../../../services/file-reviews/mark-corrective-action-done.ts';
import { verifyCorrectiveAction } from '../../../services/file-reviews/verify-corrective-action.ts';
import { presentAction } from './file-reviews.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['file-reviews'];

export const correctiveActionsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Everyone signed in: their own actions, and supervisors their teams' (in SQL).
      config: { policy: signedIn },
      schema: {
        summary: 'Corrective actions assigned to you, and those of the teams you supervise',
        description:
          'Each with its state on the organisation’s today — open, overdue (the day after the due date), ' +
          'awaiting-verification, verified — and in words. Audited.',
        tags,
        querystring: listCorrectiveActionsQuerySchema,
        response: { 200: correctiveActionListSchema, ...problems },
      },
    },
    async (request) => {
      const { today, actions } = await listCorrectiveActions(request.ctx, request.query);
      return { today, correctiveActions: actions.map(presentAction) };
    },
  );

  app.post(
    '/:id/done',
    {
      // The assignee (checked in the service): any signed-in user may be one.
      config: { policy: signedIn },
      schema: {
        summary: 'Mark a corrective action done (its assignee), saying what was done',
        tags,
        params: correctiveActionIdParamsSchema,
        body: correctiveActionDoneRequestSchema,
        response: { 200: correctiveActionSchema, ...problems },
      },
    },
    async (request) =>
      presentAction(await markCorrectiveActionDone(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/verify',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary:
          'Verify a corrective action that was marked done (a supervisor of the team, not the assignee)',
        tags,
        params: correctiveActionIdParamsSchema,
        body: correctiveActionVerifyRequestSchema,
        response: { 200: correctiveActionSchema, ...problems },
      },
    },
    async (request) =>
      presentAction(await verifyCorrectiveAction(request.ctx, request.params.id, request.body)),
  );
};
