import { AppError } from '../../domain/errors.ts';
import type { Assessment } from '../../domain/priority/assess.ts';
import type { AssessmentInputs } from '../../domain/priority/facts.ts';
import type { ImpactLevel, VulnerabilityLevel } from '../../domain/priority/levels.ts';
import { loadAssessmentFacts } from '../../store/assessments.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { loadAssessmentSettings, reassessRow } from './reassess-cases.ts';

export interface AssessmentPreview {
  readonly caseId: string;
  readonly policyVersion: number;
  readonly inputs: AssessmentInputs;
  readonly assessment: Assessment;
}

/**
 * What the policy would make of a case with these judgements, stored nowhere: for the assessment
 * form, so the practitioner sees the band and reasons before giving their rationale.
 * @throws AppError CASE_NOT_FOUND, INVALID_STATUS_CHANGE (closed case)
 */
export async function previewAssessment(
  ctx: ServiceContext,
  input: { caseId: string; vulnerability: VulnerabilityLevel; impact: ImpactLevel },
): Promise<AssessmentPreview> {
  const actor = requireActor(ctx);
  const { row } = await loadCase(ctx, input.caseId, 'view');
  const settings = await loadAssessmentSettings(ctx.db, actor.orgId, ctx.clock.now());
  const [facts] = await loadAssessmentFacts(ctx.db, actor.orgId, { caseIds: [row.id] });
  if (!facts) throw new AppError('INVALID_STATUS_CHANGE', 'A closed case is not assessed: reopen it first.');
  await auditRead(ctx, { action: 'assessment.previewed', entityType: 'case', entityId: row.id });
  const result = reassessRow(
    {
      ...facts,
      vulnerability: input.vulnerability,
      impact: input.impact,
      current: facts.current ? { ...facts.current, override: null } : null,
    },
    settings,
  );
  return {
    caseId: row.id,
    policyVersion: settings.policyVersion,
    inputs: result.inputs,
    assessment: result.assessment,
  };
}
