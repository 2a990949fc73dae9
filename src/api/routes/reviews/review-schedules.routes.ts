/** Review schedules: when each practitioner's next caseload review is due (`/api/review-schedules`). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  practitionerIdParamsSchema,
  reviewScheduleListSchema,
  reviewScheduleSchema,
  setReviewScheduleRequestSchema,
} from '../../../contract/reviews.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { listReviewSchedulesFor } from '../../../services/reviews/list-review-schedules.ts';
import { setReviewSchedule } from '../../../services/reviews/set-review-schedule.ts';
import { presentSchedule } from './reviews.presenter.ts';

const tags = ['caseload reviews'];

export const reviewSchedulesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Your review schedule, and those of the members of the teams you supervise',
        description:
          'Anyone: their own schedule (next due date, cadence, last review). Supervisors also see the members ' +
          'of the teams they supervise, the most overdue first, with whether they may start a review now.',
        tags,
        response: { 200: reviewScheduleListSchema, ...problemResponses(401) },
      },
    },
    async (request) => {
      const { today, schedules } = await listReviewSchedulesFor(request.ctx);
      return { today, schedules: schedules.map(presentSchedule) };
    },
  );

  app.put(
    '/:practitionerId',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Set a practitioner’s review cadence and next due date',
        description:
          'A supervisor of a team the practitioner belongs to (not for themself: 403). cadenceWeeks 1–52, or null ' +
          'for the organisation’s cadence; nextDueOn today or later, or left out for the cadence after the last ' +
          'completed review.',
        tags,
        params: practitionerIdParamsSchema,
        body: setReviewScheduleRequestSchema,
        response: { 200: reviewScheduleSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      presentSchedule(
        await setReviewSchedule(request.ctx, {
          practitionerId: request.params.practitionerId,
          ...request.body,
        }),
      ),
  );
};
