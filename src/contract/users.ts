/** Users of an organisation, as administrators manage them (`/api/users`). */
import { z } from 'zod';
import { emailSchema, newPasswordSchema, roleSchema } from './common.ts';

export const userStatusSchema = z.enum(['active', 'disabled'], {
  message: 'Choose a status: active or disabled',
});
export const teamRoleSchema = z.enum(['member', 'supervisor'], {
  message: 'Choose a team role: member or supervisor',
});

export const displayNameSchema = z
  .string({ message: 'Enter the person’s name' })
  .trim()
  .min(1, { message: 'Enter the person’s name' })
  .max(200, { message: 'Use at most 200 characters for the name' });

/** One or more distinct roles. */
export const rolesSchema = z
  .array(roleSchema, { message: 'Choose one or more roles: adviser, supervisor, admin, auditor' })
  .min(1, { message: 'Choose at least one role: adviser, supervisor, admin or auditor' })
  .max(4)
  .refine((roles) => new Set(roles).size === roles.length, { message: 'Give each role only once' });

/** Hours a week the person has for casework: the capacity the caseload forecast works with. */
export const weeklyCapacityHoursSchema = z
  .number({ message: 'Give the weekly capacity as a number of hours from 0 to 80' })
  .min(0, { message: 'Give the weekly capacity as a number of hours from 0 to 80' })
  .max(80, { message: 'Give the weekly capacity as a number of hours from 0 to 80' })
  .describe('Hours a week for casework (0–80), used by the caseload forecast.');

const twoDecimals = (v: number) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6;

/** Weighted points a full-time practitioner can hold: the capacity view's measure. */
export const capacityPointsSchema = z
  .number({ message: 'Give the capacity as a number of points from 0 to 1000' })
  .min(0, { message: 'Give the capacity as a number of points from 0 to 1000' })
  .max(1000, { message: 'Give the capacity as a number of points from 0 to 1000' })
  .refine(twoDecimals, { message: 'Use at most two decimal places for the capacity points' })
  .describe(
    'Weighted points a full-time person can hold (0–1000, default 100); their capacity is this × fte.',
  );

/** The share of full time the person works. */
export const fteSchema = z
  .number({ message: 'Give the full-time equivalent as a number from 0.05 to 1, such as 0.6' })
  .min(0.05, { message: 'Give the full-time equivalent as a number from 0.05 to 1, such as 0.6' })
  .max(1, { message: 'Give the full-time equivalent as a number from 0.05 to 1, such as 0.6' })
  .refine(twoDecimals, { message: 'Use at most two decimal places for the full-time equivalent' })
  .describe('Full-time equivalent (0.05–1, default 1): 0.6 is three days a week of five.');

export const userIdParamsSchema = z.object({
  id: z.uuid({ message: 'Use a user id (a UUID) as listed by GET /api/users' }),
});

export const createUserRequestSchema = z
  .strictObject({
    email: emailSchema,
    displayName: displayNameSchema,
    roles: rolesSchema,
    password: newPasswordSchema.describe(
      'An initial password (12 to 128 characters) that the person changes after signing in.',
    ),
    teamId: z.uuid({ message: 'Use a team id (a UUID) as listed by GET /api/teams' }).optional(),
    teamRole: teamRoleSchema.optional().describe('Role in the team of `teamId`; `member` when left out.'),
  })
  .superRefine((body, issues) => {
    if (body.teamRole && !body.teamId) {
      issues.addIssue({
        code: 'custom',
        path: ['teamRole'],
        message: 'Give a teamId too, or leave out teamRole',
      });
    }
    if (body.teamRole === 'supervisor' && !body.roles.includes('supervisor')) {
      issues.addIssue({
        code: 'custom',
        path: ['teamRole'],
        message:
          'Only a person with the supervisor role can supervise a team; add that role or choose member',
      });
    }
  })
  .meta({ id: 'CreateUserRequest' });
export type CreateUserRequest = z.infer<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .strictObject({
    displayName: displayNameSchema.optional(),
    roles: rolesSchema.optional(),
    status: userStatusSchema
      .optional()
      .describe('`disabled` ends every session of the person at once and stops them signing in.'),
    weeklyCapacityHours: weeklyCapacityHoursSchema.optional(),
    capacityPoints: capacityPointsSchema.optional(),
    fte: fteSchema.optional(),
  })
  .refine(
    (b) =>
      b.displayName !== undefined ||
      b.roles !== undefined ||
      b.status !== undefined ||
      b.weeklyCapacityHours !== undefined ||
      b.capacityPoints !== undefined ||
      b.fte !== undefined,
    {
      message: 'Send at least one of displayName, roles, status, weeklyCapacityHours, capacityPoints or fte',
    },
  )
  .meta({ id: 'UpdateUserRequest' });
export type UpdateUserRequest = z.infer<typeof updateUserRequestSchema>;

export const userTeamSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  role: teamRoleSchema,
});

export const userSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    status: userStatusSchema,
    totpEnabled: z.boolean().describe('Whether an authenticator app is set up.'),
    teams: z.array(userTeamSchema),
    lockedOut: z
      .boolean()
      .describe('Sign-in is refused (too many failures); POST /api/users/{id}/unlock lifts it.'),
    weeklyCapacityHours: z.number().describe('Hours a week for casework, used by the caseload forecast.'),
    capacityPoints: z.number().describe('Weighted points a full-time person can hold (the capacity view).'),
    fte: z.number().describe('Full-time equivalent, 0.05–1; capacity = capacityPoints × fte.'),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'User' });
export type UserResponse = z.infer<typeof userSchema>;

export const userListSchema = z.object({ users: z.array(userSchema) }).meta({ id: 'UserList' });
export type UserListResponse = z.infer<typeof userListSchema>;
