import '../exchange/exchange.css';
import { Button, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { OutcomeReportResponse } from '../../contract/outcomes.ts';
import { type TeamListResponse, teamListSchema } from '../../contract/teams.ts';
import { formatPence } from '../../domain/outcomes/money.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { exchangeApi, type OutcomeReportParams, outcomeReportQuery } from '../exchange/exchange-api.ts';
import { REFERRAL_STATUS_LABELS } from '../exchange/exchange-labels.ts';
import { formatDate, todayIso } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

/** The 90 days to today in the browser's calendar. */
function defaultPeriod(now = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - 89);
  return { from: todayIso(from), to: todayIso(now) };
}

const scopeValue = (p: OutcomeReportParams) =>
  p.scope === 'team' ? `team:${p.teamId ?? ''}` : p.scope === 'user' ? `user:${p.userId ?? ''}` : 'mine';

function scopeOf(value: string): Pick<OutcomeReportParams, 'scope' | 'userId' | 'teamId'> {
  const [kind, id] = value.split(':');
  if (kind === 'team') return { scope: 'team', teamId: id };
  if (kind === 'user') return { scope: 'user', userId: id };
  return { scope: 'mine' };
}

function Figures({ caption, head, rows }: { caption: string; head: string[]; rows: (string | number)[][] }) {
  return (
    <table className="outcome-report-table">
      <caption className="subsection-title">{caption}</caption>
      <thead>
        <tr>
          {head.map((h, i) => (
            <th key={h} scope="col" className={i > 0 ? 'number' : undefined}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={String(row[0])}>
            {row.map((cell, i) =>
              i === 0 ? (
                <th key="label" scope="row">
                  {cell}
                </th>
              ) : (
                <td key={`${head[i]}`} className="number">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Report({ report }: { report: OutcomeReportResponse }) {
  const { closedCases: closed, financialOutcomes: money } = report;
  return (
    <div data-testid="outcome-report">
      <p>
        {formatDate(report.from)} to {formatDate(report.to)}: {closed.total}{' '}
        {closed.total === 1 ? 'case' : 'cases'} closed, {closed.positive} with a positive outcome.
      </p>
      <Figures
        caption="Cases closed, by outcome"
        head={['Outcome', 'Cases']}
        rows={[...closed.byOutcome.map((o) => [o.label, o.count]), ['All closed cases', closed.total]]}
      />
      <Figures
        caption="Financial outcomes (a year)"
        head={['Kind', 'Recorded', 'Total a year']}
        rows={[
          ...money.byKind.map((k) => [k.label, k.count, formatPence(k.annualisedPence)]),
          ['All', money.byKind.reduce((s, k) => s + k.count, 0), formatPence(money.totalAnnualisedPence)],
        ]}
      />
      <p className="meta">{money.basis}</p>
      <Figures
        caption="Goal results"
        head={['Result', 'Goals']}
        rows={report.goalResults.map((g) => [g.label, g.count])}
      />
      <Figures
        caption="Referrals out, by where they stand now"
        head={['Status', 'Referrals']}
        rows={[
          ...report.referralsOut.byStatus.map((s) => [REFERRAL_STATUS_LABELS[s.status], s.count]),
          ['All referrals out', report.referralsOut.total],
        ]}
      />
      <ul className="meta">
        {report.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The outcome report: cases closed by outcome, financial outcomes (annualised), goal results and
 * referrals out, for a period — one's own cases, or (supervisors) a team member's or a team's —
 * with a CSV download of the same figures.
 */
export function OutcomeReportPage({ api, session }: { api: ApiClient; session: Session }) {
  const [params, setParams] = useState<OutcomeReportParams>({ ...defaultPeriod(), scope: 'mine' });
  const supervises = session.user.roles.includes('supervisor');
  const teams = useLoad(
    () => (supervises ? api.get('/api/teams', teamListSchema) : Promise.resolve({ teams: [] })),
    `teams:${supervises}`,
  );
  const supervised: TeamListResponse['teams'] = (teams.loaded.data?.teams ?? []).filter((t) =>
    t.members.some((m) => m.userId === session.user.id && m.role === 'supervisor'),
  );
  const query = outcomeReportQuery(params);
  const { loaded, reload } = useLoad(() => exchangeApi.outcomeReport(api, params), query);

  const apply = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    setParams({
      from: String(d.get('from') ?? ''),
      to: String(d.get('to') ?? ''),
      ...scopeOf(String(d.get('whose') ?? 'mine')),
    });
  };

  return (
    <>
      <PageHeading>Outcomes</PageHeading>
      <form className="report-controls" onSubmit={apply} aria-label="Outcome report period">
        <TextInput
          id="report-from"
          name="from"
          type="date"
          label="From"
          defaultValue={params.from}
          required
        />
        <TextInput id="report-to" name="to" type="date" label="To" defaultValue={params.to} required />
        {supervised.length > 0 && (
          <NativeSelect
            id="report-whose"
            name="whose"
            label="Whose outcomes"
            defaultValue={scopeValue(params)}
            data={[
              { value: 'mine', label: 'My cases' },
              ...supervised.map((team) => ({
                group: team.name,
                items: [
                  { value: `team:${team.id}`, label: `Whole team: ${team.name}` },
                  ...team.members
                    .filter((m) => m.userId !== session.user.id)
                    .map((m) => ({ value: `user:${m.userId}`, label: m.displayName })),
                ],
              })),
            ]}
          />
        )}
        <Button type="submit">Show outcomes</Button>
        <a className="button-link" href={`/api/outcome-report?${outcomeReportQuery(params, 'csv')}`} download>
          Download as CSV
        </a>
      </form>
      {loaded.state === 'loading' && <PageLoading what="the outcome report" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && <Report report={loaded.data} />}
    </>
  );
}
