import { AppError, type FieldError } from '../../domain/errors.ts';
import { overrideAssessment } from '../../domain/priority/assess.ts';
import type { Band, ImpactLevel, VulnerabilityLevel } from '../../domain/priority/levels.ts';
import { insertAssessments, loadAssessmentFacts, setCaseJudgements } from '../../store/assessments.ts';
import { recordFieldChanges } from '../../store/field-changes.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import { loadAssessmentSettings, newAssessmentOf, reassessRow } from './reassess-cases.ts';
import { alertTurnedRed } from './turned-red.ts';

export interface AssessCaseInput {
  readonly caseId: string;
  readonly vulnerability: VulnerabilityLevel;
  readonly impact: ImpactLevel;
  /** The practitioner's rationale for the assessment; required. */
  readonly rationale: string;
  /** Another band than the policy's, with its own rationale. */
  readonly override?: { readonly band: Band; readonly rationale: string } | undefined;
}

/**
 * A practitioner assesses a case: sets their judgements of client vulnerability and impact if not
 * actioned (kept in the case's field history), gives their rationale, and may override the
 * policy's band with a rationale of its own. Always stored (trigger 'practitioner'), replacing any
 * earlier override; a case that turns red tells its owner and team supervisors.
 * @returns the id of the new assessment
 * @throws AppError CASE_NOT_FOUND, FORBIDDEN, VALIDATION_FAILED (rationale, override.band, override.rationale)
 */
export async function assessCase(ctx: ServiceContext, input: AssessCaseInput): Promise<string> {
  const actor = requireActor(ctx);
  const rationale = input.rationale.trim();
  const problems: FieldError[] = [];
  if (!rationale) {
    problems.push({
      field: 'rationale',
      message: 'Say why you assess the case this way: a rationale is required.',
    });
  }
  return inTransaction(ctx, async (tx) => {
    const { row: caseRow } = await loadCase(ctx, input.caseId, 'contribute', tx);
    const now = ctx.clock.now();
    const settings = await loadAssessmentSettings(tx, actor.orgId, now);
    const [facts] = await loadAssessmentFacts(tx, actor.orgId, { caseIds: [caseRow.id] });
    if (!facts)
      throw new AppError('INVALID_STATUS_CHANGE', 'A closed case is not assessed: reopen it first.');
    // The practitioner's judgement replaces any earlier override: it is not carried.
    const judged = {
      ...facts,
      vulnerability: input.vulnerability,
      impact: input.impact,
      current: facts.current ? { ...facts.current, override: null } : null,
    };
    const result = reassessRow(judged, settings);
    let assessment = result.assessment;
    if (input.override) {
      const outcome = overrideAssessment(result.assessment, input.override);
      if (outcome.ok) assessment = outcome.assessment;
      else
        problems.push(...outcome.problems.map((p) => ({ field: `override.${p.path}`, message: p.message })));
    }
    const first = problems[0];
    if (first) throw new AppError('VALIDATION_FAILED', first.message, { fields: problems });

    const changes = [
      { field: 'vulnerability', oldValue: facts.vulnerability, newValue: input.vulnerability },
      { field: 'impact', oldValue: facts.impact, newValue: input.impact },
    ].filter((c) => c.oldValue !== c.newValue);
    if (changes.length > 0) {
      await setCaseJudgements(tx, actor.orgId, caseRow.id, {
        vulnerability: input.vulnerability,
        impact: input.impact,
        now,
      });
      await recordFieldChanges(tx, {
        orgId: actor.orgId,
        entityType: 'case',
        entityId: caseRow.id,
        changedBy: actor.id,
        changedAt: now,
        changes,
      });
    }
    const [assessmentId = ''] = await insertAssessments(tx, [
      newAssessmentOf(judged, { ...result, assessment }, settings, {
        trigger: 'practitioner',
        rationale,
        assessedBy: actor.id,
      }),
    ]);
    await audit(ctx, tx, {
      action: 'assessment.recorded',
      entityType: 'case',
      entityId: caseRow.id,
      details: {
        assessmentId,
        band: assessment.band,
        trigger: 'practitioner',
        policyVersion: settings.policyVersion,
        overridden: assessment.override !== undefined,
        changedFields: changes.map((c) => c.field),
      },
    });
    if (assessment.band === 'red' && facts.current?.band !== 'red') {
      await alertTurnedRed(ctx, tx, { orgId: actor.orgId, row: judged, assessmentId });
    }
    return assessmentId;
  });
}
