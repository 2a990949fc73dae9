/**
 * The organisation's priority policy: everyone reads the version in force, admins, supervisors
 * and auditors read its history, admins save a new version (every change is a new version).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  priorityPolicyResponseSchema,
  priorityPolicyVersionParamsSchema,
  priorityPolicyVersionsResponseSchema,
  savePriorityPolicyRequestSchema,
} from '../../../contract/priority.ts';
import { manageUsers, signedIn, viewDirectory } from '../../../domain/access/policy.ts';
import {
  getPriorityPolicy,
  getPriorityPolicyVersion,
} from '../../../services/priority/get-priority-policy.ts';
import { listPriorityPolicyVersions } from '../../../services/priority/list-priority-policy-versions.ts';
import { savePriorityPolicy } from '../../../services/priority/save-priority-policy.ts';
import { presentPriorityPolicy, presentPriorityPolicyVersions } from './priority.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);
const tags = ['priority-policy'];

export const priorityPolicyRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: signedIn },
      schema: {
        summary: 'The priority policy in force, with what it encodes in plain words',
        description: 'Version 0 is the built-in default, in force until an admin saves a policy.',
        tags,
        response: { 200: priorityPolicyResponseSchema, ...problems },
      },
    },
    async (request) => presentPriorityPolicy(await getPriorityPolicy(request.ctx)),
  );

  app.get(
    '/versions',
    {
      config: { policy: viewDirectory },
      schema: {
        summary: 'Every saved version of the priority policy, newest first (admins, supervisors, auditors)',
        tags,
        response: { 200: priorityPolicyVersionsResponseSchema, ...problems },
      },
    },
    async (request) => presentPriorityPolicyVersions(await listPriorityPolicyVersions(request.ctx)),
  );

  app.get(
    '/versions/:version',
    {
      config: { policy: viewDirectory },
      schema: {
        summary: 'One version of the priority policy; 0 is the default (admins, supervisors, auditors)',
        description: 'Errors: NOT_FOUND (no such version).',
        tags,
        params: priorityPolicyVersionParamsSchema,
        response: { 200: priorityPolicyResponseSchema, ...problems },
      },
    },
    async (request) =>
      presentPriorityPolicy(await getPriorityPolicyVersion(request.ctx, request.params.version)),
  );

  app.put(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Save a new version of the priority policy (admins)',
        description:
          'Every problem with the policy is named as a field `policy.<path>` (VALIDATION_FAILED); ' +
          'a policy identical to the one in force is refused (CONFLICT). Audited (priority_policy.saved).',
        tags,
        body: savePriorityPolicyRequestSchema,
        response: { 200: priorityPolicyResponseSchema, ...problems },
      },
    },
    async (request) =>
      presentPriorityPolicy(
        await savePriorityPolicy(request.ctx, {
          policy: request.body.policy,
          changeNote: request.body.changeNote ?? null,
        }),
      ),
  );
};
