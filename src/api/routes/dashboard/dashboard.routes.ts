/** The caseload dashboard: a practitioner's figures, and a supervisor's view of a member's or a team's. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import { dashboardFiguresSchema, dashboardQuerySchema } from '../../../contract/dashboard.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { viewDashboard } from '../../../services/dashboard/view-dashboard.ts';

const problems = problemResponses(400, 401, 403);

export const dashboardRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      // Anyone signed in for their own; the service decides user and team scopes (403 otherwise).
      config: { policy: signedIn },
      schema: {
        summary: 'The caseload dashboard: figures, each with the cases behind it, and 26-week trends',
        description:
          'Your cases (`mine`), one member’s of a team you supervise (`user`), or a team’s you supervise ' +
          '(`team`, every team you supervise without `teamId`) — only cases you may see. Open cases by band, ' +
          'status and case type; ageing; overdue actions; key dates due within 10 working days and missed; ' +
          'stalled cases (the organisation’s stalledAfterDays); neglect; open obstacles by category; goals ' +
          'achieved and cases closed (by outcome) in the last 30 and 90 days; timescale compliance; capacity ' +
          '(one practitioner); weekly trends (intake, closures, positive outcomes, weighted load with today’s ' +
          'weights) and the external factors of the 26 weeks. Every figure has `count` and `caseIds`; `cases` ' +
          'describes each case named once. Another person’s or team’s dashboard answers FORBIDDEN. The read ' +
          'is audited (dashboard.viewed).',
        tags: ['dashboard'],
        querystring: dashboardQuerySchema,
        response: { 200: dashboardFiguresSchema, ...problems },
      },
    },
    async (request) => viewDashboard(request.ctx, request.query),
  );
};
