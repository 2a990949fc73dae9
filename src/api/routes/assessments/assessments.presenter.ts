import type { AssessmentListResponse, AssessmentResponse } from '../../../contract/assessments.ts';
import type { CaseAssessments } from '../../../services/priority/list-case-assessments.ts';
import type { AssessmentPreview } from '../../../services/priority/preview-assessment.ts';
import type { AssessmentRow } from '../../../store/assessments.ts';

type Json = AssessmentResponse['contributions'];

export function presentAssessment(a: AssessmentRow): AssessmentResponse {
  return {
    id: a.id,
    caseId: a.case_id,
    policyVersion: a.policy_version,
    trigger: a.trigger,
    score: Number(a.score),
    scoreBand: a.score_band,
    computedBand: a.computed_band,
    band: a.band,
    quadrant: a.quadrant,
    forcedBy: a.forced_by,
    reasons: a.reasons as string[],
    contributions: a.contributions as Json,
    rulesFired: a.rules_fired as AssessmentResponse['rulesFired'],
    rationale: a.rationale,
    override:
      a.override_band && a.override_rationale
        ? { band: a.override_band, rationale: a.override_rationale }
        : null,
    inputs: a.inputs as Record<string, unknown>,
    assessedBy: a.assessed_by ? { id: a.assessed_by, name: a.assessed_by_name } : null,
    assessedAt: a.assessed_at.toISOString(),
  };
}

export function presentAssessmentList(list: CaseAssessments): AssessmentListResponse {
  const assessments = list.assessments.map(presentAssessment);
  return {
    current: assessments.find((a) => a.id === list.currentId) ?? null,
    judgements: { vulnerability: list.vulnerability, impact: list.impact },
    assessments,
  };
}

export function presentPreview(p: AssessmentPreview, now: Date): AssessmentResponse {
  const a = p.assessment;
  return {
    id: null,
    caseId: p.caseId,
    policyVersion: p.policyVersion,
    trigger: 'practitioner',
    score: a.score,
    scoreBand: a.scoreBand,
    computedBand: a.computedBand,
    band: a.band,
    quadrant: a.quadrant,
    forcedBy: a.forcedBy ?? null,
    reasons: [...a.reasons],
    contributions: [...a.contributions],
    rulesFired: [...a.rulesFired],
    rationale: null,
    override: null,
    inputs: JSON.parse(JSON.stringify(p.inputs)) as Record<string, unknown>,
    assessedBy: null,
    assessedAt: now.toISOString(),
  };
}
