/** The view the team use cases answer with, and how to build it. */
import type { DbOrTx } from '../../store/db.ts';
import type { TeamRow } from '../../store/schema.ts';
import { getTeam, listMembersWithNames, type TeamMemberWithName } from '../../store/teams.ts';

export interface TeamView {
  readonly team: TeamRow;
  readonly members: readonly TeamMemberWithName[];
}

export function toTeamView(team: TeamRow, members: readonly TeamMemberWithName[]): TeamView {
  return { team, members: members.filter((m) => m.teamId === team.id) };
}

/** One team of the organisation with its members, or undefined. */
export async function loadTeamView(db: DbOrTx, orgId: string, teamId: string): Promise<TeamView | undefined> {
  const team = await getTeam(db, orgId, teamId);
  return team ? toTeamView(team, await listMembersWithNames(db, orgId, teamId)) : undefined;
}
