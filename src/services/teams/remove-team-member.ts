import { changeTeam } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { removeTeamMember as deleteTeamMember, findMembership, getTeam } from '../../store/teams.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * An administrator takes a person out of a team.
 * @throws AppError TEAM_NOT_FOUND, FORBIDDEN, NOT_FOUND (the person is not in the team)
 */
export async function removeTeamMember(
  ctx: ServiceContext,
  input: { teamId: string; userId: string },
): Promise<void> {
  const actor = requireActor(ctx);
  const team = await getTeam(ctx.db, actor.orgId, input.teamId);
  if (!team) throw new AppError('TEAM_NOT_FOUND');
  await requireAccess(
    ctx,
    changeTeam,
    { orgId: team.org_id, teamId: team.id },
    { entityType: 'team', entityId: team.id },
  );
  await inTransaction(ctx, async (tx) => {
    const previous = await findMembership(tx, actor.orgId, team.id, input.userId);
    const removed = previous ? await deleteTeamMember(tx, actor.orgId, team.id, input.userId) : 0;
    if (!previous || removed === 0) {
      throw new AppError('NOT_FOUND', 'This person is not a member of this team.');
    }
    await audit(ctx, tx, {
      action: 'team.member_removed',
      entityType: 'team',
      entityId: team.id,
      details: { userId: input.userId, previousRole: previous.role },
    });
  });
}
