/** Outcomes: the organisation's outcome list, financial outcomes of a case, the outcome report. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createOutcomeTypeRequestSchema,
  financialOutcomeCaseParamsSchema,
  financialOutcomeInputSchema,
  financialOutcomeListSchema,
  financialOutcomeSchema,
  listOutcomeTypesQuerySchema,
  outcomeReportQuerySchema,
  outcomeReportSchema,
  outcomeTypeIdParamsSchema,
  outcomeTypeListSchema,
  outcomeTypeSchema,
  updateOutcomeTypeRequestSchema,
} from '../../../contract/outcomes.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { createOutcomeType } from '../../../services/outcomes/create-outcome-type.ts';
import { getOutcomeReport } from '../../../services/outcomes/get-outcome-report.ts';
import { listFinancialOutcomes } from '../../../services/outcomes/list-financial-outcomes.ts';
import { listOutcomeTypes } from '../../../services/outcomes/list-outcome-types.ts';
import { recordFinancialOutcome } from '../../../services/outcomes/record-financial-outcome.ts';
import { updateOutcomeType } from '../../../services/outcomes/update-outcome-type.ts';
import {
  outcomeReportCsv,
  presentFinancialOutcome,
  presentFinancialOutcomeList,
  presentOutcomeReport,
  presentOutcomeType,
} from './outcomes.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['outcomes'];

export const outcomesRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/outcome-types',
    {
      // Anyone signed in (closing a case chooses from it); `all=true` is checked for admins in the service.
      config: { policy: signedIn },
      schema: {
        summary: 'The organisation’s outcome list (active outcomes; all=true for admins includes inactive)',
        tags,
        querystring: listOutcomeTypesQuerySchema,
        response: { 200: outcomeTypeListSchema, ...problems },
      },
    },
    async (request) => ({
      outcomeTypes: (await listOutcomeTypes(request.ctx, { all: request.query.all })).map(presentOutcomeType),
    }),
  );

  app.post(
    '/outcome-types',
    {
      // The outcome list is an organisation setting: the users.manage (admin) policy.
      config: { policy: manageUsers },
      schema: {
        summary: 'Add an outcome to the list (admins)',
        description: 'The key is fixed once created. Errors: OUTCOME_TYPE_KEY_TAKEN, VALIDATION_FAILED.',
        tags,
        body: createOutcomeTypeRequestSchema,
        response: { 201: outcomeTypeSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentOutcomeType(await createOutcomeType(request.ctx, request.body))),
  );

  app.patch(
    '/outcome-types/:id',
    {
      config: { policy: manageUsers },
      schema: {
        summary:
          'Relabel, reorder, deactivate or reactivate an outcome, or say whether it is positive (admins)',
        description:
          'Outcomes are never deleted and their key never changes: closed cases keep theirs. The last ' +
          'active outcome cannot be deactivated (CONFLICT).',
        tags,
        params: outcomeTypeIdParamsSchema,
        body: updateOutcomeTypeRequestSchema,
        response: { 200: outcomeTypeSchema, ...problems },
      },
    },
    async (request) =>
      presentOutcomeType(await updateOutcomeType(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/cases/:caseId/financial-outcomes',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The financial outcomes of a case (whole pence), and whether the organisation records them',
        description: 'Anyone who may see the case; the read is audited. A case you may not see answers 404.',
        tags,
        params: financialOutcomeCaseParamsSchema,
        response: { 200: financialOutcomeListSchema, ...problems },
      },
    },
    async (request) =>
      presentFinancialOutcomeList(await listFinancialOutcomes(request.ctx, request.params.caseId)),
  );

  app.post(
    '/cases/:caseId/financial-outcomes',
    {
      config: { policy: signedIn },
      schema: {
        summary:
          'Record a financial outcome of a case: kind, amountPence (whole pence), frequency, description',
        description:
          'Where the organisation records financial outcomes (409 FINANCIAL_OUTCOMES_NOT_RECORDED otherwise). ' +
          'The case’s owner, a supervisor of its team, or a colleague it is shared with.',
        tags,
        params: financialOutcomeCaseParamsSchema,
        body: financialOutcomeInputSchema,
        response: { 201: financialOutcomeSchema, ...problems },
      },
    },
    async (request, reply) => {
      const row = await recordFinancialOutcome(request.ctx, request.params.caseId, request.body);
      return reply.code(201).send(presentFinancialOutcome(row, row.recorded_by_name));
    },
  );

  app.get(
    '/outcome-report',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Outcomes of a period: closures by outcome, financial outcomes, goal results, referrals out',
        description:
          'The worklist’s access rule: your own cases; a member of a team you supervise (scope=user&userId=); ' +
          'a team you supervise (scope=team, teamId or all of them). Only cases you may see; the read is audited. ' +
          'format=csv answers text/csv.',
        tags,
        querystring: outcomeReportQuerySchema,
        response: { 200: outcomeReportSchema.or(z.string().describe('text/csv')), ...problems },
      },
    },
    async (request, reply) => {
      const { format, ...input } = request.query;
      const report = await getOutcomeReport(request.ctx, input);
      if (format === 'csv') {
        return reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="outcomes-${report.from}-to-${report.to}.csv"`)
          .send(outcomeReportCsv(report));
      }
      return presentOutcomeReport(report);
    },
  );
};
