import { changeTeam } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { findMembership, getTeam, setTeamMember as upsertTeamMember } from '../../store/teams.ts';
import { getUser as getUserRow } from '../../store/users.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { loadTeamView, type TeamView } from './team-view.ts';

export interface SetTeamMemberInput {
  readonly teamId: string;
  readonly userId: string;
  readonly role: 'member' | 'supervisor';
}

/**
 * An administrator puts a person in a team, or changes their role there. Only a person with the
 * supervisor role (who signs in with a second factor) may supervise a team.
 * @throws AppError TEAM_NOT_FOUND, USER_NOT_FOUND, FORBIDDEN, CONFLICT (field role)
 */
export async function setTeamMember(ctx: ServiceContext, input: SetTeamMemberInput): Promise<TeamView> {
  const actor = requireActor(ctx);
  const team = await getTeam(ctx.db, actor.orgId, input.teamId);
  if (!team) throw new AppError('TEAM_NOT_FOUND');
  await requireAccess(
    ctx,
    changeTeam,
    { orgId: team.org_id, teamId: team.id },
    { entityType: 'team', entityId: team.id },
  );
  const user = await getUserRow(ctx.db, actor.orgId, input.userId);
  if (!user) throw new AppError('USER_NOT_FOUND');
  if (input.role === 'supervisor' && !user.roles.includes('supervisor')) {
    throw AppError.field(
      'role',
      'Only a person with the supervisor role can supervise a team: give them that role first, or choose member.',
      'CONFLICT',
    );
  }
  await inTransaction(ctx, async (tx) => {
    const previous = await findMembership(tx, actor.orgId, team.id, user.id);
    if (previous?.role === input.role) return;
    await upsertTeamMember(tx, { orgId: actor.orgId, teamId: team.id, userId: user.id, role: input.role });
    await audit(ctx, tx, {
      action: 'team.member_set',
      entityType: 'team',
      entityId: team.id,
      details: { userId: user.id, role: input.role, previousRole: previous?.role ?? null },
    });
  });
  const view = await loadTeamView(ctx.db, actor.orgId, team.id);
  if (!view) throw new AppError('TEAM_NOT_FOUND');
  return view;
}
