import {
  applyClientPatch,
  type ClientPatch,
  clientDetailsProblems,
} from '../../domain/clients/client-changes.ts';
import { AppError } from '../../domain/errors.ts';
import { updateClient as updateClientRow } from '../../store/clients.ts';
import { recordFieldChanges } from '../../store/field-changes.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { buildClientView, type ClientView } from './client-view.ts';
import { detailsOf, loadClient, throwIfProblems, valuesOf } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

/**
 * Changes a client's details. Safe-contact answers and access needs are merged member by member
 * (null clears one). Every changed field is kept in the field history with its old and new value;
 * the audit event names the fields only.
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN,
 *   VALIDATION_FAILED (legalName, dateOfBirth, accessNeeds.language)
 */
export async function updateClient(
  ctx: ServiceContext,
  clientId: string,
  patch: ClientPatch,
): Promise<ClientView> {
  const actor = requireActor(ctx);
  const today = await organisationToday(ctx);
  const loaded = await inTransaction(ctx, async (tx) => {
    const current = await loadClient(ctx, clientId, 'change', tx, { forUpdate: true });
    const { after, changes } = applyClientPatch(detailsOf(current.row), patch);
    throwIfProblems(clientDetailsProblems(after, today));
    if (changes.length === 0) return current;
    const now = ctx.clock.now();
    const row = await updateClientRow(tx, actor.orgId, clientId, valuesOf(after), now);
    if (!row) throw new AppError('CLIENT_NOT_FOUND');
    await recordFieldChanges(tx, {
      orgId: actor.orgId,
      entityType: 'client',
      entityId: clientId,
      changedBy: actor.id,
      changedAt: now,
      changes,
    });
    await audit(ctx, tx, {
      action: 'client.updated',
      entityType: 'client',
      entityId: clientId,
      details: { fields: changes.map((c) => c.field) },
    });
    return { ...current, row };
  });
  return buildClientView(ctx, loaded);
}
