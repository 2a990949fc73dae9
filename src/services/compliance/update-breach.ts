import type { Updateable } from 'kysely';
import { breachLog } from '../../domain/compliance/compliance-policies.ts';
import { AppError, type FieldError } from '../../domain/errors.ts';
import { getBreachForUpdate, updateBreach as writeBreach } from '../../store/breaches.ts';
import type { BreachesTable, BreachReportDecision, BreachRiskLevel } from '../../store/schema.ts';
import { audit, inTransaction, requireAccess, requireActor, type ServiceContext } from '../context.ts';
import type { BreachView } from './breach-view.ts';
import { loadBreachView } from './list-breaches.ts';

export interface UpdateBreachInput {
  readonly discoveredAt?: string | undefined;
  readonly whatHappened?: string | undefined;
  readonly dataCategories?: readonly string[] | undefined;
  readonly peopleAffected?: number | null | undefined;
  readonly peopleCategories?: readonly string[] | undefined;
  readonly containment?: string | null | undefined;
  readonly riskLevel?: BreachRiskLevel | undefined;
  readonly riskAssessment?: string | null | undefined;
  readonly reportDecision?: BreachReportDecision | undefined;
  readonly decisionReason?: string | null | undefined;
  readonly reportedAt?: string | null | undefined;
  readonly icoReference?: string | null | undefined;
  readonly individualsInformedAt?: string | null | undefined;
}

const COLUMN: Record<keyof UpdateBreachInput, keyof BreachesTable> = {
  discoveredAt: 'discovered_at',
  whatHappened: 'what_happened',
  dataCategories: 'data_categories',
  peopleAffected: 'people_affected',
  peopleCategories: 'people_categories',
  containment: 'containment',
  riskLevel: 'risk_level',
  riskAssessment: 'risk_assessment',
  reportDecision: 'report_decision',
  decisionReason: 'decision_reason',
  reportedAt: 'reported_at',
  icoReference: 'ico_reference',
  individualsInformedAt: 'individuals_informed_at',
};
const INSTANTS = new Set<keyof UpdateBreachInput>(['discoveredAt', 'reportedAt', 'individualsInformedAt']);
const SKEW_MS = 5 * 60_000;

/**
 * Updates a breach record (admins and auditors): containment, risk, the decision whether to report
 * to the ICO — which needs its reason — when it was reported (only with the decision to report),
 * and when the people affected were told. Only the fields given change. Audited (`breach.updated`:
 * the names of the fields changed, the decision and the risk level — no free text).
 * @throws AppError UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, VALIDATION_FAILED (decisionReason,
 *   reportedAt, individualsInformedAt, discoveredAt)
 */
export async function updateBreach(
  ctx: ServiceContext,
  id: string,
  input: UpdateBreachInput,
): Promise<BreachView> {
  const actor = requireActor(ctx);
  await requireAccess(ctx, breachLog, undefined, { entityType: 'breach', entityId: id });
  const now = ctx.clock.now();
  return inTransaction(ctx, async (tx) => {
    const before = await getBreachForUpdate(tx, actor.orgId, id);
    if (!before) throw new AppError('NOT_FOUND', 'There is no such breach record in your organisation.');
    const given = (Object.keys(input) as (keyof UpdateBreachInput)[]).filter((k) => input[k] !== undefined);
    const value = <K extends keyof UpdateBreachInput>(k: K) =>
      input[k] === undefined
        ? undefined
        : INSTANTS.has(k) && input[k] !== null
          ? new Date(String(input[k]))
          : input[k];
    const after = {
      discoveredAt: (value('discoveredAt') as Date | undefined) ?? before.discovered_at,
      decision: input.reportDecision ?? before.report_decision,
      reason: input.decisionReason !== undefined ? input.decisionReason : before.decision_reason,
      reportedAt: input.reportedAt !== undefined ? (value('reportedAt') as Date | null) : before.reported_at,
      informedAt:
        input.individualsInformedAt !== undefined
          ? (value('individualsInformedAt') as Date | null)
          : before.individuals_informed_at,
    };
    const problems: FieldError[] = [];
    const notFuture = (field: string, at: Date | null, what: string) => {
      if (at && at.getTime() > now.getTime() + SKEW_MS)
        problems.push({ field, message: `${what} cannot be in the future` });
    };
    notFuture('discoveredAt', after.discoveredAt, 'The discovery');
    notFuture('reportedAt', after.reportedAt, 'The report to the ICO');
    notFuture('individualsInformedAt', after.informedAt, 'Telling the people affected');
    if (after.decision !== 'undecided' && !after.reason) {
      problems.push({ field: 'decisionReason', message: 'Say why you decided to report or not to report' });
    }
    if (after.reportedAt && after.decision !== 'report') {
      problems.push({
        field: 'reportedAt',
        message: 'Record the decision to report before when it was reported',
      });
    }
    if (after.reportedAt && after.reportedAt < after.discoveredAt) {
      problems.push({ field: 'reportedAt', message: 'It cannot be reported before it was discovered' });
    }
    if (after.informedAt && after.informedAt < after.discoveredAt) {
      problems.push({
        field: 'individualsInformedAt',
        message: 'People cannot be told before it was discovered',
      });
    }
    const first = problems[0];
    if (first)
      throw new AppError('VALIDATION_FAILED', `${first.field}: ${first.message}`, { fields: problems });

    const changes: Updateable<BreachesTable> = {};
    for (const k of given) {
      const v = value(k);
      (changes as Record<string, unknown>)[COLUMN[k]] = Array.isArray(v) ? [...v] : v;
    }
    if (input.reportDecision !== undefined && input.reportDecision !== before.report_decision) {
      changes.decided_by = input.reportDecision === 'undecided' ? null : actor.id;
      changes.decided_at = input.reportDecision === 'undecided' ? null : now;
    }
    if (given.length > 0) {
      changes.updated_at = now;
      await writeBreach(tx, actor.orgId, id, changes);
      await audit(ctx, tx, {
        action: 'breach.updated',
        entityType: 'breach',
        entityId: id,
        details: {
          fields: given,
          reportDecision: after.decision,
          riskLevel: input.riskLevel ?? before.risk_level,
        },
      });
    }
    return loadBreachView(ctx, id, tx);
  });
}
