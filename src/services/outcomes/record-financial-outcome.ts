import { AppError } from '../../domain/errors.ts';
import type { FinancialFrequency } from '../../domain/outcomes/money.ts';
import type { FinancialKind } from '../../domain/outcomes/outcome-report.ts';
import type { Tx } from '../../store/db.ts';
import {
  type FinancialOutcomeRow,
  type FinancialOutcomeWithNames,
  getFinancialOutcomeWithNames,
  insertFinancialOutcomes,
  recordsFinancialOutcomes,
} from '../../store/financial-outcomes.ts';
import type { CaseRow } from '../../store/schema.ts';
import { loadCase } from '../cases/load-case.ts';
import { audit, inTransaction, requireActor, type ServiceContext } from '../context.ts';

export interface FinancialOutcomeDraft {
  readonly kind: FinancialKind;
  /** Whole pence; for income, the amount per the frequency. */
  readonly amountPence: number;
  readonly frequency: FinancialFrequency;
  readonly description?: string | undefined;
}

/**
 * Records financial outcomes of a case in the caller's transaction (the caller has checked
 * access), after checking that the organisation records them. Each is audited with its id, kind
 * and frequency — never the amount or the description.
 * @param field the request field to name when the organisation does not record them
 * @throws AppError FINANCIAL_OUTCOMES_NOT_RECORDED
 */
export async function recordFinancialOutcomesIn(
  ctx: ServiceContext,
  tx: Tx,
  caseRow: CaseRow,
  drafts: readonly FinancialOutcomeDraft[],
  field: string,
): Promise<FinancialOutcomeRow[]> {
  const actor = requireActor(ctx);
  if (!(await recordsFinancialOutcomes(tx, caseRow.org_id))) {
    throw AppError.field(
      field,
      'Your organisation does not record financial outcomes: leave them out, or ask an administrator to turn them on.',
      'FINANCIAL_OUTCOMES_NOT_RECORDED',
    );
  }
  const now = ctx.clock.now();
  const rows = await insertFinancialOutcomes(
    tx,
    drafts.map((d) => ({
      org_id: caseRow.org_id,
      case_id: caseRow.id,
      kind: d.kind,
      amount_pence: d.amountPence,
      frequency: d.frequency,
      description: d.description?.trim() || null,
      recorded_by: actor.id,
      recorded_at: now,
    })),
  );
  for (const row of rows) {
    await audit(ctx, tx, {
      action: 'financial_outcome.recorded',
      entityType: 'financial-outcome',
      entityId: row.id,
      details: { caseId: caseRow.id, kind: row.kind, frequency: row.frequency },
    });
  }
  return rows;
}

/**
 * Records one financial outcome of a case (income gained, debt written off, arrears cleared…),
 * where the organisation records them. Anyone who may add to the case may.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND, FORBIDDEN, FINANCIAL_OUTCOMES_NOT_RECORDED
 */
export async function recordFinancialOutcome(
  ctx: ServiceContext,
  caseId: string,
  draft: FinancialOutcomeDraft,
): Promise<FinancialOutcomeWithNames> {
  return inTransaction(ctx, async (tx) => {
    const { row } = await loadCase(ctx, caseId, 'contribute', tx);
    const [recorded] = await recordFinancialOutcomesIn(ctx, tx, row, [draft], 'body');
    const read = recorded && (await getFinancialOutcomeWithNames(tx, row.org_id, recorded.id));
    if (!read) throw new Error('the financial outcome just recorded is missing');
    return read;
  });
}
