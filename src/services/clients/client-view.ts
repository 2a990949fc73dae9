/** A client as the actor may see them: details, consent records with their state, visible cases. */
import {
  type ConsentState,
  consentStateWithDefault,
  effectiveExpiry,
  type RecordingConsentStanding,
  recordingConsentStanding,
} from '../../domain/clients/consent-state.ts';
import { type ClientCaseView, type ConsentWithRecorder, listConsents } from '../../store/clients.ts';
import type { DbOrTx } from '../../store/db.ts';
import type { ClientRow } from '../../store/schema.ts';
import { recordingConsentMonths } from '../compliance/consent-settings.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { type LoadedClient, visibleCases } from './load-client.ts';
import { organisationToday } from './organisation-today.ts';

export interface ConsentView {
  readonly row: ConsentWithRecorder;
  /** On the organisation's today, with the organisation's period for consent to recording. */
  readonly state: ConsentState;
  /** The last day covered: the record's own expiry date, else (recording) the organisation's period. */
  readonly expiresOn: string | null;
}

export interface ClientView {
  readonly row: ClientRow;
  readonly consents: readonly ConsentView[];
  /** Where the client stands on consent to recording today (flagged unless active). */
  readonly recordingConsent: RecordingConsentStanding;
  /** Only the cases the actor may see. */
  readonly cases: readonly ClientCaseView[];
}

/** A consent row as the consent rules see it. */
export const consentDates = (row: {
  id: string;
  purpose: string;
  given_at: string;
  expires_at: string | null;
  withdrawn_at: string | null;
}) => ({
  id: row.id,
  purpose: row.purpose,
  givenAt: row.given_at,
  expiresAt: row.expires_at,
  withdrawnAt: row.withdrawn_at,
});

export const consentView = (
  row: ConsentWithRecorder,
  today: string,
  recordingMonths: number,
): ConsentView => ({
  row,
  state: consentStateWithDefault(consentDates(row), today, recordingMonths),
  expiresOn: effectiveExpiry(consentDates(row), recordingMonths),
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
  const months = await recordingConsentMonths(ctx, db);
  return {
    row: loaded.row,
    consents: consents.map((c) => consentView(c, today, months)),
    recordingConsent: recordingConsentStanding(consents.map(consentDates), today, months),
    cases: visibleCases(actor, loaded.cases, ctx.clock.now()),
  };
}
