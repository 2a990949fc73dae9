import type { WorklistResponse, WorklistRowResponse } from '../../../contract/worklist.ts';
import type { WorklistRow } from '../../../domain/worklist/worklist.ts';
import type { WorklistResult } from '../../../services/worklist/list-worklist.ts';
import { presentRecordingConsent } from '../compliance/consent-standing.presenter.ts';

function presentRow(r: WorklistRow): WorklistRowResponse {
  const c = r.case;
  const { attention, resolution } = r.clocks;
  return {
    position: r.position,
    decidedBy: r.decidedBy,
    explanation: r.explanation,
    case: { id: c.id, reference: c.reference, status: c.status },
    client: c.client,
    type: c.type,
    owner: { id: c.owner.id, displayName: c.owner.displayName },
    team: c.team,
    assessed: r.assessed,
    band: r.band,
    computedBand: r.computedBand,
    overridden: r.override !== null,
    override: r.override,
    score: r.score,
    quadrant: r.quadrant,
    reasons: [...r.reasons],
    assessedAt: r.assessedAt?.toISOString() ?? null,
    nextKeyDate: r.nextKeyDate
      ? {
          date: r.nextKeyDate.date,
          kind: r.nextKeyDate.kind as NonNullable<WorklistRowResponse['nextKeyDate']>['kind'],
          description: r.nextKeyDate.description,
          workingDaysAway: r.nextKeyDate.workingDaysAway,
          missed: r.nextKeyDate.missed,
        }
      : null,
    nextActionDue: r.nextActionDue,
    lastAttentionAt: c.lastAttentionAt.toISOString(),
    daysSinceAttention: r.daysSinceAttention,
    timescale: {
      source: r.timescaleSource,
      attention: {
        kind: attention.kind,
        status: attention.status,
        dueDate: attention.dueDate,
        workingDaysLeft: attention.workingDaysLeft,
        workingDays: attention.workingDays,
      },
      resolution: {
        status: resolution.status,
        dueDate: resolution.dueDate,
        workingDaysLeft: resolution.workingDaysLeft,
        workingDays: resolution.workingDays,
      },
    },
    flags: { safeguarding: c.openSafeguardingFlags, vulnerability: c.openVulnerabilityFlags },
    handoverToRead: c.handoverToRead ?? false,
    resources: r.resources,
    resourceProblems: [...r.resourceProblems],
    recordingConsent: r.recordingConsent ? presentRecordingConsent(r.recordingConsent) : null,
  };
}

export function presentWorklist(w: WorklistResult): WorklistResponse {
  return {
    scope: w.scope,
    userId: w.userId,
    teamId: w.teamId,
    today: w.today,
    summary: w.summary,
    rows: w.rows.map(presentRow),
  };
}
