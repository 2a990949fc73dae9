import type { BreachListResponse, BreachResponse } from '../../../contract/breaches.ts';
import type { BreachView } from '../../../services/compliance/breach-view.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function presentBreach({ row, deadline }: BreachView): BreachResponse {
  return {
    id: row.id,
    discoveredAt: row.discovered_at.toISOString(),
    whatHappened: row.what_happened,
    dataCategories: row.data_categories,
    peopleAffected: row.people_affected,
    peopleCategories: row.people_categories,
    containment: row.containment,
    riskLevel: row.risk_level,
    riskAssessment: row.risk_assessment,
    reportDecision: row.report_decision,
    decisionReason: row.decision_reason,
    decidedBy: row.decided_by ? { id: row.decided_by, displayName: row.decided_by_name ?? '' } : null,
    decidedAt: iso(row.decided_at),
    reportedAt: iso(row.reported_at),
    icoReference: row.ico_reference,
    individualsInformedAt: iso(row.individuals_informed_at),
    deadline: {
      at: deadline.deadline.toISOString(),
      state: deadline.state,
      minutesLeft: deadline.minutesLeft,
      late: deadline.late,
      words: deadline.words,
    },
    recordedBy: { id: row.recorded_by, displayName: row.recorded_by_name },
    recordedAt: row.recorded_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export const presentBreachList = (views: readonly BreachView[]): BreachListResponse => ({
  breaches: views.map(presentBreach),
});
