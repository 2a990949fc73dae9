/**
 * The one way services reach a client: load it in the actor's organisation with the access facts
 * of its cases, and apply the access policy. A client the actor may not see answers
 * CLIENT_NOT_FOUND, exactly like one that does not exist.
 */
import type { Actor } from '../../domain/access/actor.ts';
import { canViewCase } from '../../domain/cases/case-access.ts';
import { type ClientAccessView, canChangeClient, canViewClient } from '../../domain/cases/client-access.ts';
import type { AccessNeeds, ClientDetails, SafeContact } from '../../domain/clients/client-changes.ts';
import { AppError } from '../../domain/errors.ts';
import {
  type ClientCaseView,
  type ClientValues,
  getClient,
  getClientForUpdate,
  listClientCases,
} from '../../store/clients.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { ClientRow } from '../../store/schema.ts';
import { recordDenial, requireActor, type ServiceContext } from '../context.ts';

export type ClientNeed = 'view' | 'change';

export interface LoadedClient {
  readonly row: ClientRow;
  /** Every case of the client (visible or not): use `visibleCases` before showing any. */
  readonly cases: readonly ClientCaseView[];
}

export const clientAccessView = (
  row: { org_id: string; created_by: string },
  cases: readonly ClientCaseView[],
): ClientAccessView => ({ orgId: row.org_id, createdBy: row.created_by, cases });

/** The client's cases that the actor may see. */
export const visibleCases = (actor: Actor, cases: readonly ClientCaseView[], now: Date) =>
  cases.filter((c) => canViewCase(actor, c, now));

/**
 * Loads a client for `need`. Without view access: CLIENT_NOT_FOUND. With view access but not
 * change access: FORBIDDEN (audited as a denial).
 * @param db a transaction when the caller goes on to write; `forUpdate` locks the client row
 * @throws AppError UNAUTHENTICATED, CLIENT_NOT_FOUND, FORBIDDEN
 */
export async function loadClient(
  ctx: ServiceContext,
  clientId: string,
  need: ClientNeed,
  db: DbOrTx = ctx.db,
  options: { forUpdate?: boolean } = {},
): Promise<LoadedClient> {
  const actor = requireActor(ctx);
  const row = options.forUpdate
    ? await getClientForUpdate(db, actor.orgId, clientId)
    : await getClient(db, actor.orgId, clientId);
  if (!row) throw new AppError('CLIENT_NOT_FOUND');
  const cases = await listClientCases(db, actor.orgId, [row.id]);
  const access = clientAccessView(row, cases);
  const now = ctx.clock.now();
  if (!canViewClient(actor, access, now)) throw new AppError('CLIENT_NOT_FOUND');
  if (need === 'change' && !canChangeClient(actor, access, now)) {
    await recordDenial(ctx, 'client.change', { entityType: 'client', entityId: row.id });
    throw new AppError('FORBIDDEN');
  }
  return { row, cases };
}

/** A client row's details as the domain sees them. */
export const detailsOf = (row: ClientRow): ClientDetails => ({
  legalName: row.legal_name,
  preferredName: row.preferred_name,
  pronouns: row.pronouns,
  dateOfBirth: row.date_of_birth,
  email: row.email,
  phone: row.phone,
  address: row.address,
  safeContact: row.safe_contact as SafeContact,
  accessNeeds: row.access_needs as AccessNeeds,
});

export const valuesOf = (d: ClientDetails): ClientValues => ({ ...d });

/** Throws VALIDATION_FAILED naming every field when there are problems. */
export function throwIfProblems(problems: readonly { field: string; message: string }[]): void {
  const first = problems[0];
  if (first)
    throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { fields: problems });
}
