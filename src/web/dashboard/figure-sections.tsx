/** The dashboard's figures, in groups: the open caseload, what needs attention, results, capacity. */
import type { DashboardFigures } from '../../contract/dashboard.ts';
import { formatDate } from '../lib/format.ts';
import { obstacleWords, plural } from './dashboard-words.ts';
import { FigureGroup, type FigureItem } from './figure-cards.tsx';

interface Props {
  readonly figures: DashboardFigures;
  readonly open: string | null;
  readonly onOpen: (key: string | null) => void;
}

const onCases = (n: number) => `on ${plural(n, 'case')}`;

export function FigureSections({ figures: f, open, onOpen }: Props) {
  const group = { open, onOpen, cases: f.cases };
  const openItems: FigureItem[] = [
    { key: 'open-total', label: 'Open cases', ...f.open.total, hint: 'open and on hold' },
    { key: 'band-red', label: 'Red', band: 'red', listTitle: 'Red cases', ...f.open.byBand.red },
    { key: 'band-amber', label: 'Amber', band: 'amber', listTitle: 'Amber cases', ...f.open.byBand.amber },
    { key: 'band-green', label: 'Green', band: 'green', listTitle: 'Green cases', ...f.open.byBand.green },
    {
      key: 'band-not-assessed',
      label: 'Not yet assessed',
      band: 'not-assessed',
      listTitle: 'Cases not yet assessed',
      ...f.open.byBand.notAssessed,
    },
    { key: 'status-open', label: 'Open', listTitle: 'Open cases (not on hold)', ...f.open.byStatus.open },
    { key: 'status-on-hold', label: 'On hold', listTitle: 'Cases on hold', ...f.open.byStatus.onHold },
  ];
  const typeItems: FigureItem[] = f.open.byCaseType.map((t) => ({
    key: `type-${t.caseTypeId}`,
    label: t.name,
    listTitle: `${t.name} cases`,
    count: t.count,
    caseIds: t.caseIds,
  }));
  const ageingItems: FigureItem[] = f.ageing.map((b) => ({
    key: `age-${b.key}`,
    label: b.label,
    listTitle: `Open ${b.label.toLowerCase()}`,
    count: b.count,
    caseIds: b.caseIds,
  }));
  const attentionItems: FigureItem[] = [
    {
      key: 'overdue-actions',
      label: 'Overdue actions',
      listTitle: 'Cases with an overdue action',
      count: f.overdueActions.count,
      caseIds: f.overdueActions.caseIds,
      hint: onCases(f.overdueActions.caseIds.length),
    },
    {
      key: 'key-dates-soon',
      label: `Key dates in the next ${f.settings.keyDateWindowWorkingDays} working days`,
      listTitle: 'Cases with a key date soon',
      count: f.keyDates.dueSoon.count,
      caseIds: f.keyDates.dueSoon.caseIds,
      hint: `to ${formatDate(f.keyDates.dueSoonUntil)}, ${onCases(f.keyDates.dueSoon.caseIds.length)}`,
    },
    {
      key: 'key-dates-missed',
      label: 'Key dates missed, still pending',
      listTitle: 'Cases with a missed key date',
      count: f.keyDates.missed.count,
      caseIds: f.keyDates.missed.caseIds,
      hint: onCases(f.keyDates.missed.caseIds.length),
    },
    {
      key: 'stalled',
      label: 'Stalled',
      listTitle: 'Stalled cases',
      ...f.stalled,
      hint: `no attention for ${f.settings.stalledAfterDays} working days or more`,
    },
    {
      key: 'neglect',
      label: 'At risk of neglect',
      listTitle: 'Cases at risk of neglect',
      ...f.neglect,
      hint: '75% or more of the review interval gone',
    },
    {
      key: 'timescales-within',
      label: 'Within timescale',
      listTitle: 'Cases within their service timescales',
      ...f.timescales.within,
      hint:
        f.timescales.compliancePercent === null
          ? 'no cases measured'
          : `${f.timescales.compliancePercent}% compliance, of ${plural(f.timescales.measured, 'case')}`,
    },
    {
      key: 'timescales-breached',
      label: 'Timescales breached',
      listTitle: 'Cases past a service timescale',
      ...f.timescales.breached,
      hint: 'first contact, review or resolution overdue',
    },
  ];
  const obstacleItems: FigureItem[] = [
    {
      key: 'obstacles-total',
      label: 'Open obstacles',
      listTitle: 'Cases with an open obstacle',
      count: f.obstacles.total.count,
      caseIds: f.obstacles.total.caseIds,
      hint: onCases(f.obstacles.total.caseIds.length),
    },
    ...f.obstacles.byCategory.map((o) => ({
      key: `obstacle-${o.category}`,
      label: obstacleWords(o.category),
      listTitle: `Cases with an obstacle: ${obstacleWords(o.category).toLowerCase()}`,
      count: o.count,
      caseIds: o.caseIds,
      hint: onCases(o.caseIds.length),
    })),
  ];
  const resultItems: FigureItem[] = [
    ...(['last30Days', 'last90Days'] as const).map((p) => ({
      key: `goals-${p}`,
      label: `Goals achieved, last ${p === 'last30Days' ? 30 : 90} days`,
      listTitle: `Cases with a goal achieved in the last ${p === 'last30Days' ? 30 : 90} days`,
      count: f.goalsAchieved[p].count,
      caseIds: f.goalsAchieved[p].caseIds,
      hint: `fully or partly, ${onCases(f.goalsAchieved[p].caseIds.length)}`,
    })),
    ...(['last30Days', 'last90Days'] as const).flatMap((p) => {
      const days = p === 'last30Days' ? 30 : 90;
      const closed = f.closed[p];
      return [
        {
          key: `closed-${p}`,
          label: `Cases closed, last ${days} days`,
          listTitle: `Cases closed in the last ${days} days`,
          count: closed.count,
          caseIds: closed.caseIds,
        },
        ...closed.byOutcome.map((o) => ({
          key: `closed-${p}-${o.outcomeKey ?? 'not-recorded'}`,
          label: `${o.label}, last ${days} days`,
          listTitle: `Closed in the last ${days} days: ${o.label.toLowerCase()}`,
          count: o.count,
          caseIds: o.caseIds,
          hint: o.positive ? 'counted as a positive outcome' : 'not counted as positive',
        })),
      ];
    }),
  ];
  return (
    <>
      <FigureGroup id="dash-open" title="Open cases" items={[...openItems, ...typeItems]} {...group} />
      <FigureGroup
        id="dash-ageing"
        title="Time open"
        hint="Open and on-hold cases by calendar days since they were opened."
        items={ageingItems}
        {...group}
      />
      <FigureGroup id="dash-attention" title="Needs attention" items={attentionItems} {...group} />
      <FigureGroup id="dash-obstacles" title="Obstacles" items={obstacleItems} {...group} />
      <FigureGroup
        id="dash-results"
        title="Results"
        hint="Goals achieved or partly achieved, and cases closed, by outcome."
        items={resultItems}
        {...group}
      />
      {f.capacity && (
        <FigureGroup
          id="dash-capacity"
          title="Capacity"
          hint={`${f.capacity.summary}${
            f.capacity.hiddenCases > 0
              ? ` The load includes ${plural(f.capacity.hiddenCases, 'case')} you may not see.`
              : ''
          }`}
          items={[
            {
              key: 'capacity',
              label: 'Cases in the load',
              listTitle: 'Cases making up the load',
              count: f.capacity.caseIds.length,
              caseIds: f.capacity.caseIds,
              hint: `${f.capacity.load} of ${f.capacity.capacity} points${
                f.capacity.percent === null ? '' : ` (${f.capacity.percent}%)`
              }`,
            },
          ]}
          {...group}
        />
      )}
    </>
  );
}
