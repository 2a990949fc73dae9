import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadOwnReflection, type ReflectionResult, withSharing } from './reflection-view.ts';

/**
 * One of the actor's own entries (anyone else's is not found). Audited (`reflection.viewed`).
 * @throws AppError UNAUTHENTICATED, REFLECTION_NOT_FOUND
 */
export async function getReflection(ctx: ServiceContext, reflectionId: string): Promise<ReflectionResult> {
  const actor = requireActor(ctx);
  const row = await loadOwnReflection(ctx, ctx.db, reflectionId);
  const [result] = await withSharing(ctx.db, actor.orgId, [row]);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, { action: 'reflection.viewed', entityType: 'reflection', entityId: row.id }),
  );
  if (!result) throw new Error('unreachable: one row in, one result out');
  return result;
}
