import type {
  ClientHistoryResponse,
  ClientLookupResponse,
  ClientResponse,
  ConsentResponse,
} from '../../../contract/clients.ts';
import type { ClientView, ConsentView } from '../../../services/clients/client-view.ts';
import type { ClientMatch } from '../../../services/clients/look-up-clients.ts';
import type { FieldChangeRow } from '../../../store/field-changes.ts';
import type { AccessNeeds, SafeContact } from '../../../store/schema.ts';
import { presentRecordingConsent } from '../compliance/consent-standing.presenter.ts';

/** Only the answers given; an unanswered question is left out (not false). */
const answered = <T extends object>(group: T): T =>
  Object.fromEntries(Object.entries(group).filter(([, v]) => v !== null && v !== undefined)) as T;

export const presentConsent = ({ row, state, expiresOn }: ConsentView): ConsentResponse => ({
  id: row.id,
  purpose: row.purpose,
  lawfulBasis: row.lawful_basis,
  givenAt: row.given_at,
  expiresAt: row.expires_at,
  withdrawnAt: row.withdrawn_at,
  notes: row.notes,
  state,
  expiresOn,
  renewsConsentId: row.renews_consent_id,
  recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
  recordedAt: row.recorded_at.toISOString(),
});

export function presentClient(view: ClientView): ClientResponse {
  const { row } = view;
  return {
    id: row.id,
    legalName: row.legal_name,
    preferredName: row.preferred_name,
    displayName: row.preferred_name ?? row.legal_name,
    pronouns: row.pronouns,
    dateOfBirth: row.date_of_birth,
    email: row.email,
    phone: row.phone,
    address: row.address,
    safeContact: answered<SafeContact>(row.safe_contact),
    accessNeeds: answered<AccessNeeds>(row.access_needs),
    consents: view.consents.map(presentConsent),
    recordingConsent: presentRecordingConsent(view.recordingConsent),
    cases: view.cases.map((c) => ({ id: c.id, reference: c.reference, status: c.status })),
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const presentClientLookup = (matches: readonly ClientMatch[]): ClientLookupResponse => ({
  clients: matches.map(({ row, cases }) => ({
    id: row.id,
    legalName: row.legal_name,
    preferredName: row.preferred_name,
    dateOfBirth: row.date_of_birth,
    caseReferences: cases.map((c) => c.reference),
  })),
});

export const presentClientHistory = (changes: readonly FieldChangeRow[]): ClientHistoryResponse => ({
  changes: changes.map((c) => ({
    id: Number(c.id),
    field: c.field,
    oldValue: c.oldValue,
    newValue: c.newValue,
    reason: c.reason,
    rectificationRequestId: c.rectificationRequestId,
    changedBy: { id: c.changedBy, displayName: c.changedByName },
    changedAt: c.changedAt.toISOString(),
  })),
});
