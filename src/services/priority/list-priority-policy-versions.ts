import { viewDirectory } from '../../domain/access/policy.ts';
import {
  listPriorityPolicyVersions as listVersionRows,
  type PriorityPolicyVersionSummary,
} from '../../store/priority-policies.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * The history of the organisation's priority policy, newest first (who saved each version, when
 * and why), for admins, supervisors and auditors. Empty while the default policy is in force.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listPriorityPolicyVersions(
  ctx: ServiceContext,
): Promise<PriorityPolicyVersionSummary[]> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewDirectory, undefined, { entityType: 'priority_policy', entityId: 'versions' });
  return listVersionRows(ctx.db, actor.orgId);
}
