/**
 * The caseload dashboard: the figures of one's own caseload — or, for supervisors, of a team
 * member's or a whole team's — each a button that lists the cases behind it, and the trends of
 * the last 26 weeks drawn as charts (loaded on their own, after the figures) with the external
 * factors of those weeks. Whose dashboard lives in the address, as on the worklist.
 */
import './dashboard.css';
import { NativeSelect } from '@mantine/core';
import { lazy, Suspense, useState } from 'react';
import type { TeamListResponse } from '../../contract/teams.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink, navigate, useSearch } from '../router.ts';
import { PATHS } from '../routes.ts';
import { SupervisedTeamLinks } from '../worklist/team-links.tsx';
import { scopeOfValue, scopeValue, viewFromSearch } from '../worklist/worklist-query.ts';
import { type DashboardFigures, type DashboardScope, dashboardApi, searchOfScope } from './dashboard-api.ts';
import { factorDates, factorKindWords } from './dashboard-words.ts';
import { FigureSections } from './figure-sections.tsx';

const TrendCharts = lazy(() => import('./trend-charts.tsx').then((m) => ({ default: m.TrendCharts })));

type Teams = TeamListResponse['teams'];

export function DashboardPage({ api, session }: { api: ApiClient; session: Session }) {
  const scope = viewFromSearch(useSearch()).scope;
  const key = searchOfScope(scope) || 'mine';
  const supervises = session.user.roles.includes('supervisor');
  const teams = useLoad(
    () => (supervises ? dashboardApi.teams(api) : Promise.resolve({ teams: [] })),
    `teams:${supervises}`,
  );
  const supervisedTeams: Teams = (teams.loaded.data?.teams ?? []).filter((t) =>
    t.members.some((m) => m.userId === session.user.id && m.role === 'supervisor'),
  );
  const { loaded, reload } = useLoad(() => dashboardApi.figures(api, scope), key);
  const heading = headingOf(scope, supervisedTeams);
  return (
    <>
      <PageHeading focusKey={key}>{heading}</PageHeading>
      {supervisedTeams.length > 0 && (
        <NativeSelect
          className="dash-scope"
          id="dashboard-scope"
          label="Whose dashboard"
          value={scopeValue(scope)}
          onChange={(e) =>
            navigate(`${PATHS.dashboard}${searchOfScope(scopeOfValue(e.currentTarget.value))}`, {
              focus: false,
            })
          }
          data={[
            { value: 'mine', label: 'My cases' },
            ...supervisedTeams.map((team) => ({
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
      {loaded.state === 'loading' && <PageLoading what="the dashboard" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && scope.kind === 'mine' && loaded.data.open.total.count === 0 && (
        <SupervisedTeamLinks
          teams={supervisedTeams}
          what="figures"
          hrefOf={(teamId) => `${PATHS.dashboard}${searchOfScope({ kind: 'team', teamId })}`}
        />
      )}
      {loaded.state === 'ready' && <Figures key={key} figures={loaded.data} session={session} />}
    </>
  );
}

function headingOf(scope: DashboardScope, teams: Teams): string {
  if (scope.kind === 'team') {
    const team = teams.find((t) => t.id === scope.teamId);
    return team ? `Dashboard: ${team.name}` : 'Dashboard: whole team';
  }
  if (scope.kind === 'user') {
    const member = teams.flatMap((t) => t.members).find((m) => m.userId === scope.userId);
    return member ? `Dashboard: ${member.displayName}` : 'Dashboard: team member';
  }
  return 'Dashboard';
}

function Figures({ figures, session }: { figures: DashboardFigures; session: Session }) {
  const [open, setOpen] = useState<string | null>(null);
  const manages = session.user.roles.some((r) => r === 'admin' || r === 'supervisor');
  return (
    <>
      <p className="meta">
        Figures for today, {formatDate(figures.today)}. Only cases you may see are counted. Choose a figure to
        list the cases behind it.
      </p>
      <FigureSections figures={figures} open={open} onOpen={setOpen} />
      <section aria-labelledby="trends-title" className="record-section">
        <h2 id="trends-title" className="section-title">
          Trends, last 26 weeks
        </h2>
        <p className="section-hint">
          Weeks run Monday to Sunday; the last is this week, up to today. Each chart has a “Show as a table”
          with the same numbers.
        </p>
        <Suspense fallback={<PageLoading what="the charts" />}>
          <TrendCharts figures={figures} />
        </Suspense>
        <h3 className="subsection-title" id="factors-title">
          External factors in these weeks
        </h3>
        {figures.externalFactors.length === 0 ? (
          <p>None recorded.</p>
        ) : (
          <ol className="dash-factor-list" aria-labelledby="factors-title" data-testid="external-factors">
            {figures.externalFactors.map((f) => (
              <li key={f.id}>
                <strong>{f.title}</strong> — {factorKindWords(f.kind)}, {factorDates(f)}
                {f.description ? `. ${f.description}` : ''}
              </li>
            ))}
          </ol>
        )}
        {manages && (
          <p>
            <a href={PATHS.externalFactors} onClick={followLink}>
              Record or change external factors
            </a>
          </p>
        )}
        <ul className="meta">
          {figures.trends.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </section>
    </>
  );
}
