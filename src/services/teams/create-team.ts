import { manageUsers } from '../../domain/access/policy.ts';
import { AppError } from '../../domain/errors.ts';
import { isUniqueViolation } from '../../store/errors.ts';
import { findTeamByNameIgnoringCase, insertTeam } from '../../store/teams.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { TeamView } from './team-view.ts';

const nameTaken = () =>
  AppError.field(
    'name',
    'Your organisation already has a team with this name; choose another name.',
    'TEAM_NAME_TAKEN',
  );

/**
 * An administrator adds a team to their organisation. Names are unique within the organisation,
 * ignoring case ("Housing" and "housing" would confuse everyone).
 * @throws AppError FORBIDDEN, TEAM_NAME_TAKEN (field name)
 */
export async function createTeam(ctx: ServiceContext, input: { name: string }): Promise<TeamView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, manageUsers, undefined);
  const name = input.name.trim();
  if (!name) throw AppError.field('name', 'Enter a name for the team.');
  if (await findTeamByNameIgnoringCase(ctx.db, actor.orgId, name)) throw nameTaken();
  try {
    return await inTransaction(ctx, async (tx) => {
      const team = await insertTeam(tx, actor.orgId, name);
      await audit(ctx, tx, { action: 'team.created', entityType: 'team', entityId: team.id });
      return { team, members: [] };
    });
  } catch (error) {
    if (isUniqueViolation(error, 'teams_org_name_key')) throw nameTaken();
    throw error;
  }
}
