/**
 * The outcome report: what came of the cases in a period — cases closed by outcome category,
 * financial outcomes per kind (annualised), goal results and referrals out by status. Pure: the
 * service reads the facts of the cases the reader may see and this module rolls them up.
 */
import { annualisedPence, type FinancialFrequency, penceAsPounds } from './money.ts';

export const FINANCIAL_KINDS = [
  'income-gained',
  'debt-written-off',
  'arrears-cleared',
  'backdated-award',
  'other',
] as const;
export type FinancialKind = (typeof FINANCIAL_KINDS)[number];

export const FINANCIAL_KIND_LABELS: Readonly<Record<FinancialKind, string>> = {
  'income-gained': 'Income gained',
  'debt-written-off': 'Debt written off',
  'arrears-cleared': 'Arrears cleared',
  'backdated-award': 'Backdated award',
  other: 'Other',
};

export const GOAL_RESULTS = ['achieved', 'partly_achieved', 'not_achieved', 'withdrawn'] as const;
export type GoalResult = (typeof GOAL_RESULTS)[number];
export const GOAL_RESULT_LABELS: Readonly<Record<GoalResult, string>> = {
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  withdrawn: 'Withdrawn',
};

export const REFERRAL_OUT_STATUSES = ['made', 'accepted', 'declined', 'completed', 'withdrawn'] as const;
export type ReferralOutStatus = (typeof REFERRAL_OUT_STATUSES)[number];

/** Shown for cases closed without an outcome category (before the list existed). */
export const NOT_RECORDED_LABEL = 'Not recorded';

export interface OutcomeTypeFacts {
  readonly key: string;
  readonly label: string;
  readonly positive: boolean;
  readonly active: boolean;
}

export interface OutcomeReportFacts {
  /** The organisation's outcome list in its display order. */
  readonly outcomeTypes: readonly OutcomeTypeFacts[];
  /** The outcome key of each case closed in the period (null: not recorded). */
  readonly closedOutcomeKeys: readonly (string | null)[];
  readonly financialOutcomes: readonly {
    readonly kind: FinancialKind;
    readonly amountPence: number;
    readonly frequency: FinancialFrequency;
  }[];
  /** The result of each goal whose result was recorded in the period. */
  readonly goalResults: readonly GoalResult[];
  /** The current status of each referral out made in the period. */
  readonly referralOutStatuses: readonly string[];
}

export interface OutcomeReport {
  readonly closedCases: {
    readonly total: number;
    /** Closed with an outcome the organisation counts as positive (resolved, partly resolved…). */
    readonly positive: number;
    /** Every outcome of the list (with 0 when none), then "not recorded"; key null for that. */
    readonly byOutcome: readonly {
      readonly key: string | null;
      readonly label: string;
      readonly positive: boolean;
      readonly count: number;
    }[];
  };
  readonly financialOutcomes: {
    /** Annualised: weekly × 52, monthly × 12, annual as is; one-off amounts count once, as they are. */
    readonly byKind: readonly {
      readonly kind: FinancialKind;
      readonly label: string;
      readonly count: number;
      readonly annualisedPence: number;
    }[];
    readonly totalAnnualisedPence: number;
  };
  readonly goalResults: readonly {
    readonly result: GoalResult;
    readonly label: string;
    readonly count: number;
  }[];
  readonly referralsOut: {
    readonly total: number;
    readonly byStatus: readonly { readonly status: ReferralOutStatus; readonly count: number }[];
  };
}

const countOf = <T>(list: readonly T[], value: T) => list.filter((v) => v === value).length;

/**
 * Rolls the facts of a period up into the report. Outcome categories keep the list's order; an
 * inactive category appears only when a case in the period was closed with it.
 * @example buildOutcomeReport({ outcomeTypes: [resolved], closedOutcomeKeys: ['resolved', null], … })
 * // closedCases: { total: 2, positive: 1, byOutcome: [{ key: 'resolved', count: 1 }, { key: null, label: 'Not recorded', count: 1 }] }
 */
export function buildOutcomeReport(facts: OutcomeReportFacts): OutcomeReport {
  const byOutcome = [
    ...facts.outcomeTypes
      .map((t) => ({
        key: t.key,
        label: t.label,
        positive: t.positive,
        count: countOf(facts.closedOutcomeKeys, t.key),
        active: t.active,
      }))
      .filter((t) => t.active || t.count > 0)
      .map(({ active: _active, ...t }) => t),
    {
      key: null,
      label: NOT_RECORDED_LABEL,
      positive: false,
      count: facts.closedOutcomeKeys.filter((k) => k === null || !facts.outcomeTypes.some((t) => t.key === k))
        .length,
    },
  ];
  const byKind = FINANCIAL_KINDS.map((kind) => {
    const mine = facts.financialOutcomes.filter((f) => f.kind === kind);
    return {
      kind,
      label: FINANCIAL_KIND_LABELS[kind],
      count: mine.length,
      annualisedPence: mine.reduce((sum, f) => sum + annualisedPence(f.amountPence, f.frequency), 0),
    };
  });
  const referralsOut = REFERRAL_OUT_STATUSES.map((status) => ({
    status,
    count: countOf(facts.referralOutStatuses, status),
  }));
  return {
    closedCases: {
      total: facts.closedOutcomeKeys.length,
      positive: byOutcome.filter((o) => o.positive).reduce((sum, o) => sum + o.count, 0),
      byOutcome,
    },
    financialOutcomes: {
      byKind,
      totalAnnualisedPence: byKind.reduce((sum, k) => sum + k.annualisedPence, 0),
    },
    goalResults: GOAL_RESULTS.map((result) => ({
      result,
      label: GOAL_RESULT_LABELS[result],
      count: countOf(facts.goalResults, result),
    })),
    referralsOut: { total: facts.referralOutStatuses.length, byStatus: referralsOut },
  };
}

export const OUTCOME_REPORT_CSV_HEADER = ['section', 'key', 'label', 'count', 'annualised_pounds'] as const;

/**
 * The report as CSV rows (after the header): one row per outcome category, financial kind (with
 * its annualised total in pounds), goal result and referral status, then the totals.
 */
export function outcomeReportCsvRows(report: OutcomeReport): string[][] {
  const count = (n: number) => String(n);
  return [
    ...report.closedCases.byOutcome.map((o) => [
      'closed-cases',
      o.key ?? 'not-recorded',
      o.label,
      count(o.count),
      '',
    ]),
    ['closed-cases', 'total', 'All closed cases', count(report.closedCases.total), ''],
    ['closed-cases', 'positive', 'Closed with a positive outcome', count(report.closedCases.positive), ''],
    ...report.financialOutcomes.byKind.map((k) => [
      'financial-outcomes',
      k.kind,
      k.label,
      count(k.count),
      penceAsPounds(k.annualisedPence),
    ]),
    [
      'financial-outcomes',
      'total',
      'All financial outcomes (annualised)',
      count(report.financialOutcomes.byKind.reduce((s, k) => s + k.count, 0)),
      penceAsPounds(report.financialOutcomes.totalAnnualisedPence),
    ],
    ...report.goalResults.map((g) => ['goal-results', g.result, g.label, count(g.count), '']),
    ...report.referralsOut.byStatus.map((r) => [
      'referrals-out',
      r.status,
      r.status.charAt(0).toUpperCase() + r.status.slice(1),
      count(r.count),
      '',
    ]),
    ['referrals-out', 'total', 'All referrals out', count(report.referralsOut.total), ''],
  ];
}
