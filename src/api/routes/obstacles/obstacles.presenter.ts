import type { ObstacleListResponse, ObstacleResponse } from '../../../contract/obstacles.ts';
import type { ObstacleRow } from '../../../store/obstacles.ts';

export function presentObstacle(o: ObstacleRow): ObstacleResponse {
  return {
    id: o.id,
    caseId: o.case_id,
    category: o.category,
    description: o.description,
    since: o.since,
    plan: o.plan,
    resolved: o.resolved_at !== null,
    resolvedAt: o.resolved_at?.toISOString() ?? null,
    resolution: o.resolution,
    createdBy: o.created_by,
    createdAt: o.created_at.toISOString(),
    updatedAt: o.updated_at.toISOString(),
  };
}

export const presentObstacleList = (rows: readonly ObstacleRow[]): ObstacleListResponse => ({
  obstacles: rows.map(presentObstacle),
});
