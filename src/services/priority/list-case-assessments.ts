import { isImpactLevel } from '../../domain/priority/levels.ts';
import { type AssessmentRow, listCaseAssessments as listRows } from '../../store/assessments.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';

export interface CaseAssessments {
  readonly caseId: string;
  readonly vulnerability: number;
  readonly impact: import('../../domain/priority/levels.ts').ImpactLevel;
  /** Newest first; the case's current assessment is the first. */
  readonly assessments: readonly AssessmentRow[];
  readonly currentId: string | null;
}

/**
 * Every assessment of a case (its priority history), newest first, with the practitioner's
 * current judgements. For anyone who may see the case; the read is audited.
 * @throws AppError CASE_NOT_FOUND
 */
export async function listCaseAssessments(ctx: ServiceContext, caseId: string): Promise<CaseAssessments> {
  const actor = requireActor(ctx);
  const { row } = await loadCase(ctx, caseId, 'view');
  const assessments = await listRows(ctx.db, actor.orgId, row.id);
  await auditRead(ctx, { action: 'assessment.listed', entityType: 'case', entityId: row.id });
  return {
    caseId: row.id,
    vulnerability: row.vulnerability,
    impact: isImpactLevel(row.impact) ? row.impact : 'none',
    assessments,
    currentId: row.assessment_id,
  };
}
