import {
  applyClientPatch,
  type ClientPatch,
  clientDetailsProblems,
} from '../../domain/clients/client-changes.ts';
import { AppError } from '../../domain/errors.ts';
import { updateClient as updateClientRow } from '../../store/clients.ts';
import type { Tx } from '../../store/db.ts';
import { recordFieldChanges } from '../../store/field-changes.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { buildClientView, type ClientView } from './client-view.ts';
import { detailsOf, type LoadedClient, loadClient, throwIfProblems, valuesOf } from './load-client.ts';
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
  const today = await organisationToday(ctx);
  const loaded = await inTransaction(ctx, async (tx) => {
    const current = await loadClient(ctx, clientId, 'change', tx, { forUpdate: true });
    return (await changeClientDetails(ctx, tx, current, patch, today)).loaded;
  });
  return buildClientView(ctx, loaded);
}

/**
 * The writing half of a client update, inside the caller's transaction, for a client the caller
 * has loaded (locked) and checked access to. With `rectificationRequestId` each field change is
 * linked to that rectification request, so the history shows why the data changed.
 * @throws AppError CLIENT_NOT_FOUND, VALIDATION_FAILED (legalName, dateOfBirth, accessNeeds.language)
 */
export async function changeClientDetails(
  ctx: ServiceContext,
  tx: Tx,
  current: LoadedClient,
  patch: ClientPatch,
  today: string,
  link: { rectificationRequestId?: string } = {},
): Promise<{ loaded: LoadedClient; fields: string[] }> {
  const actor = requireActor(ctx);
  const clientId = current.row.id;
  const { after, changes } = applyClientPatch(detailsOf(current.row), patch);
  throwIfProblems(clientDetailsProblems(after, today));
  if (changes.length === 0) return { loaded: current, fields: [] };
  const now = ctx.clock.now();
  const row = await updateClientRow(tx, actor.orgId, clientId, valuesOf(after), now);
  if (!row) throw new AppError('CLIENT_NOT_FOUND');
  await recordFieldChanges(tx, {
    orgId: actor.orgId,
    entityType: 'client',
    entityId: clientId,
    changedBy: actor.id,
    changedAt: now,
    rectificationRequestId: link.rectificationRequestId,
    changes,
  });
  const fields = changes.map((c) => c.field);
  await audit(ctx, tx, {
    action: 'client.updated',
    entityType: 'client',
    entityId: clientId,
    details: link.rectificationRequestId
      ? { fields, rectificationRequestId: link.rectificationRequestId }
      : { fields },
  });
  return { loaded: { ...current, row }, fields };
}
