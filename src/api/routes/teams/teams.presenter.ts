import type { TeamListResponse, TeamResponse } from '../../../contract/teams.ts';
import type { TeamView } from '../../../services/teams/team-view.ts';

export function presentTeam(view: TeamView): TeamResponse {
  return {
    id: view.team.id,
    name: view.team.name,
    members: view.members.map((m) => ({ userId: m.userId, displayName: m.displayName, role: m.role })),
    createdAt: view.team.created_at.toISOString(),
  };
}

export const presentTeamList = (views: readonly TeamView[]): TeamListResponse => ({
  teams: views.map(presentTeam),
});
