import { auditRead } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';
import { buildClientView, type ClientView } from './client-view.ts';
import { loadClient } from './load-client.ts';

/**
 * One client with their consent records and the cases the actor may see. The read is audited.
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND
 */
export async function getClient(ctx: ServiceContext, clientId: string): Promise<ClientView> {
  const loaded = await loadClient(ctx, clientId, 'view');
  const view = await buildClientView(ctx, loaded);
  await auditRead(ctx, { action: 'client.viewed', entityType: 'client', entityId: loaded.row.id });
  return view;
}
