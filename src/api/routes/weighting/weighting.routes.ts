/**
 * Case weighting: the organisation's complexity factors (everyone reads them, administrators change
 * them) and a case's weight with the manual factors ticked on it.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  caseWeightSchema,
  complexityFactorIdParamsSchema,
  complexityFactorListSchema,
  complexityFactorSchema,
  createComplexityFactorRequestSchema,
  setCaseComplexityFactorsRequestSchema,
  updateComplexityFactorRequestSchema,
  weightCaseParamsSchema,
} from '../../../contract/weighting.ts';
import { manageUsers, signedIn } from '../../../domain/access/policy.ts';
import { createComplexityFactor } from '../../../services/weighting/create-complexity-factor.ts';
import { getCaseWeight } from '../../../services/weighting/get-case-weight.ts';
import { listComplexityFactors } from '../../../services/weighting/list-complexity-factors.ts';
import { setCaseComplexityFactors } from '../../../services/weighting/set-case-complexity-factors.ts';
import { updateComplexityFactor } from '../../../services/weighting/update-complexity-factor.ts';
import {
  presentCaseWeight,
  presentComplexityFactor,
  presentComplexityFactorList,
} from './weighting.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['weighting'];
const WEIGHT =
  'A case’s weight is its type’s base weight × every complexity factor that applies × the case’s own ' +
  'adjustment (its complexity weight), computed when read: a change to a factor, a flag or the client’s ' +
  'access needs shows at once.';

export const weightingRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/complexity-factors',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The organisation’s complexity factors, with each rule’s meaning in words',
        description: `Inactive factors are listed too (active: false). ${WEIGHT} Anyone signed in.`,
        tags,
        response: { 200: complexityFactorListSchema, ...problems },
      },
    },
    async (request) => presentComplexityFactorList(await listComplexityFactors(request.ctx)),
  );

  app.post(
    '/complexity-factors',
    {
      // Organisation settings: the users.manage (admin) policy.
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a complexity factor (admins)',
        description:
          'The key is fixed once created; a key the organisation has already answers CONFLICT (field key). ' +
          'Audited (complexity-factor.created).',
        tags,
        body: createComplexityFactorRequestSchema,
        response: { 201: complexityFactorSchema, ...problems },
      },
    },
    async (request, reply) =>
      reply.code(201).send(presentComplexityFactor(await createComplexityFactor(request.ctx, request.body))),
  );

  app.patch(
    '/complexity-factors/:id',
    {
      config: { policy: manageUsers },
      schema: {
        summary:
          'Change a complexity factor’s label, multiplier, rule, order or whether it is active (admins)',
        description:
          'Factors are never deleted: deactivate one and it applies to no case. Every case’s weight changes ' +
          'at once. Audited (complexity-factor.updated, naming the fields).',
        tags,
        params: complexityFactorIdParamsSchema,
        body: updateComplexityFactorRequestSchema,
        response: { 200: complexityFactorSchema, ...problems },
      },
    },
    async (request) =>
      presentComplexityFactor(await updateComplexityFactor(request.ctx, request.params.id, request.body)),
  );

  app.get(
    '/cases/:caseId/weight',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'A case’s weight, how it was made, and the manual factors one may tick',
        description: `${WEIGHT} Anyone who may see the case; a case you may not see answers 404. The read is audited.`,
        tags,
        params: weightCaseParamsSchema,
        response: { 200: caseWeightSchema, ...problems },
      },
    },
    async (request) => presentCaseWeight(await getCaseWeight(request.ctx, request.params.caseId)),
  );

  app.put(
    '/cases/:caseId/complexity-factors',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'Tick exactly these manual complexity factors on a case',
        description:
          'factorIds: every active manual factor that applies (the others are unticked; ticks of inactive ' +
          'factors are kept). A rule-based, inactive, unknown or repeated factor answers VALIDATION_FAILED ' +
          '(field factorIds) and changes nothing. The answer is the new weight. The case’s owner, a ' +
          'supervisor of its team, or a colleague it is shared with; a case you may not see answers 404. ' +
          'Audited (case.complexity_factors_set, with the factor ids); the set the case has already changes nothing.',
        tags,
        params: weightCaseParamsSchema,
        body: setCaseComplexityFactorsRequestSchema,
        response: { 200: caseWeightSchema, ...problems },
      },
    },
    async (request) =>
      presentCaseWeight(await setCaseComplexityFactors(request.ctx, request.params.caseId, request.body)),
  );
};
