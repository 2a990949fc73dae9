/** Everything the case page shows about a case, loaded for an actor who may view it. */
import { canContributeToCase, canManageCase, isLiveShare } from '../../domain/cases/case-access.ts';
import {
  type RecordingConsentStanding,
  recordingConsentStanding,
} from '../../domain/clients/consent-state.ts';
import { type CaseFlagWithNames, listCaseFlags } from '../../store/case-flags.ts';
import { type CaseShareWithNames, listCaseSharesWithNames } from '../../store/case-shares.ts';
import { type CaseHeader, getCaseHeader } from '../../store/cases.ts';
import { listConsents } from '../../store/clients.ts';
import type { DbOrTx } from '../../store/db.ts';
import { type FieldChangeRow, listFieldChanges } from '../../store/field-changes.ts';
import { type CurrentExtensionRow, currentExtension } from '../../store/retention.ts';
import type { CaseRow } from '../../store/schema.ts';
import { consentDates } from '../clients/client-view.ts';
import { organisationToday } from '../clients/organisation-today.ts';
import { recordingConsentMonths } from '../compliance/consent-settings.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import type { LoadedCase } from './load-case.ts';

export interface CaseView {
  readonly row: CaseRow;
  readonly header: CaseHeader;
  readonly flags: readonly CaseFlagWithNames[];
  /** Live shares only: not revoked, not expired. */
  readonly shares: readonly CaseShareWithNames[];
  readonly history: readonly FieldChangeRow[];
  /** Where the client stands on consent to recording today: flagged unless active. */
  readonly recordingConsent: RecordingConsentStanding;
  /** The extension that set a closed case's destruction date (none: the schedule's date). */
  readonly retentionExtension: CurrentExtensionRow | null;
  readonly yourAccess: { readonly contribute: boolean; readonly manage: boolean };
}

/**
 * Loads the case page of a case the caller has already loaded with loadCase (so access is
 * checked). Pass the transaction when called after a write in it.
 */
export async function loadCaseView(
  ctx: ServiceContext,
  loaded: LoadedCase,
  db: DbOrTx = ctx.db,
): Promise<CaseView> {
  const actor = requireActor(ctx);
  const { row, access } = loaded;
  const now = ctx.clock.now();
  // One query after another: on a transaction they share one connection anyway.
  const header = await getCaseHeader(db, row.org_id, row.id);
  const flags = await listCaseFlags(db, row.org_id, row.id);
  const shares = await listCaseSharesWithNames(db, row.org_id, row.id);
  const history = await listFieldChanges(db, row.org_id, 'case', row.id);
  const consents = await listConsents(db, row.org_id, row.client_id);
  const today = await organisationToday(ctx, db);
  const months = await recordingConsentMonths(ctx, db);
  const extension =
    row.destruction_due_on && row.closed_at
      ? await currentExtension(db, {
          orgId: row.org_id,
          caseId: row.id,
          destructionDueOn: row.destruction_due_on,
          closedAt: row.closed_at,
        })
      : undefined;
  return {
    row,
    header,
    flags,
    shares: shares.filter((s) =>
      isLiveShare({ userId: s.user_id, kind: s.kind, expiresAt: s.expires_at, revokedAt: s.revoked_at }, now),
    ),
    history,
    recordingConsent: recordingConsentStanding(consents.map(consentDates), today, months),
    retentionExtension: extension ?? null,
    yourAccess: {
      contribute: canContributeToCase(actor, access, now),
      manage: canManageCase(actor, access),
    },
  };
}
