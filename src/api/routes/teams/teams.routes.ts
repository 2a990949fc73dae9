/** Teams of the organisation and their members. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { problemResponses } from '../../../contract/common.ts';
import {
  createTeamRequestSchema,
  setTeamMemberRequestSchema,
  teamListSchema,
  teamMemberParamsSchema,
  teamSchema,
} from '../../../contract/teams.ts';
import { manageUsers, viewDirectory } from '../../../domain/access/policy.ts';
import { createTeam } from '../../../services/teams/create-team.ts';
import { listTeams } from '../../../services/teams/list-teams.ts';
import { removeTeamMember } from '../../../services/teams/remove-team-member.ts';
import { setTeamMember } from '../../../services/teams/set-team-member.ts';
import { presentTeam, presentTeamList } from './teams.presenter.ts';

const problems = problemResponses(400, 401, 403, 404, 409);

export const teamsRoutes: FastifyPluginAsync = async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/',
    {
      config: { policy: viewDirectory },
      schema: {
        summary: 'The teams of your organisation, with their members',
        tags: ['teams'],
        response: { 200: teamListSchema, ...problems },
      },
    },
    async (request) => presentTeamList(await listTeams(request.ctx)),
  );

  app.post(
    '/',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Add a team (names are unique in the organisation, ignoring case)',
        tags: ['teams'],
        body: createTeamRequestSchema,
        response: { 201: teamSchema, ...problems },
      },
    },
    async (request, reply) => {
      const view = await createTeam(request.ctx, request.body);
      return reply.code(201).send(presentTeam(view));
    },
  );

  app.put(
    '/:id/members/:userId',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Put a person in the team, or change their role there',
        description: 'A team supervisor must have the supervisor role (CONFLICT on field role otherwise).',
        tags: ['teams'],
        params: teamMemberParamsSchema,
        body: setTeamMemberRequestSchema,
        response: { 200: teamSchema, ...problems },
      },
    },
    async (request) =>
      presentTeam(
        await setTeamMember(request.ctx, {
          teamId: request.params.id,
          userId: request.params.userId,
          role: request.body.role,
        }),
      ),
  );

  app.delete(
    '/:id/members/:userId',
    {
      config: { policy: manageUsers },
      schema: {
        summary: 'Take a person out of the team',
        tags: ['teams'],
        params: teamMemberParamsSchema,
        response: { 204: z.null(), ...problems },
      },
    },
    async (request, reply) => {
      await removeTeamMember(request.ctx, { teamId: request.params.id, userId: request.params.userId });
      return reply.code(204).send(null);
    },
  );
};
