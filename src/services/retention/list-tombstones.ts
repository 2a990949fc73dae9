import { viewRetention } from '../../domain/access/retention.ts';
import { listTombstones as listRows } from '../../store/retention.ts';
import { requireAccess, requireActor, type ServiceContext } from '../context.ts';

/**
 * What is left of erased cases, newest first: pseudonymous (no client data), for statistics.
 * @throws AppError UNAUTHENTICATED, FORBIDDEN
 */
export async function listTombstones(ctx: ServiceContext) {
  const actor = requireActor(ctx);
  await requireAccess(ctx, viewRetention, undefined);
  return listRows(ctx.db, actor.orgId);
}
