/** Teams of an organisation and their members (`/api/teams`). */
import { z } from 'zod';
import { teamRoleSchema } from './users.ts';

export const teamIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }),
});

export const teamMemberParamsSchema = z.object({
  id: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }),
  userId: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' }),
});

export const createTeamRequestSchema = z
  .strictObject({
    name: z
      .string({ message: 'Enter a name for the team' })
      .trim()
      .min(1, { message: 'Enter a name for the team' })
      .max(200, { message: 'Use at most 200 characters for the team name' }),
  })
  .meta({ id: 'CreateTeamRequest' });
export type CreateTeamRequest = z.infer<typeof createTeamRequestSchema>;

export const setTeamMemberRequestSchema = z
  .strictObject({
    role: teamRoleSchema.describe('`supervisor` needs a person with the supervisor role.'),
  })
  .meta({ id: 'SetTeamMemberRequest' });
export type SetTeamMemberRequest = z.infer<typeof setTeamMemberRequestSchema>;

export const teamMemberSchema = z.object({
  userId: z.uuid(),
  displayName: z.string(),
  role: teamRoleSchema,
});

export const teamSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    members: z.array(teamMemberSchema),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Team' });
export type TeamResponse = z.infer<typeof teamSchema>;

export const teamListSchema = z.object({ teams: z.array(teamSchema) }).meta({ id: 'TeamList' });
export type TeamListResponse = z.infer<typeof teamListSchema>;
