/**
 * The effect of priorities on a practitioner's caseload: yours, or (supervisors) a team member's.
 * The services decide whose caseload the caller may see (policy caseload.effect).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  caseloadEffectQuerySchema,
  caseloadEffectResponseSchema,
  caseloadWhatIfRequestSchema,
  caseloadWhatIfResponseSchema,
} from '../../../contract/caseload.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import { forecastCaseloadWhatIf } from '../../../services/caseload/forecast-caseload-what-if.ts';
import { getCaseloadEffect } from '../../../services/caseload/get-caseload-effect.ts';
import { presentCaseloadEffect, presentCaseloadWhatIf } from './caseload.presenter.ts';

const problems = problemResponses(400, 401, 403, 404);
const tags = ['caseload'];
const WHOSE =
  'Your own caseload, or with `userId` a member of a team you supervise (FORBIDDEN otherwise; ' +
  'admins and auditors see no one else’s cases). Only cases you may view are counted.';

export const caseloadRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/effect',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The effect of priorities on a caseload: neglect, attention by band, forecast',
        description:
          `${WHOSE} Cases at risk of neglect (75% or more of their review timescale gone without ` +
          'attention), attention by band over the last 4 weeks, and the forecast of breaches over the ' +
          'next 4 weeks, with the assumptions in plain words. Audited (caseload.effect_viewed).',
        tags,
        querystring: caseloadEffectQuerySchema,
        response: { 200: caseloadEffectResponseSchema, ...problems },
      },
    },
    async (request) =>
      presentCaseloadEffect(await getCaseloadEffect(request.ctx, { userId: request.query.userId })),
  );

  app.post(
    '/what-if',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'What if a case were added, capacity reduced or weeks taken away: which cases slip',
        description:
          `${WHOSE} Nothing is stored. Errors: VALIDATION_FAILED (change.*). ` +
          'Audited (caseload.what_if_viewed).',
        tags,
        body: caseloadWhatIfRequestSchema,
        response: { 200: caseloadWhatIfResponseSchema, ...problems },
      },
    },
    async (request) => {
      const { userId, change } = request.body;
      return presentCaseloadWhatIf(
        await forecastCaseloadWhatIf(request.ctx, {
          userId,
          change: {
            addCase: change.addCase,
            capacityHours: change.capacityHours,
            absentWeeks: change.absentWeeks,
          },
        }),
      );
    },
  );
};
