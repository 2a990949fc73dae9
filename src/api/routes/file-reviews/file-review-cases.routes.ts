/** `/api/file-reviews`: samples, reviews, answers, completion, raising corrective actions, the annual report. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  addFileReviewRequestSchema,
  completeFileReviewRequestSchema,
  correctiveActionSchema,
  fileReviewIdParamsSchema,
  fileReviewListSchema,
  fileReviewReportQuerySchema,
  fileReviewReportSchema,
  fileReviewSchema,
  fileReviewSummarySchema,
  listFileReviewsQuerySchema,
  raiseCorrectiveActionRequestSchema,
  samplePeriodRequestSchema,
  sampleResultSchema,
  saveAnswersRequestSchema,
} from '../../../contract/file-reviews.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import {
  superviseFileReviews,
  viewFileReviewReport,
} from '../../../domain/file-reviews/file-review-access.ts';
import { addFileReview } from '../../../services/file-reviews/add-file-review.ts';
import { completeFileReview } from '../../../services/file-reviews/complete-file-review.ts';
import { getFileReviewDetail } from '../../../services/file-reviews/get-file-review.ts';
import { getFileReviewReport } from '../../../services/file-reviews/get-file-review-report.ts';
import { listFileReviews } from '../../../services/file-reviews/list-file-reviews.ts';
import { raiseCorrectiveAction } from '../../../services/file-reviews/raise-corrective-action.ts';
import { sampleFileReviews } from '../../../services/file-reviews/sample-file-reviews.ts';
import { saveFileReviewAnswers } from '../../../services/file-reviews/save-file-review-answers.ts';
import { renderReportCsv } from './file-review-report.csv.ts';
import { renderReportPdf } from './file-review-report.pdf.ts';
import {
  presentAction,
  presentDetail,
  presentReport,
  presentSample,
  presentSummary,
} from './file-reviews.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['file-reviews'];

export const fileReviewCasesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/sample',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary: 'Draw (or top up) the file-review sample of a period for the teams you supervise',
        description:
          'Per member of your teams, up to the rule’s N cases open in the period and not yet reviewed in ' +
          'it: a share by risk, the rest at random (repeatable: seeded by organisation, period and ' +
          'practitioner). Never a case twice in a period; reviews already there count towards N. The ' +
          'answer says what was chosen and why. Audited.',
        tags,
        body: samplePeriodRequestSchema,
        response: { 200: sampleResultSchema, ...problems },
      },
    },
    async (request) => presentSample(await sampleFileReviews(request.ctx, request.body)),
  );

  app.post(
    '/',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary: 'Add a case of your team to a period’s file reviews by hand',
        description:
          'selection `manual`; the case must have been open in the period (VALIDATION_FAILED, field ' +
          'caseId) and not already be in its sample (CONFLICT). Audited.',
        tags,
        body: addFileReviewRequestSchema,
        response: { 201: fileReviewSummarySchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentSummary(await addFileReview(request.ctx, request.body))),
  );

  app.get(
    '/',
    {
      // Everyone signed in: practitioners see their own reviews, supervisors their teams' (in SQL).
      config: { policy: signedIn },
      schema: {
        summary: 'File reviews you may see: your own, and those of the teams you supervise',
        tags,
        querystring: listFileReviewsQuerySchema,
        response: { 200: fileReviewListSchema, ...problems },
      },
    },
    async (request) => {
      const { today, reviews } = await listFileReviews(request.ctx, request.query);
      return { today, reviews: reviews.map(presentSummary) };
    },
  );

  app.get(
    '/report',
    {
      config: { policy: viewFileReviewReport },
      schema: {
        summary: 'The annual analysis of file reviews per checklist item (JSON, CSV or PDF)',
        description:
          'Completed reviews of the year’s periods: per item met / not met / not applicable and % met of ' +
          'applicable, per practitioner, and corrective actions raised, overdue and verified. Admins: the ' +
          'organisation; supervisors: their teams. Figures only, no case data. Audited.',
        tags,
        querystring: fileReviewReportQuerySchema,
        response: {
          200: fileReviewReportSchema.or(
            z.any().describe('format=csv: text/csv; format=pdf: application/pdf'),
          ),
          ...problems,
        },
      },
    },
    async (request, reply) => {
      const report = await getFileReviewReport(request.ctx, request.query);
      const body = presentReport(report);
      const name = `file-reviews-${report.year}`;
      if (request.query.format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${name}.csv"`)
          .send(renderReportCsv(body));
      }
      if (request.query.format === 'pdf') {
        const pdf = await renderReportPdf({
          report: body,
          generatedAt: request.ctx.clock.now(),
          generatedBy: report.readerName,
          timeZone: report.timeZone,
        });
        return reply
          .type('application/pdf')
          .header('content-disposition', `attachment; filename="${name}.pdf"`)
          .send(pdf);
      }
      return body;
    },
  );

  app.get(
    '/:id',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'One file review: the checklist with its answers, and its corrective actions',
        description:
          'The practitioner under review and the supervisors of the case’s team; NOT_FOUND for anyone else. Audited.',
        tags,
        params: fileReviewIdParamsSchema,
        response: { 200: fileReviewSchema, ...problems },
      },
    },
    async (request) => presentDetail(await getFileReviewDetail(request.ctx, request.params.id)),
  );

  app.put(
    '/:id/answers',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary: 'Answer checklist items of a review (the reviewer)',
        description:
          'A supervisor of the case’s team, not the practitioner. Each answer met, not-met (with a comment) ' +
          'or not-applicable replaces an earlier one; not after completion (CONFLICT). Audited.',
        tags,
        params: fileReviewIdParamsSchema,
        body: saveAnswersRequestSchema,
        response: { 200: fileReviewSchema, ...problems },
      },
    },
    async (request) =>
      presentDetail(await saveFileReviewAnswers(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/complete',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary: 'Complete a review (the reviewer)',
        description:
          'Every active item must be answered (else VALIDATION_FAILED listing each, with missingItems) and ' +
          'every not-met commented. Audited.',
        tags,
        params: fileReviewIdParamsSchema,
        body: completeFileReviewRequestSchema,
        response: { 200: fileReviewSchema, ...problems },
      },
    },
    async (request) => presentDetail(await completeFileReview(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/corrective-actions',
    {
      config: { policy: superviseFileReviews },
      schema: {
        summary: 'Raise a corrective action on a review (the reviewer); due in 28 days',
        description:
          'Assigned to the practitioner unless assignedTo names a supervisor of the team. The due date is ' +
          'set by the server: 28 calendar days after today in the organisation’s calendar. Audited.',
        tags,
        params: fileReviewIdParamsSchema,
        body: raiseCorrectiveActionRequestSchema,
        response: { 201: correctiveActionSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(presentAction(await raiseCorrectiveAction(request.ctx, request.params.id, request.body))),
  );
};
