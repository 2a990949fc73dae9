import { listOwnReflections } from '../../store/reflections.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { type ReflectionResult, withSharing } from './reflection-view.ts';

/**
 * The actor's own reflective-log entries, the latest first — nobody else's, ever. Audited
 * (`reflection.listed`, the ids).
 * @throws AppError UNAUTHENTICATED
 */
export async function listReflections(ctx: ServiceContext): Promise<ReflectionResult[]> {
  const actor = requireActor(ctx);
  const rows = await listOwnReflections(ctx.db, actor.orgId, actor.id);
  const results = await withSharing(ctx.db, actor.orgId, rows);
  await inTransaction(ctx, (tx) =>
    audit(ctx, tx, {
      action: 'reflection.listed',
      entityType: 'reflection',
      details: { reflectionIds: rows.map((r) => r.id) },
    }),
  );
  return results;
}
