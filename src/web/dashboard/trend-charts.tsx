/**
 * The dashboard's four trend charts (recharts, loaded on their own): cases opened, cases closed,
 * outcomes, and the weighted load — with the external factors of the 26 weeks drawn on each as
 * numbered shaded areas (or lines), numbered as in the list beneath the charts. Each chart is a
 * figure whose caption says what it shows and sums it up, with a "Show as a table" disclosure
 * holding the same numbers: the drawing itself is hidden from assistive technology.
 */
import type { ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ReferenceArea,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DashboardFigures, TrendWeek } from '../../contract/dashboard.ts';
import { formatDate } from '../lib/format.ts';
import { plural, weekLabel } from './dashboard-words.ts';

type Weeks = DashboardFigures['trends']['weeks'];
type Factors = DashboardFigures['externalFactors'];

interface Series {
  readonly key: keyof Pick<TrendWeek, 'intake' | 'closures' | 'positiveOutcomes' | 'weightedLoad'> | 'other';
  readonly name: string;
  readonly colour: string;
}

const FACTOR_FILL = '#ffbf47';
const FACTOR_STROKE = '#8a5a00';

/** Where each factor sits on the charts: its number (as listed) and the first and last week it overlaps. */
function factorSpans(weeks: Weeks, factors: Factors) {
  return factors.flatMap((f, i) => {
    const on = weeks.filter((w) => w.externalFactorIds.includes(f.id));
    const first = on[0];
    const last = on[on.length - 1];
    return first && last ? [{ id: f.id, number: i + 1, from: first.weekStart, to: last.weekStart }] : [];
  });
}

function factorMarks(weeks: Weeks, factors: Factors, scale: 'band' | 'point'): ReactNode[] {
  return factorSpans(weeks, factors).map((s) =>
    scale === 'point' && s.from === s.to ? (
      <ReferenceLine
        key={s.id}
        x={s.from}
        stroke={FACTOR_STROKE}
        strokeWidth={2}
        strokeDasharray="4 3"
        label={{ value: String(s.number), position: 'insideTopRight', fill: '#2b1d00', fontWeight: 700 }}
        className="dash-factor-mark"
      />
    ) : (
      <ReferenceArea
        key={s.id}
        x1={s.from}
        x2={s.to}
        fill={FACTOR_FILL}
        fillOpacity={0.35}
        stroke={FACTOR_STROKE}
        strokeDasharray="4 3"
        label={{ value: String(s.number), position: 'insideTop', fill: '#2b1d00', fontWeight: 700 }}
        className="dash-factor-mark"
      />
    ),
  );
}

const factorNumbers = (week: TrendWeek, factors: Factors): string =>
  factors
    .flatMap((f, i) => (week.externalFactorIds.includes(f.id) ? [`${i + 1}. ${f.title}`] : []))
    .join('; ') || '—';

interface ChartProps {
  readonly id: string;
  readonly title: string;
  readonly summary: string;
  readonly weeks: Weeks;
  readonly factors: Factors;
  readonly series: readonly Series[];
  readonly kind: 'bars' | 'stacked' | 'line';
  readonly unit?: string;
}

/** Week rows for the chart, with the "other closures" the outcomes chart stacks on the positive ones. */
const rowsOf = (weeks: Weeks) => weeks.map((w) => ({ ...w, other: w.closures - w.positiveOutcomes }));

