import type {
  RectificationRequestResponse,
  SubjectAccessRequestResponse,
} from '../../../contract/subject-access.ts';
import type { RectificationView } from '../../../services/rectification/rectification-view.ts';
import type { SubjectAccessView } from '../../../services/subject-access/common.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentSubjectAccessRequest(v: SubjectAccessView): SubjectAccessRequestResponse {
  const r = v.row;
  return {
    id: r.id,
    client: { id: r.client_id, name: r.client_name },
    receivedOn: r.received_on,
    requester: { kind: r.requester_kind, name: r.requester_name, authority: r.requester_authority },
    identityVerified: r.identity_verified,
    identityEvidence: r.identity_evidence,
    notes: r.notes,
    status: r.status,
    dueOn: v.dueOn,
    originalDueOn: r.due_on,
    due: v.due,
    extension:
      r.extended_due_on && r.extension_reason
        ? { reason: r.extension_reason, noticeSentOn: r.extension_notice_sent_on, dueOn: r.extended_due_on }
        : null,
    closedOn: r.closed_on,
    closureReason: r.closure_reason,
    restrictedNotesDecision:
      r.restricted_decision === null || r.restricted_decision_reason === null
        ? null
        : {
            include: r.restricted_decision,
            reason: r.restricted_decision_reason,
            decidedBy: r.restricted_decided_by
              ? { id: r.restricted_decided_by, displayName: r.decided_by_name ?? '' }
              : null,
            decidedAt: iso(r.restricted_decided_at),
          },
    lastExportedAt: iso(r.last_exported_at),
    createdBy: { id: r.created_by, displayName: r.created_by_name },
    createdAt: r.created_at.toISOString(),
  };
}

export function presentRectificationRequest(v: RectificationView): RectificationRequestResponse {
  const r = v.row;
  return {
    id: r.id,
    client: { id: r.client_id, name: r.client_name },
    receivedOn: r.received_on,
    what: r.what,
    requestedChange: r.requested_change,
    dueOn: r.due_on,
    due: v.due,
    status: r.status,
    outcomeReason: r.outcome_reason,
    resolvedBy: r.resolved_by ? { id: r.resolved_by, displayName: r.resolved_by_name ?? '' } : null,
    resolvedAt: iso(r.resolved_at),
    fieldChanges: v.fieldChanges.map((c) => ({
      id: Number(c.id),
      field: c.field,
      changedAt: c.changed_at.toISOString(),
      changedBy: { id: c.changed_by, displayName: c.changed_by_name },
    })),
    amendmentNoteIds: [...v.amendmentNoteIds],
    createdBy: { id: r.created_by, displayName: r.created_by_name },
    createdAt: r.created_at.toISOString(),
  };
}
