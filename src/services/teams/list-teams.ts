import { viewDirectory } from '../../domain/access/policy.ts';
import { listMembersWithNames, listTeams as listTeamRows } from '../../store/teams.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';
import { type TeamView, toTeamView } from './team-view.ts';

/**
 * The teams of the actor's organisation with their members, by name.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listTeams(ctx: ServiceContext): Promise<TeamView[]> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewDirectory, undefined);
  const [teams, members] = await Promise.all([
    listTeamRows(ctx.db, actor.orgId),
    listMembersWithNames(ctx.db, actor.orgId),
  ]);
  return teams.map((team) => toTeamView(team, members));
}
