/** Users of the organisation: the directory, and their administration (admins only). */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createUserRequestSchema,
  updateUserRequestSchema,
  userIdParamsSchema,
  userListSchema,
  userSchema,
} from '../../../contract/users.ts';
import { manageUsers, signedIn, viewDirectory } from '../../../domain/access/policy.ts';
import { createUser } from '../../../services/users/create-user.ts';
import { getUser } from '../../../services/users/get-user.ts';
import { listUsers } from '../../../services/users/list-users.ts';
import { resetUserTotp } from '../../../services/users/reset-user-totp.ts';
import { unlockUser } from '../../../services/users/unlock-user.ts';
import { updateUser } from '../../../services/users/update-user.ts';
import { presentUser, presentUserList } from './users.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);

export const usersRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: viewDirectory },
      schema: {
        summary: 'The users of your organisation, with their teams',
        tags: ['users'],
        response: { 200: userListSchema, ...problems },
      },
    },
    async (request) => presentUserList(await listUsers(request.ctx)),
  );

  app.post(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a person with an initial password (they change it after signing in)',
        description:
          'Admins and supervisors set up an authenticator app at their first sign-in. ' +
          'Errors: EMAIL_TAKEN, WEAK_PASSWORD, TEAM_NOT_FOUND, VALIDATION_FAILED.',
        tags: ['users'],
        body: createUserRequestSchema,
        response: { 201: userSchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await createUser(request.ctx, request.body);
      return reply.code(201).send(presentUser(view));
    },
  );

  app.get(
    '/:id',
    {
      // Directory viewers see anyone; everyone sees themself: the service decides (policy user.view).
      config: { policy: signedIn },
      schema: {
        summary: 'One user (directory viewers, or the user themself)',
        tags: ['users'],
        params: userIdParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => presentUser(await getUser(request.ctx, request.params.id)),
  );

  app.patch(
    '/:id',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Change a person’s name, roles, status, weekly capacity or capacity in weighted points',
        description:
          'Disabling ends every session of the person at once. You cannot disable yourself or remove ' +
          'your own admin role (SELF_LOCKOUT), and the organisation keeps at least one active admin (LAST_ADMIN). ' +
          '`weeklyCapacityHours` (0–80, hours a week for casework) is what the caseload forecast works with; ' +
          '`capacityPoints` (0–1000 weighted points per full-time equivalent) × `fte` (0.05–1) is the ' +
          'capacity the capacity view measures case weights against. The audit names the fields changed.',
        tags: ['users'],
        params: userIdParamsSchema,
        body: updateUserRequestSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => presentUser(await updateUser(request.ctx, request.params.id, request.body)),
  );

  app.post(
    '/:id/reset-totp',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Remove a person’s authenticator app and recovery codes; their sessions end',
        tags: ['users'],
        params: userIdParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => presentUser(await resetUserTotp(request.ctx, request.params.id)),
  );

  app.post(
    '/:id/unlock',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Lift a sign-in lock after too many failed attempts',
        tags: ['users'],
        params: userIdParamsSchema,
        response: { 200: userSchema, ...problems },
      },
    },
    async (request) => presentUser(await unlockUser(request.ctx, request.params.id)),
  );
};
