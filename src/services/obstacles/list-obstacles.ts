import { listObstacles as listObstacleRows, type ObstacleRow } from '../../store/obstacles.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

/**
 * The obstacles of a case, unresolved first. The read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listObstacles(ctx: ServiceContext, caseId: string): Promise<ObstacleRow[]> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const obstacles = await listObstacleRows(ctx.db, row.org_id, row.id);
  await auditRead(ctx, { action: 'obstacles.listed', entityType: 'case', entityId: row.id });
  return obstacles;
}
