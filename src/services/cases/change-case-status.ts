import {
  planStatusChange,
  type StatusChangeRefusal,
  type StatusChangeRequest,
} from '../../domain/cases/case-status.ts';
import { AppError } from '../../domain/errors.ts';
import { lockCase, updateCaseRow } from '../../store/cases.ts';
import { recordFieldChanges } from '../../store/field-changes.ts';
import { listOutcomeTypes } from '../../store/outcome-types.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';
import {
  type FinancialOutcomeDraft,
  recordFinancialOutcomesIn,
} from '../outcomes/record-financial-outcome.ts';
import { reassessCases } from '../priority/reassess-cases.ts';
import { destructionDueOn } from '../retention/destruction-date.ts';
import { type CaseView, loadCaseView } from './case-view.ts';
import { loadCase } from './load-case.ts';

const FIELD_LABELS: Record<string, string> = {
  reason: 'the reason',
  outcome: 'the outcome',
  closureReason: 'the closure reason',
};

function refusalError(refusal: StatusChangeRefusal, current: string, field = 'status'): AppError {
  switch (refusal) {
    case 'SAME_STATUS':
      return AppError.field(
        'status',
        `The case is ${current.replace('_', ' ')} already.`,
        'INVALID_STATUS_CHANGE',
      );
    case 'CLOSED_TO_ON_HOLD':
      return AppError.field(
        'status',
        'A closed case cannot go on hold: reopen it first (status open, with a reason).',
        'INVALID_STATUS_CHANGE',
      );
    case 'REOPEN_REASON_REQUIRED':
      return AppError.field('reason', 'Say why the closed case is reopened.');
    case 'TEXT_REQUIRED':
      return AppError.field(field, `Fill in ${FIELD_LABELS[field] ?? field}.`);
    case 'OUTCOME_REQUIRED':
      return AppError.field('outcomeKey', 'Choose the outcome of the case from your organisation’s list.');
    case 'OUTCOME_UNKNOWN':
      return AppError.field(
        'outcomeKey',
        'Choose one of your organisation’s outcomes in use (GET /api/outcome-types lists them).',
      );
  }
}

/** Why the change was made, as the field history keeps it. */
const reasonOf = (request: StatusChangeRequest): string | null => {
  switch (request.status) {
    case 'on_hold':
      return request.reason.trim();
    case 'closed':
      return request.closureReason.trim();
    case 'open':
      return request.reason?.trim() || null;
  }
};

/**
 * Puts a case on hold (with a reason), closes it (with an outcome from the organisation's active
 * list, optional outcome details, a closure reason and, where the organisation records them,
 * financial outcomes) or reopens it (from on hold, or from closed with a reason). Every changed
 * status field — the outcome key too — goes to the field history, so a reopened case keeps its
 * earlier outcome there; the audit names the fields, the statuses and the outcome key, not the
 * texts. Reopening or resuming counts as attention to the case. One transaction.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, INVALID_STATUS_CHANGE (status),
 *   VALIDATION_FAILED (reason, outcomeKey, closureReason), FINANCIAL_OUTCOMES_NOT_RECORDED
 */
export async function changeCaseStatus(
  ctx: ServiceContext,
  caseId: string,
  request: StatusChangeRequest & {
    readonly financialOutcomes?: readonly FinancialOutcomeDraft[] | undefined;
  },
): Promise<CaseView> {
  const actor = requireActor(ctx);
  return inTransaction(ctx, async (tx) => {
    await lockCase(tx, actor.orgId, caseId);
    const loaded = await loadCase(ctx, caseId, 'manage', tx);
    const { row } = loaded;
    const now = ctx.clock.now();
    const outcomeTypes =
      request.status === 'closed' ? await listOutcomeTypes(tx, row.org_id, { activeOnly: true }) : [];
    const plan = planStatusChange(
      {
        status: row.status,
        holdReason: row.hold_reason,
        outcomeKey: row.outcome_key,
        outcome: row.outcome,
        closureReason: row.closure_reason,
        closedAt: row.closed_at,
      },
      request,
      now,
      { activeOutcomeKeys: outcomeTypes.map((t) => t.key) },
    );
    if (!plan.ok) throw refusalError(plan.refusal, row.status, plan.field);
    const financial =
      request.status === 'closed' && request.financialOutcomes && request.financialOutcomes.length > 0
        ? await recordFinancialOutcomesIn(ctx, tx, row, request.financialOutcomes, 'financialOutcomes')
        : [];
    const updated = await updateCaseRow(tx, row.org_id, row.id, {
      status: plan.next.status,
      hold_reason: plan.next.holdReason,
      outcome_key: plan.next.outcomeKey,
      outcome: plan.next.outcome,
      closure_reason: plan.next.closureReason,
      closed_at: plan.next.closedAt,
      updated_at: now,
      ...(plan.next.status === 'open' ? { last_attention_at: now } : {}),
      // Retention: a closing case gets its destruction date (its type's schedule); reopening clears it.
      destruction_due_on:
        plan.next.status === 'closed' && plan.next.closedAt
          ? await destructionDueOn(tx, {
              orgId: row.org_id,
              caseTypeId: row.case_type_id,
              closedAt: plan.next.closedAt,
            })
          : null,
    });
    await recordFieldChanges(tx, {
      orgId: row.org_id,
      entityType: 'case',
      entityId: row.id,
      changedBy: actor.id,
      changedAt: now,
      reason: reasonOf(request),
      changes: plan.changes,
    });
    await audit(ctx, tx, {
      action: 'case.status_changed',
      entityType: 'case',
      entityId: row.id,
      details: {
        from: row.status,
        to: updated.status,
        fields: plan.changes.map((c) => c.field),
        ...(updated.outcome_key ? { outcomeKey: updated.outcome_key } : {}),
        ...(financial.length > 0 ? { financialOutcomeIds: financial.map((f) => f.id) } : {}),
      },
    });
    await reassessCases(ctx, tx, { orgId: row.org_id, caseIds: [row.id], trigger: 'case-changed' });
    return loadCaseView(ctx, { ...loaded, row: updated }, tx);
  });
}
