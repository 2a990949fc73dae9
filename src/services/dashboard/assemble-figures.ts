/**
 * Puts the dashboard's figures together from what computeDashboardFigures read and the domain
 * computed: no I/O, only grouping and naming, into the JSON shape of DashboardFigures.
 */
import type { DashboardBand, DashboardCase, DashboardFigures } from '../../contract/dashboard.ts';
import type { NeglectedCase } from '../../domain/caseload/neglect.ts';
import type { StalledCase } from '../../domain/caseload/stalled.ts';
import { ageingBuckets } from '../../domain/dashboard/ageing.ts';
import type { TimescaleCompliance } from '../../domain/dashboard/compliance.ts';
import { caseFigure, groupRecords, recordFigure } from '../../domain/dashboard/figures.ts';
import { TREND_NOTES, weeklyTrends } from '../../domain/dashboard/trends.ts';
import {
  KEY_DATE_WINDOW_WORKING_DAYS,
  keyDateStanding,
  RECENT_PERIODS_DAYS,
  withinLastDays,
} from '../../domain/dashboard/windows.ts';
import type { ClockSettings } from '../../domain/priority/case-clocks.ts';
import type { CalendarDate } from '../../domain/time/calendar.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import { capacityStatus } from '../../domain/weighting/capacity.ts';
import { roundWeight } from '../../domain/weighting/case-weight.ts';
import type { WorklistRow } from '../../domain/worklist/worklist.ts';
import type {
  AchievedGoalRow,
  DashboardCaseInfo,
  OpenCaseRecords,
  TrendCaseRow,
} from '../../store/dashboard.ts';
import type { ExternalFactorRow } from '../../store/external-factors.ts';
import type { WeightedCase } from '../weighting/case-weights.ts';

export interface FiguresInput {
  readonly scope: DashboardFigures['scope'];
  readonly now: Date;
  readonly calendar: ClockSettings;
  readonly stalledAfterDays: number;
  readonly keyDatesUntil: CalendarDate;
  /** The open and on-hold cases, in worklist order. */
  readonly rows: readonly WorklistRow[];
  readonly records: OpenCaseRecords;
  readonly stalled: readonly StalledCase[];
  readonly neglect: readonly NeglectedCase[];
  readonly compliance: TimescaleCompliance;
  readonly capacity: { readonly capacity: number; readonly weighted: readonly WeightedCase[] } | null;
  readonly trendRows: readonly TrendCaseRow[];
  readonly weights: ReadonlyMap<string, number>;
  readonly goals: readonly AchievedGoalRow[];
  readonly factors: readonly ExternalFactorRow[];
  readonly outcomeTypes: readonly { key: string; label: string; positive: boolean }[];
}

export const NOT_RECORDED = 'Not recorded';

const bandOf = (row: WorklistRow): DashboardBand => (row.assessed ? row.band : 'not-assessed');

