/** A client as the actor may see them: details, consent records with their state, visible cases. */
import { type ConsentState, consentState } from '../../domain/clients/consent-state.ts';
import { type ClientCaseView, type ConsentWithRecorder, listConsents } from '../../store/clients.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { ClientRow } from '../../store/schema.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { type LoadedClient, visibleCases } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

export interface ConsentView {
  readonly row: ConsentWithRecorder;
  /** On the organisation's today. */
  readonly state: ConsentState;
}

export interface ClientView {
  readonly row: ClientRow;
  readonly consents: readonly ConsentView[];
  /** Only the cases the actor may see. */
  readonly cases: readonly ClientCaseView[];
}

export const consentView = (row: ConsentWithRecorder, today: string): ConsentView => ({
  row,
  state: consentState(
    { givenAt: row.given_at, expiresAt: row.expires_at, withdrawnAt: row.withdrawn_at },
    today,
  ),
});

/** Assembles the view of a loaded client (the caller has checked access). */
export async function buildClientView(
  ctx: ServiceContext,
  loaded: LoadedClient,
  db: DbOrTx = ctx.db,
): Promise<ClientView> {
  const actor = requireActor(ctx);
  const consents = await listConsents(db, actor.orgId, loaded.row.id);
  const today = await organisationToday(ctx, db);
  return {
    row: loaded.row,
    consents: consents.map((c) => consentView(c, today)),
    cases: visibleCases(actor, loaded.cases, ctx.clock.now()),
  };
}
