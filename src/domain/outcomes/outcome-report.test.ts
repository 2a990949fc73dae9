import { describe, expect, it } from 'vitest';
import {
  buildOutcomeReport,
  OUTCOME_REPORT_CSV_HEADER,
  type OutcomeReportFacts,
  outcomeReportCsvRows,
} from './outcome-report.ts';

const TYPES = [
  { key: 'resolved', label: 'Resolved', positive: true, active: true },
  { key: 'partly-resolved', label: 'Partly resolved', positive: true, active: true },
  { key: 'no-contact', label: 'No contact', positive: false, active: true },
  { key: 'old-category', label: 'Old category', positive: false, active: false },
  { key: 'retired', label: 'Retired', positive: true, active: false },
];

const facts: OutcomeReportFacts = {
  outcomeTypes: TYPES,
  closedOutcomeKeys: ['resolved', 'resolved', 'no-contact', null, 'retired'],
  financialOutcomes: [
    { kind: 'income-gained', amountPence: 2500, frequency: 'weekly' },
    { kind: 'income-gained', amountPence: 10_000, frequency: 'monthly' },
    { kind: 'debt-written-off', amountPence: 350_000, frequency: 'one-off' },
    { kind: 'arrears-cleared', amountPence: 120_000, frequency: 'annual' },
  ],
  goalResults: ['achieved', 'achieved', 'partly_achieved', 'withdrawn'],
  referralOutStatuses: ['made', 'accepted', 'accepted', 'completed'],
};

describe('buildOutcomeReport', () => {
  const report = buildOutcomeReport(facts);

  it('counts closed cases by category in the list’s order, then “not recorded”', () => {
    expect(report.closedCases.byOutcome).toEqual([
      { key: 'resolved', label: 'Resolved', positive: true, count: 2 },
      { key: 'partly-resolved', label: 'Partly resolved', positive: true, count: 0 },
      { key: 'no-contact', label: 'No contact', positive: false, count: 1 },
      // Inactive categories appear only when a case in the period was closed with them.
      { key: 'retired', label: 'Retired', positive: true, count: 1 },
      { key: null, label: 'Not recorded', positive: false, count: 1 },
    ]);
    expect(report.closedCases.total).toBe(5);
    expect(report.closedCases.positive).toBe(3);
  });

  it('totals financial outcomes per kind, annualised (weekly × 52, monthly × 12, one-off as is)', () => {
    expect(report.financialOutcomes.byKind.find((k) => k.kind === 'income-gained')).toEqual({
      kind: 'income-gained',
      label: 'Income gained',
      count: 2,
      annualisedPence: 2500 * 52 + 10_000 * 12,
    });
    expect(report.financialOutcomes.byKind.find((k) => k.kind === 'debt-written-off')?.annualisedPence).toBe(
      350_000,
    );
    expect(report.financialOutcomes.byKind.find((k) => k.kind === 'other')).toMatchObject({
      count: 0,
      annualisedPence: 0,
    });
    expect(report.financialOutcomes.totalAnnualisedPence).toBe(130_000 + 120_000 + 350_000 + 120_000);
  });

  it('rolls goal results and referrals out up, with zeros for what did not happen', () => {
    expect(report.goalResults.map((g) => [g.result, g.count])).toEqual([
      ['achieved', 2],
      ['partly_achieved', 1],
      ['not_achieved', 0],
      ['withdrawn', 1],
    ]);
    expect(report.referralsOut).toEqual({
      total: 4,
      byStatus: [
        { status: 'made', count: 1 },
        { status: 'accepted', count: 2 },
        { status: 'declined', count: 0 },
        { status: 'completed', count: 1 },
        { status: 'withdrawn', count: 0 },
      ],
    });
  });

  it('reports an empty period as zeros', () => {
    const empty = buildOutcomeReport({
      ...facts,
      closedOutcomeKeys: [],
      financialOutcomes: [],
      goalResults: [],
      referralOutStatuses: [],
    });
    expect(empty.closedCases).toMatchObject({ total: 0, positive: 0 });
    expect(empty.closedCases.byOutcome.map((o) => o.key)).toEqual([
      'resolved',
      'partly-resolved',
      'no-contact',
      null,
    ]);
    expect(empty.financialOutcomes.totalAnnualisedPence).toBe(0);
  });
});

describe('outcomeReportCsvRows', () => {
  it('writes one row per figure with pounds for money, in the header’s columns', () => {
    const rows = outcomeReportCsvRows(buildOutcomeReport(facts));
    expect(rows.every((r) => r.length === OUTCOME_REPORT_CSV_HEADER.length)).toBe(true);
    expect(rows).toContainEqual(['closed-cases', 'not-recorded', 'Not recorded', '1', '']);
    expect(rows).toContainEqual(['financial-outcomes', 'income-gained', 'Income gained', '2', '2500.00']);
    expect(rows).toContainEqual([
      'financial-outcomes',
      'total',
      'All financial outcomes (annualised)',
      '4',
      '7200.00',
    ]);
    expect(rows).toContainEqual(['goal-results', 'partly_achieved', 'Partly achieved', '1', '']);
    expect(rows).toContainEqual(['referrals-out', 'accepted', 'Accepted', '2', '']);
  });
});
