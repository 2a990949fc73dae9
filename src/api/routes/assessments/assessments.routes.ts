/** Assessments of a case against the priority policy: history, a practitioner's assessment, a preview. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  assessCaseRequestSchema,
  assessmentCaseParamsSchema,
  assessmentListSchema,
  assessmentSchema,
  judgementsSchema,
} from '../../../contract/assessments.ts';
import { problemResponses } from '../../../contract/common.ts';
import { signedIn } from '../../../domain/access/policy.ts';
import type { VulnerabilityLevel } from '../../../domain/priority/levels.ts';
import { assessCase } from '../../../services/priority/assess-case.ts';
import { listCaseAssessments } from '../../../services/priority/list-case-assessments.ts';
import { previewAssessment } from '../../../services/priority/preview-assessment.ts';
import { presentAssessmentList, presentPreview } from './assessments.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['priorities'];
const VIEW = 'Anyone who may see the case; a case you may not see answers 404. The read is audited.';
const CONTRIBUTE =
  'The case’s owner, a supervisor of its team, or a colleague it is shared with; a case you may not see answers 404.';

export const assessmentsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/:caseId/assessments',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The priority history of a case: every assessment, newest first',
        description: `The current assessment, the practitioner’s judgements (vulnerability, impact) and every earlier assessment with its trigger, policy version, reasons, rationale and any override. ${VIEW}`,
        tags,
        params: assessmentCaseParamsSchema,
        response: { 200: assessmentListSchema, ...problems },
      },
    },
    async (request) => presentAssessmentList(await listCaseAssessments(request.ctx, request.params.caseId)),
  );

  app.post(
    '/:caseId/assessments',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Assess a case: judgements, rationale and an optional override',
        description:
          'Sets client vulnerability (0–3) and the impact if not actioned, measures the case against the ' +
          'policy in force and stores the assessment with the practitioner’s rationale (required). An override ' +
          'to another band needs its own rationale (VALIDATION_FAILED, field override.rationale) and is shown ' +
          `as an override everywhere. ${CONTRIBUTE}`,
        tags,
        params: assessmentCaseParamsSchema,
        body: assessCaseRequestSchema,
        response: { 201: assessmentListSchema, ...problems },
      },
    },
    async (request, reply) => {
      const { caseId } = request.params;
      const body = request.body;
      await assessCase(request.ctx, {
        caseId,
        vulnerability: body.vulnerability as VulnerabilityLevel,
        impact: body.impact,
        rationale: body.rationale,
        override: body.override,
      });
      return reply.code(201).send(presentAssessmentList(await listCaseAssessments(request.ctx, caseId)));
    },
  );

  app.post(
    '/:caseId/assessments/preview',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'What the policy would make of a case with these judgements (nothing is stored)',
        description: VIEW,
        tags,
        params: assessmentCaseParamsSchema,
        body: judgementsSchema,
        response: { 200: assessmentSchema, ...problems },
      },
    },
    async (request) => {
      const preview = await previewAssessment(request.ctx, {
        caseId: request.params.caseId,
        vulnerability: request.body.vulnerability as VulnerabilityLevel,
        impact: request.body.impact,
      });
      return presentPreview(preview, request.ctx.clock.now());
    },
  );
};
