import {
  type FinancialOutcomeWithNames,
  listCaseFinancialOutcomes,
  recordsFinancialOutcomes,
} from '../../store/financial-outcomes.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import type { ServiceContext } from '../context.ts';

export interface CaseFinancialOutcomes {
  /** Whether the organisation records financial outcomes. */
  readonly recorded: boolean;
  readonly outcomes: readonly FinancialOutcomeWithNames[];
}

/**
 * The financial outcomes of a case, oldest first, and whether the organisation records them. The
 * read is audited.
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function listFinancialOutcomes(
  ctx: ServiceContext,
  caseId: string,
): Promise<CaseFinancialOutcomes> {
  const { row } = await loadCase(ctx, caseId, 'view');
  const [recorded, outcomes] = await Promise.all([
    recordsFinancialOutcomes(ctx.db, row.org_id),
    listCaseFinancialOutcomes(ctx.db, row.org_id, row.id),
  ]);
  await auditRead(ctx, {
    action: 'financial_outcomes.listed',
    entityType: 'case',
    entityId: row.id,
    details: { count: outcomes.length },
  });
  return { recorded, outcomes };
}
