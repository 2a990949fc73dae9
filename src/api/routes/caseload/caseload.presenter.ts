import type { CaseloadEffectResponse, CaseloadWhatIfResponse, CaseRef } from '../../../contract/caseload.ts';
import type { CaseForecast, ForecastSummary } from '../../../domain/caseload/forecast.ts';
import type { CaseDifference, ProjectionSnapshot } from '../../../domain/caseload/what-if.ts';
import type { CaseloadWhatIfView } from '../../../services/caseload/forecast-caseload-what-if.ts';
import type { CaseloadEffectView } from '../../../services/caseload/get-caseload-effect.ts';
import type { CaseloadCaseRow } from '../../../store/caseload.ts';

type Cases = ReadonlyMap<string, CaseloadCaseRow>;

const refOf = (cases: Cases, caseId: string): CaseRef => {
  const row = cases.get(caseId);
  return { id: caseId, reference: row?.reference ?? '', clientName: row?.clientName ?? '' };
};

const weekOrNull = (week: number | 'not reached'): number | null => (week === 'not reached' ? null : week);

const presentSummary = (s: ForecastSummary) => ({
  cases: s.cases,
  breaching: s.breaching,
  alreadyOverdue: s.alreadyOverdue,
  notReached: s.notReached,
  capacityHours: s.capacityHours,
  effortHours: s.effortHours,
  hoursOverCapacity: s.hoursOverCapacity,
  text: s.text,
});

const presentForecastCase = (cases: Cases, defaulted: ReadonlySet<string>, c: CaseForecast) => ({
  case: refOf(cases, c.caseId),
  band: c.band,
  position: c.position,
  effortHours: c.effortHours,
  effortEstimated: !defaulted.has(c.caseId),
  hoursAhead: c.hoursAhead,
  deadlineWorkingDays: c.deadlineWorkingDays,
  attentionWeek: weekOrNull(c.attentionWeek),
  attentionWorkingDay: c.attentionWorkingDay,
  breaches: c.breaches,
  breachWeek: c.breachWeek,
  alreadyOverdue: c.alreadyOverdue,
  reason: c.reason,
});

export function presentCaseloadEffect(view: CaseloadEffectView): CaseloadEffectResponse {
  const { effect, cases } = view;
  const ref = (id: string) => refOf(cases, id);
  const defaulted = new Set(effect.clocks.filter((k) => k.effortDefaulted).map((k) => k.caseId));
  const { attention, forecast } = effect;
  return {
    practitioner: view.practitioner,
    today: view.today,
    openCases: cases.size,
    neglect: effect.neglect.map((n) => ({
      case: ref(n.caseId),
      band: n.band,
      shareElapsed: n.shareElapsed,
      workingDaysSinceAttention: n.workingDaysSinceAttention,
      reviewTimescaleWorkingDays: n.reviewTimescaleWorkingDays,
      workingDaysLeft: n.workingDaysLeft,
      overdue: n.overdue,
      reason: n.reason,
    })),
    attention: {
      from: attention.from,
      to: attention.to,
      weeks: forecast.horizonWeeks,
      totalCases: attention.totalCases,
      totalEvents: attention.totalEvents,
      eventsOutsideCaseload: attention.eventsOutsideCaseload,
      bands: attention.bands.map((b) => ({
        band: b.band,
        cases: b.cases,
        shareOfCases: b.shareOfCases,
        attentionEvents: b.attentionEvents,
        shareOfAttention: b.shareOfAttention,
        attentionRatio: b.attentionRatio,
        casesWithoutAttention: b.casesWithoutAttention.map(ref),
      })),
      summary: [...attention.summary],
    },
    forecast: {
      horizonWeeks: forecast.horizonWeeks,
      cases: forecast.cases.map((c) => presentForecastCase(cases, defaulted, c)),
      weeks: forecast.weeks.map((w) => ({
        week: w.week,
        capacityHours: w.capacityHours,
        allocatedHours: w.allocatedHours,
        spareHours: w.spareHours,
        attended: w.attendedCaseIds.map(ref),
        // A case already past its timescale (breach week 0) is listed in week 1.
        breaching: forecast.cases
          .filter((c) => c.breaches && Math.max(1, c.breachWeek ?? 0) === w.week)
          .map((c) => ref(c.caseId)),
      })),
      summary: presentSummary(forecast.summary),
    },
    assumptions: [...effect.assumptions],
  };
}

const presentSnapshot = (s: ProjectionSnapshot) => ({
  attentionWeek: weekOrNull(s.attentionWeek),
  attentionWorkingDay: s.attentionWorkingDay,
  breaches: s.breaches,
  breachWeek: s.breachWeek,
});

const presentDifference = (cases: Cases, d: CaseDifference) => ({
  case: refOf(cases, d.caseId),
  band: d.band,
  shift: d.shift,
  before: presentSnapshot(d.before),
  after: presentSnapshot(d.after),
  reason: d.reason,
});

export function presentCaseloadWhatIf(view: CaseloadWhatIfView): CaseloadWhatIfResponse {
  const { result, cases } = view;
  const added = result.addedCase;
  return {
    practitioner: view.practitioner,
    today: view.today,
    summary: result.summary,
    baseline: presentSummary(result.baseline.summary),
    scenario: presentSummary(result.scenario.summary),
    scenarioWeeks: result.scenario.weeks.map((w) => ({
      week: w.week,
      capacityHours: w.capacityHours,
      allocatedHours: w.allocatedHours,
      spareHours: w.spareHours,
    })),
    addedCase: added
      ? {
          band: added.band,
          effortHours: added.effortHours,
          deadlineWorkingDays: added.deadlineWorkingDays,
          position: added.position,
          attentionWeek: weekOrNull(added.attentionWeek),
          attentionWorkingDay: added.attentionWorkingDay,
          breaches: added.breaches,
          breachWeek: added.breachWeek,
          reason: added.reason,
        }
      : null,
    slipping: result.slipping.map((d) => presentDifference(cases, d)),
    improving: result.improving.map((d) => presentDifference(cases, d)),
    unaffected: result.unaffected.length,
    assumptions: [...view.assumptions],
  };
}
