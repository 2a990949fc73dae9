/**
 * Caseload reviews (supervision): start one (snapshot and proposed cases), read, add cases, record
 * decisions, agree improvements (actions) and obstacles, complete, print as PDF, compare two.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actionSchema } from '../../../contract/actions.ts';
import { problemResponses } from '../../../contract/common.ts';
import { obstacleSchema } from '../../../contract/obstacles.ts';
import {
  addReviewCaseRequestSchema,
  compareQuerySchema,
  completeReviewRequestSchema,
  improvementRequestSchema,
  reviewCaseParamsSchema,
  reviewComparisonSchema,
  reviewIdParamsSchema,
  reviewListQuerySchema,
  reviewListSchema,
  reviewObstacleRequestSchema,
  reviewSchema,
  shareReflectionRequestSchema,
  startReviewRequestSchema,
  updateReviewCaseRequestSchema,
} from '../../../contract/reviews.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { addReviewCase } from '../../../services/reviews/add-review-case.ts';
import { agreeImprovement } from '../../../services/reviews/agree-improvement.ts';
import { compareReviews } from '../../../services/reviews/compare-reviews.ts';
import { completeReview } from '../../../services/reviews/complete-review.ts';
import { exportReview } from '../../../services/reviews/export-review.ts';
import { getReviewDetail } from '../../../services/reviews/get-review.ts';
import { listCaseloadReviews } from '../../../services/reviews/list-reviews.ts';
import { recordReviewObstacle } from '../../../services/reviews/record-review-obstacle.ts';
import { shareReflection } from '../../../services/reviews/share-reflection.ts';
import { startReview } from '../../../services/reviews/start-review.ts';
import { updateReviewCaseRecord } from '../../../services/reviews/update-review-case.ts';
import { presentAction } from '../actions/actions.presenter.ts';
import { presentObstacle } from '../obstacles/obstacles.presenter.ts';
import { renderReviewPdf } from './review.pdf.ts';
import { presentComparison, presentReview, presentReviewSummary } from './reviews.presenter.ts';

const tags = ['caseload reviews'];
const READERS =
  'The practitioner, the supervisor who holds the review and the other supervisors of the practitioner’s ' +
  'teams may read it; anyone else gets 404 REVIEW_NOT_FOUND.';
const HOLDER =
  'Only the supervisor who holds the review, while it is in progress (403 for other readers; 409 CONFLICT ' +
  'once completed).';

export const reviewsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const review = async (ctx: Parameters<typeof getReviewDetail>[0], id: string) =>
    presentReview(await getReviewDetail(ctx, id));

  app.post(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Start a caseload review: freeze the snapshot and propose the cases to discuss',
        description:
          'A supervisor of a team the practitioner belongs to, never for themself (403). One review in progress ' +
          'per practitioner (409 CONFLICT). The snapshot is the practitioner’s dashboard figures, their load ' +
          'against capacity and the proposed cases (red, stalled, at risk of neglect, over timescale, over ' +
          'capacity) with their reasons; it never changes afterwards.',
        tags,
        body: startReviewRequestSchema,
        response: { 201: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const { reviewId } = await startReview(request.ctx, request.body);
      return reply.code(201).send(await review(request.ctx, reviewId));
    },
  );

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Caseload reviews, the latest first',
        description:
          'practitionerId: yourself, or a member of a team you supervise (403 otherwise). Left out: your own ' +
          'reviews, those you hold and those of your teams’ members.',
        tags,
        querystring: reviewListQuerySchema,
        response: { 200: reviewListSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => ({
      reviews: (await listCaseloadReviews(request.ctx, request.query)).map(presentReviewSummary),
    }),
  );

  app.get(
    '/compare',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Compare two reviews of the same practitioner, figure by figure',
        description: `Before (from), after (to) and the change for every figure of the two snapshots. ${READERS}`,
        tags,
        querystring: compareQuerySchema,
        response: { 200: reviewComparisonSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => presentComparison(await compareReviews(request.ctx, request.query)),
  );

  app.get(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One caseload review: snapshot, cases, decisions, improvements, reflections shared',
        description: READERS,
        tags,
        params: reviewIdParamsSchema,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => review(request.ctx, request.params.id),
  );

  app.get(
    '/:id/pdf',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The review’s printable record as a PDF',
        description: `Snapshot figures, cases discussed, decisions, improvements with owners and due dates, the next review date. ${READERS}`,
        tags,
        params: reviewIdParamsSchema,
        response: { 200: z.any().describe('application/pdf'), ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) => {
      const { detail, readerName } = await exportReview(request.ctx, request.params.id);
      const pdf = await renderReviewPdf({
        review: presentReview(detail),
        generatedAt: request.ctx.clock.now(),
        generatedBy: readerName,
        timeZone: detail.timeZone,
      });
      const day = detail.review.started_at.toISOString().slice(0, 10);
      return reply
        .type('application/pdf')
        .header('content-disposition', `attachment; filename="caseload-review-${day}.pdf"`)
        .send(pdf);
    },
  );

  app.post(
    '/:id/cases',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Add a case that was not proposed to the review',
        description: `One of the practitioner’s cases you may see (404 otherwise; 409 if on the review already). ${HOLDER}`,
        tags,
        params: reviewIdParamsSchema,
        body: addReviewCaseRequestSchema,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await addReviewCase(request.ctx, { reviewId: request.params.id, caseId: request.body.caseId });
      return review(request.ctx, request.params.id);
    },
  );

  app.patch(
    '/:id/cases/:caseId',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record the decision and obstacles for a case of the review, or mark it discussed',
        description: `A decision marks the case discussed. ${HOLDER}`,
        tags,
        params: reviewCaseParamsSchema,
        body: updateReviewCaseRequestSchema,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await updateReviewCaseRecord(request.ctx, {
        reviewId: request.params.id,
        caseId: request.params.caseId,
        ...request.body,
      });
      return review(request.ctx, request.params.id);
    },
  );

  app.post(
    '/:id/improvements',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Agree an improvement for a case of the review: it becomes an action on the case',
        description:
          'The action has an owner (a practitioner, the client or a third party by name) and a due date, and is ' +
          `linked to the review; it appears on the case with its other actions. ${HOLDER}`,
        tags,
        params: reviewIdParamsSchema,
        body: improvementRequestSchema,
        response: { 201: actionSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await agreeImprovement(request.ctx, { reviewId: request.params.id, ...request.body });
      return reply.code(201).send(presentAction(result));
    },
  );

  app.post(
    '/:id/obstacles',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Record an obstacle found at the review as an obstacle of the case',
        description: HOLDER,
        tags,
        params: reviewIdParamsSchema,
        body: reviewObstacleRequestSchema,
        response: { 201: obstacleSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const obstacle = await recordReviewObstacle(request.ctx, {
        reviewId: request.params.id,
        ...request.body,
      });
      return reply.code(201).send(presentObstacle(obstacle));
    },
  );

  app.post(
    '/:id/complete',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Complete the review with a summary and the date of the next one',
        description:
          'nextReviewOn must be after today; it becomes the practitioner’s next due date. The review then never ' +
          `changes. ${HOLDER}`,
        tags,
        params: reviewIdParamsSchema,
        body: completeReviewRequestSchema,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await completeReview(request.ctx, { reviewId: request.params.id, ...request.body });
      return review(request.ctx, request.params.id);
    },
  );

  app.post(
    '/:id/reflections',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Share one of your reflective-log entries into the review',
        description:
          'The review’s practitioner only, while it is in progress; the review’s readers may then read that entry ' +
          '(and only that one) through the review.',
        tags,
        params: reviewIdParamsSchema,
        body: shareReflectionRequestSchema,
        response: { 200: reviewSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      await shareReflection(request.ctx, {
        reviewId: request.params.id,
        reflectionId: request.body.reflectionId,
      });
      return review(request.ctx, request.params.id);
    },
  );
};
