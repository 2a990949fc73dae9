import type {
  CaseFlagResponse,
  CaseListResponse,
  CaseResponse,
  CaseShareResponse,
  CaseSummaryResponse,
} from '../../../contract/cases.ts';
import type { CaseView } from '../../../services/cases/case-view.ts';
import type { CaseFlagWithNames } from '../../../store/case-flags.ts';
import type { CaseShareWithNames } from '../../../store/case-shares.ts';
import type { VisibleCaseRow } from '../../../store/cases.ts';
import { presentRecordingConsent } from '../compliance/consent-standing.presenter.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const clientName = (c: { preferred_name: string | null; legal_name: string }) =>
  c.preferred_name?.trim() ? c.preferred_name : c.legal_name;

export function presentFlag(f: CaseFlagWithNames): CaseFlagResponse {
  return {
    id: f.id,
    kind: f.kind,
    category: f.category,
    description: f.description,
    raisedBy: { id: f.raised_by, displayName: f.raised_by_name },
    raisedAt: f.raised_at.toISOString(),
    resolvedBy: f.resolved_by ? { id: f.resolved_by, displayName: f.resolved_by_name ?? '' } : null,
    resolvedAt: iso(f.resolved_at),
    resolution: f.resolution,
  };
}

export function presentShare(s: CaseShareWithNames): CaseShareResponse {
  return {
    id: s.id,
    caseId: s.case_id,
    user: { id: s.user_id, displayName: s.user_name },
    kind: s.kind,
    reason: s.reason,
    expiresAt: iso(s.expires_at),
    grantedBy: { id: s.granted_by, displayName: s.granted_by_name },
    grantedAt: s.granted_at.toISOString(),
    revokedAt: iso(s.revoked_at),
  };
}

/** A case as its page shows it. */
export function presentCase(view: CaseView): CaseResponse {
  const { row, header } = view;
  return {
    id: row.id,
    reference: row.reference,
    client: {
      id: header.client_id,
      displayName: clientName(header),
      legalName: header.legal_name,
      preferredName: header.preferred_name,
      pronouns: header.pronouns,
      safeContact: header.safe_contact,
      accessNeeds: header.access_needs,
    },
    type: { id: header.type_id, key: header.type_key, name: header.type_name },
    presentingIssue: row.presenting_issue,
    desiredOutcome: row.desired_outcome,
    status: row.status,
    holdReason: row.hold_reason,
    outcomeType: row.outcome_key
      ? {
          key: row.outcome_key,
          label: header.outcome_label ?? row.outcome_key,
          positive: header.outcome_positive ?? false,
        }
      : null,
    outcome: row.outcome,
    closureReason: row.closure_reason,
    owner: { id: row.owner_id, displayName: header.owner_name },
    team: row.team_id ? { id: row.team_id, name: header.team_name ?? '' } : null,
    complexityWeight: Number(row.complexity_weight),
    vulnerabilityIndicators: row.vulnerability_indicators,
    openedAt: row.opened_at.toISOString(),
    closedAt: iso(row.closed_at),
    destructionDueOn: row.destruction_due_on,
    retentionExtension: view.retentionExtension
      ? {
          previousOn: view.retentionExtension.previousOn,
          reason: view.retentionExtension.reason,
          extendedBy: {
            id: view.retentionExtension.extendedBy,
            displayName: view.retentionExtension.extendedByName,
          },
          extendedAt: view.retentionExtension.extendedAt.toISOString(),
        }
      : null,
    lastAttentionAt: row.last_attention_at.toISOString(),
    flags: view.flags.map(presentFlag),
    shares: view.shares.map(presentShare),
    recordingConsent: presentRecordingConsent(view.recordingConsent),
    history: view.history.map((h) => ({
      field: h.field,
      oldValue: h.oldValue,
      newValue: h.newValue,
      reason: h.reason,
      changedBy: { id: h.changedBy, displayName: h.changedByName ?? '' },
      changedAt: h.changedAt.toISOString(),
    })),
    yourAccess: view.yourAccess,
  };
}

export function presentCaseSummary(r: VisibleCaseRow): CaseSummaryResponse {
  return {
    id: r.id,
    reference: r.reference,
    client: { id: r.client_id, displayName: clientName(r) },
    type: { id: r.type_id, key: r.type_key, name: r.type_name },
    status: r.status,
    owner: { id: r.owner_id, displayName: r.owner_name },
    team: r.team_id ? { id: r.team_id, name: r.team_name ?? '' } : null,
    openFlags: Number(r.open_flags ?? 0),
    openedAt: r.opened_at.toISOString(),
    lastAttentionAt: r.last_attention_at.toISOString(),
  };
}

export const presentCaseList = (rows: readonly VisibleCaseRow[]): CaseListResponse => ({
  cases: rows.map(presentCaseSummary),
});