function TrendChart({ id, title, summary, weeks, factors, series, kind }: ChartProps) {
  const data = rowsOf(weeks);
  const axes = [
    <CartesianGrid key="grid" strokeDasharray="3 3" vertical={false} />,
    <XAxis key="x" dataKey="weekStart" tickFormatter={weekLabel} minTickGap={12} tick={{ fill: '#333' }} />,
    <YAxis key="y" allowDecimals={kind === 'line'} width={36} tick={{ fill: '#333' }} />,
    <Tooltip key="tip" labelFormatter={(v) => `Week of ${formatDate(String(v))}`} />,
    <Legend key="legend" />,
  ];
  return (
    <figure className="dash-chart" aria-labelledby={`${id}-caption`} data-testid={id}>
      <figcaption id={`${id}-caption`}>
        <span className="dash-chart-title">{title}</span>
        <span className="meta">{summary}</span>
      </figcaption>
      <div className="dash-chart-plot" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          {kind === 'line' ? (
            <LineChart
              data={data}
              accessibilityLayer={false}
              margin={{ top: 16, right: 12, left: 0, bottom: 0 }}
            >
              {axes}
              {factorMarks(weeks, factors, 'point')}
              {series.map((s) => (
                <Line
                  key={s.key}
                  type="monotone"
                  dataKey={s.key}
                  name={s.name}
                  stroke={s.colour}
                  strokeWidth={2}
                  dot={{ r: 2 }}
                  isAnimationActive={false}
                />
              ))}
            </LineChart>
          ) : (
            <BarChart
              data={data}
              accessibilityLayer={false}
              margin={{ top: 16, right: 12, left: 0, bottom: 0 }}
            >
              {axes}
              {factorMarks(weeks, factors, 'band')}
              {series.map((s) => (
                <Bar
                  key={s.key}
                  dataKey={s.key}
                  name={s.name}
                  fill={s.colour}
                  isAnimationActive={false}
                  {...(kind === 'stacked' ? { stackId: 'one' } : {})}
                />
              ))}
            </BarChart>
          )}
        </ResponsiveContainer>
      </div>
      <details>
        <summary>Show as a table</summary>
        <table className="data-table">
          <caption className="dash-visually-hidden">{title}, by week</caption>
          <thead>
            <tr>
              <th scope="col">Week (Monday to Sunday)</th>
              {series.map((s) => (
                <th key={s.key} scope="col">
                  {s.name}
                </th>
              ))}
              <th scope="col">External factors</th>
            </tr>
          </thead>
          <tbody>
            {data.map((w) => (
              <tr key={w.weekStart}>
                <th scope="row">
                  {formatDate(w.weekStart)} to {formatDate(w.weekEnd)}
                </th>
                {series.map((s) => (
                  <td key={s.key}>{w[s.key]}</td>
                ))}
                <td>{factorNumbers(w, factors)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

const sum = (weeks: Weeks, pick: (w: TrendWeek) => number) => weeks.reduce((n, w) => n + pick(w), 0);

function peak(weeks: Weeks, pick: (w: TrendWeek) => number): string {
  const most = Math.max(0, ...weeks.map(pick));
  if (most === 0) return '';
  const top = weeks.filter((w) => pick(w) === most);
  const first = top[0];
  return top.length === 1 && first
    ? `, most in the week of ${formatDate(first.weekStart)} (${most})`
    : `, at most ${most} in a week`;
}

export function TrendCharts({ figures }: { figures: DashboardFigures }) {
  const weeks = figures.trends.weeks;
  const factors = figures.externalFactors;
  const first = weeks[0];
  const last = weeks[weeks.length - 1];
  const span = first && last ? `from the week of ${formatDate(first.weekStart)} to this week` : '';
  const closures = sum(weeks, (w) => w.closures);
  const positive = sum(weeks, (w) => w.positiveOutcomes);
  const loadNow = last?.weightedLoad ?? 0;
  const loadThen = first?.weightedLoad ?? 0;
  const factorNote =
    factors.length > 0
      ? ` Shaded and numbered: ${plural(factors.length, 'external factor')}, listed below.`
      : '';
  return (
    <div className="dash-charts">
      <TrendChart
        id="chart-intake"
        title="Cases opened each week"
        summary={`${plural(
          sum(weeks, (w) => w.intake),
          'case',
        )} opened ${span}${peak(weeks, (w) => w.intake)}.${factorNote}`}
        weeks={weeks}
        factors={factors}
        kind="bars"
        series={[{ key: 'intake', name: 'Cases opened', colour: '#1d4f91' }]}
      />
      <TrendChart
        id="chart-closures"
        title="Cases closed each week"
        summary={`${plural(closures, 'case')} closed ${span}${peak(weeks, (w) => w.closures)}.${factorNote}`}
        weeks={weeks}
        factors={factors}
        kind="bars"
        series={[{ key: 'closures', name: 'Cases closed', colour: '#5a3e85' }]}
      />
      <TrendChart
        id="chart-outcomes"
        title="Outcomes of the cases closed each week"
        summary={`${positive} of ${plural(closures, 'closure')} ${span} had a positive outcome.${factorNote}`}
        weeks={weeks}
        factors={factors}
        kind="stacked"
        series={[
          { key: 'positiveOutcomes', name: 'Positive outcome', colour: '#1e6b34' },
          { key: 'other', name: 'Other outcome or none recorded', colour: '#6b6b6b' },
        ]}
      />
      <TrendChart
        id="chart-load"
        title="Weighted load at the end of each week"
        summary={`${loadNow} points now, against ${loadThen} in the week of ${
          first ? formatDate(first.weekStart) : '—'
        } (each case at today’s weight).${factorNote}`}
        weeks={weeks}
        factors={factors}
        kind="line"
        series={[{ key: 'weightedLoad', name: 'Weighted load (points)', colour: '#003078' }]}
      />
    </div>
  );
}
