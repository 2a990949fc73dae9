import { stringify } from 'csv-stringify/sync';
import type {
  FinancialOutcomeListResponse,
  FinancialOutcomeResponse,
  OutcomeReportResponse,
  OutcomeTypeResponse,
} from '../../../contract/outcomes.ts';
import { annualisedPence } from '../../../domain/outcomes/money.ts';
import { OUTCOME_REPORT_CSV_HEADER, outcomeReportCsvRows } from '../../../domain/outcomes/outcome-report.ts';
import type { OutcomeReportResult } from '../../../services/outcomes/get-outcome-report.ts';
import type { CaseFinancialOutcomes } from '../../../services/outcomes/list-financial-outcomes.ts';
import type { FinancialOutcomeRow } from '../../../store/financial-outcomes.ts';
import type { OutcomeTypeRow } from '../../../store/outcome-types.ts';

export const presentOutcomeType = (t: OutcomeTypeRow): OutcomeTypeResponse => ({
  id: t.id,
  key: t.key,
  label: t.label,
  positive: t.positive,
  active: t.active,
  sortOrder: t.sort_order,
});

export function presentFinancialOutcome(
  f: FinancialOutcomeRow,
  recordedByName: string,
): FinancialOutcomeResponse {
  const amountPence = Number(f.amount_pence);
  return {
    id: f.id,
    caseId: f.case_id,
    kind: f.kind,
    amountPence,
    frequency: f.frequency,
    annualisedPence: annualisedPence(amountPence, f.frequency),
    description: f.description,
    recordedBy: { id: f.recorded_by, displayName: recordedByName },
    recordedAt: f.recorded_at.toISOString(),
  };
}

export const presentFinancialOutcomeList = (list: CaseFinancialOutcomes): FinancialOutcomeListResponse => ({
  recorded: list.recorded,
  financialOutcomes: list.outcomes.map((f) => presentFinancialOutcome(f, f.recorded_by_name)),
});

const ANNUALISED =
  'Annualised: weekly amounts × 52, monthly × 12, annual as they are; one-off amounts count once, as they are.';

export function presentOutcomeReport(r: OutcomeReportResult): OutcomeReportResponse {
  return {
    from: r.from,
    to: r.to,
    scope: r.scope,
    userId: r.userId,
    teamId: r.teamId,
    closedCases: {
      total: r.closedCases.total,
      positive: r.closedCases.positive,
      byOutcome: r.closedCases.byOutcome.map((o) => ({ ...o })),
    },
    financialOutcomes: {
      byKind: r.financialOutcomes.byKind.map((k) => ({ ...k })),
      totalAnnualisedPence: r.financialOutcomes.totalAnnualisedPence,
      basis: ANNUALISED,
    },
    goalResults: r.goalResults.map((g) => ({ ...g })),
    referralsOut: { total: r.referralsOut.total, byStatus: r.referralsOut.byStatus.map((s) => ({ ...s })) },
    notes: [
      'Closed cases: cases closed in the period (and not reopened since), by their outcome; “Not recorded” for cases closed before the outcome list.',
      `Financial outcomes: recorded in the period. ${ANNUALISED}`,
      'Goal results: goals whose result (achieved, partly achieved, not achieved, withdrawn) was recorded in the period.',
      'Referrals out: referrals made in the period, by where they stand now.',
      'Only cases you may see count, owned now by the person (or in the team) reported on.',
    ],
  };
}

/** The report as a CSV file: a header row, then one row per figure (amounts in pounds). */
export const outcomeReportCsv = (r: OutcomeReportResult): string =>
  stringify([[...OUTCOME_REPORT_CSV_HEADER], ...outcomeReportCsvRows(r)]);