export function assembleFigures(input: FiguresInput): DashboardFigures {
  const { rows, calendar, records } = input;
  const { today, timeZone } = calendar;
  const open = (filter: (r: WorklistRow) => boolean) => caseFigure(rows.filter(filter).map((r) => r.case.id));

  const types = new Map<string, { name: string; ids: string[] }>();
  for (const r of rows) {
    const t = types.get(r.case.type.id) ?? { name: r.case.type.name, ids: [] };
    t.ids.push(r.case.id);
    types.set(r.case.type.id, t);
  }

  const keyDates = records.keyDates.map((k) => ({
    ...k,
    standing: keyDateStanding(k.dueDate, today, input.keyDatesUntil),
  }));

  const closed = input.trendRows.filter((c) => c.closedAt !== null);
  const closedOn = (c: TrendCaseRow) => calendarDateIn(c.closedAt ?? c.openedAt, timeZone);
  const closedWithin = (days: number) => {
    const list = closed.filter((c) => withinLastDays(closedOn(c), today, days));
    const groups = groupRecords(
      list.map((c) => ({ id: c.id, caseId: c.id, key: c.outcomeKey ?? '' })),
      (c) => c.key,
      [...input.outcomeTypes.map((t) => t.key), ''],
    );
    return {
      ...caseFigure(list.map((c) => c.id)),
      byOutcome: groups.map(({ key, figure }) => {
        const type = input.outcomeTypes.find((t) => t.key === key);
        return {
          count: figure.count,
          caseIds: figure.caseIds,
          outcomeKey: key === '' ? null : key,
          label: type?.label ?? NOT_RECORDED,
          positive: type?.positive ?? false,
        };
      }),
    };
  };

  const goalsWithin = (days: number) =>
    recordFigure(
      input.goals.filter((g) => withinLastDays(calendarDateIn(g.resultAt, timeZone), today, days)),
    );

  const [recent30, recent90] = RECENT_PERIODS_DAYS;
  const closed30 = closedWithin(recent30);
  const closed90 = closedWithin(recent90);
  const goals30 = goalsWithin(recent30);
  const goals90 = goalsWithin(recent90);

  const weeks = weeklyTrends({
    today,
    cases: input.trendRows.map((c) => ({
      caseId: c.id,
      openedOn: calendarDateIn(c.openedAt, timeZone),
      closedOn: c.closedAt === null ? null : calendarDateIn(c.closedAt, timeZone),
      positiveOutcome: c.outcomePositive,
      weight: input.weights.get(c.id) ?? 0,
    })),
    factors: input.factors,
  });

  return {
    scope: input.scope,
    today,
    generatedAt: input.now.toISOString(),
    settings: {
      stalledAfterDays: input.stalledAfterDays,
      keyDateWindowWorkingDays: KEY_DATE_WINDOW_WORKING_DAYS,
    },
    open: {
      total: open(() => true),
      byBand: {
        red: open((r) => bandOf(r) === 'red'),
        amber: open((r) => bandOf(r) === 'amber'),
        green: open((r) => bandOf(r) === 'green'),
        notAssessed: open((r) => bandOf(r) === 'not-assessed'),
      },
      byStatus: {
        open: open((r) => r.case.status === 'open'),
        onHold: open((r) => r.case.status === 'on_hold'),
      },
      byCaseType: [...types.entries()]
        .sort(([, a], [, b]) => a.name.localeCompare(b.name))
        .map(([caseTypeId, t]) => ({ caseTypeId, name: t.name, ...caseFigure(t.ids) })),
    },
    ageing: ageingBuckets(
      rows.map((r) => ({ caseId: r.case.id, openedOn: calendarDateIn(r.case.openedAt, timeZone) })),
      today,
    ).map((b) => ({
      key: b.key,
      label: b.label,
      fromDays: b.fromDays,
      toDays: b.toDays,
      ...caseFigure(b.caseIds),
    })),
    overdueActions: recordFigure(records.overdueActions),
    keyDates: {
      dueSoon: recordFigure(keyDates.filter((k) => k.standing === 'due-soon')),
      dueSoonUntil: input.keyDatesUntil,
      missed: recordFigure(keyDates.filter((k) => k.standing === 'missed')),
    },
    stalled: caseFigure(input.stalled.map((s) => s.caseId)),
    neglect: caseFigure(input.neglect.map((n) => n.caseId)),
    obstacles: {
      total: recordFigure(records.obstacles),
      // Most obstacles first, then by category, so the order is the same at every read.
      byCategory: groupRecords(records.obstacles, (o) => o.category)
        .sort((a, b) => b.figure.count - a.figure.count || a.key.localeCompare(b.key))
        .map(({ key, figure }) => ({ category: key, ...figure })),
    },
    goalsAchieved: { last30Days: goals30, last90Days: goals90 },
    closed: { last30Days: closed30, last90Days: closed90 },
    timescales: {
      measured: input.compliance.measured,
      compliancePercent: input.compliance.percent,
      breached: caseFigure(input.compliance.breachedCaseIds),
      within: caseFigure(input.compliance.withinCaseIds),
    },
    capacity: capacityFigure(input),
    trends: {
      weeks: weeks.map((w) => ({ ...w, externalFactorIds: [...w.externalFactorIds] })),
      notes: [...TREND_NOTES],
    },
    externalFactors: input.factors.map((f) => ({
      id: f.id,
      kind: f.kind,
      title: f.title,
      description: f.description,
      startsOn: f.startsOn,
      endsOn: f.endsOn,
      teamId: f.teamId,
      userId: f.userId,
    })),
    cases: describeCases(input, [...closed90.caseIds, ...goals90.caseIds]),
  };
}

function capacityFigure(input: FiguresInput): DashboardFigures['capacity'] {
  const { capacity, scope } = input;
  if (capacity === null || scope.userId === null) return null;
  const load = roundWeight(capacity.weighted.reduce((sum, w) => sum + w.weight.weight, 0));
  const status = capacityStatus(load, capacity.capacity);
  return {
    userId: scope.userId,
    load: status.load,
    capacity: status.capacity,
    percent: Number.isFinite(status.share) ? Math.round(status.share * 100) : null,
    rag: status.rag,
    summary: status.summary,
    caseIds: capacity.weighted.filter((w) => w.visible).map((w) => w.caseId),
    hiddenCases: capacity.weighted.filter((w) => !w.visible).length,
  };
}

/** Every case the figures name, once: the open ones in worklist order, then the others. */
function describeCases(input: FiguresInput, otherIds: readonly string[]): DashboardCase[] {
  const out = new Map<string, DashboardCase>();
  for (const r of input.rows) {
    out.set(r.case.id, {
      id: r.case.id,
      reference: r.case.reference,
      band: bandOf(r),
      status: r.case.status,
      caseTypeName: r.case.type.name,
      ownerName: r.case.owner.displayName,
    });
  }
  const known = new Map<string, DashboardCaseInfo>();
  for (const c of input.trendRows) known.set(c.id, c);
  for (const g of input.goals) if (!known.has(g.caseId)) known.set(g.caseId, g.case);
  for (const id of otherIds) {
    const c = known.get(id);
    if (!c || out.has(id)) continue;
    out.set(id, {
      id,
      reference: c.reference,
      band: c.band ?? 'not-assessed',
      status: c.status,
      caseTypeName: c.caseTypeName,
      ownerName: c.ownerName,
    });
  }
  return [...out.values()];
}
