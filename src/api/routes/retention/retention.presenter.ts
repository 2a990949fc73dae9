/** Retention and erasure rows as the API shows them. */

import type { Selectable } from 'kysely';
import type { CaseErasure } from '../../../services/retention/erase.ts';
import type { RetentionReview } from '../../../services/retention/list-retention-review.ts';
import type { RetentionSchedulesView } from '../../../services/retention/list-retention-schedules.ts';
import type { ErasureRequestRow } from '../../../store/retention.ts';
import type { TombstonesTable } from '../../../store/schema.ts';

export const presentSchedules = (v: RetentionSchedulesView) => ({
  defaultYears: v.defaultYears,
  schedules: v.schedules.map((s) => ({
    caseTypeId: s.caseTypeId,
    caseTypeKey: s.caseTypeKey,
    caseTypeName: s.caseTypeName,
    active: s.active,
    retentionYears: s.retentionYears,
    effectiveYears: s.retentionYears ?? v.defaultYears,
    updatedAt: s.updatedAt?.toISOString() ?? null,
  })),
});

export const presentReview = (r: RetentionReview) => ({
  month: r.month,
  until: r.until,
  today: r.today,
  cases: r.cases.map((c) => ({
    caseId: c.id,
    reference: c.reference,
    caseTypeName: c.caseTypeName,
    closedOn: c.closedOn,
    outcomeKey: c.outcomeKey,
    destructionDueOn: c.destructionDueOn,
    extensions: c.extensions,
  })),
});

export const presentErasure = (e: CaseErasure) => ({
  tombstoneId: e.tombstoneId,
  caseId: e.caseId,
  reference: e.reference,
  clientErased: e.clientErased,
});

export const presentTombstone = (t: Selectable<TombstonesTable>) => ({
  id: t.id,
  caseReference: t.case_reference,
  caseTypeKey: t.case_type_key,
  caseTypeName: t.case_type_name,
  openedOn: t.opened_on,
  closedOn: t.closed_on,
  outcomeKey: t.outcome_key,
  financialOutcomes: t.financial_outcomes,
  reason: t.reason,
  erasureRequestId: t.erasure_request_id,
  erasedBy: t.erased_by,
  erasedAt: t.erased_at.toISOString(),
});

export const presentErasureRequest = (r: ErasureRequestRow) => ({
  id: r.id,
  clientId: r.clientId,
  clientName: r.clientName,
  receivedOn: r.receivedOn,
  reason: r.reason,
  status: r.status,
  recordedBy: r.recordedBy,
  recordedAt: r.recordedAt.toISOString(),
  decidedBy: r.decidedBy,
  decidedAt: r.decidedAt?.toISOString() ?? null,
  decisionReason: r.decisionReason,
  caseCount: r.caseCount,
});
