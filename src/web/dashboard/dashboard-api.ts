/** The dashboard's calls: its figures for a scope, and the teams a supervisor can choose from. */
import { type DashboardFigures, dashboardFiguresSchema } from '../../contract/dashboard.ts';
import { teamListSchema } from '../../contract/teams.ts';
import type { ApiClient } from '../api-client.ts';
import type { WorklistScope } from '../worklist/worklist-query.ts';

export type { DashboardFigures };
export type DashboardScope = WorklistScope;

/** The query string of a scope, for the page address and the API alike ('' for one's own). */
export function searchOfScope(scope: DashboardScope): string {
  if (scope.kind === 'user') return `?scope=user&userId=${encodeURIComponent(scope.userId)}`;
  if (scope.kind === 'team') return `?scope=team&teamId=${encodeURIComponent(scope.teamId)}`;
  return '';
}

export const dashboardApi = {
  figures: (api: ApiClient, scope: DashboardScope) =>
    api.get(`/api/dashboard${searchOfScope(scope)}`, dashboardFiguresSchema),
  teams: (api: ApiClient) => api.get('/api/teams', teamListSchema),
};
