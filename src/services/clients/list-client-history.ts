import { type FieldChangeRow, listFieldChanges } from '../../store/field-changes.ts';
import { auditRead } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { loadClient } from './load-client.ts';

/**
 * The field history of a client (every change of their details), oldest first. The read is audited.
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND
 */
export async function listClientHistory(ctx: ServiceContext, clientId: string): Promise<FieldChangeRow[]> {
  const actor = requireActor(ctx);
  const loaded = await loadClient(ctx, clientId, 'view');
  const changes = await listFieldChanges(ctx.db, actor.orgId, 'client', loaded.row.id);
  await auditRead(ctx, { action: 'client.history-viewed', entityType: 'client', entityId: loaded.row.id });
  return changes;
}
