import './worklist/worklist.css';
import { Paper, Text } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import type { TeamListResponse } from '../contract/teams.ts';
import { teamListSchema } from '../contract/teams.ts';
import type { ApiClient } from './api-client.ts';
import { holdsCases } from './app-shell.tsx';
import type { Session } from './auth-api.ts';
import { formatDateTime } from './lib/format.ts';
import { labelOf, NOTE_TYPE_LABELS } from './lib/labels.ts';
import { useLoad } from './lib/use-load.ts';
import { PageHeading } from './page-heading.tsx';
import { LoadFailed, PageLoading } from './page-loading.tsx';
import { recordsApi } from './records-api.ts';
import { followLink, navigate, useSearch } from './router.ts';
import { PATHS } from './routes.ts';
import { SupervisedTeamLinks } from './worklist/team-links.tsx';
import { WorklistControls } from './worklist/worklist-controls.tsx';
import {
  fetchWorklist,
  isFiltered,
  searchOfView,
  viewFromSearch,
  type Worklist,
  type WorklistView,
} from './worklist/worklist-query.ts';
import { WorklistSummary } from './worklist/worklist-summary.tsx';
import { WorklistTable } from './worklist/worklist-table.tsx';

export interface CaseloadPageProps {
  api: ApiClient;
  session: Session;
}

type Teams = TeamListResponse['teams'];

/**
 * "My caseload": the worklist — open and on-hold cases in priority order with the reasons, dates,
 * timescales and resources of each — and, for supervisors, any team member's or the whole team's.
 * Whose worklist and the filters live in the address.
 */
export function CaseloadPage({ api, session }: CaseloadPageProps) {
  const search = useSearch();
  const view = viewFromSearch(search);
  const supervises = session.user.roles.includes('supervisor');
  const types = useLoad(() => recordsApi.caseTypes(api), 'case-types');
  const teams = useLoad(
    () => (supervises ? api.get('/api/teams', teamListSchema) : Promise.resolve({ teams: [] })),
    `teams:${supervises}`,
  );
  const supervisedTeams: Teams = (teams.loaded.data?.teams ?? []).filter((t) =>
    t.members.some((m) => m.userId === session.user.id && m.role === 'supervisor'),
  );
  const setView = (next: WorklistView) =>
    navigate(`${PATHS.caseload}${searchOfView(next)}`, { focus: false });
  return (
    <>
      <PageHeading>My caseload</PageHeading>
      {holdsCases(session) && (
        <p className="page-actions">
          <a className="button-link" href={PATHS.newClient} onClick={followLink}>
            New client
          </a>
          <a className="button-link" href={PATHS.openCase} onClick={followLink}>
            Open a case for a recorded client
          </a>
        </p>
      )}
      <DraftsToFinish api={api} />
      <WorklistSection
        api={api}
        view={view}
        controls={
          <WorklistControls
            view={view}
            onChange={setView}
            caseTypes={types.loaded.data?.caseTypes ?? []}
            supervisedTeams={supervisedTeams}
            userId={session.user.id}
          />
        }
        whose={whoseWords(view, supervisedTeams)}
        canStart={holdsCases(session)}
        supervisedTeams={supervisedTeams}
      />
    </>
  );
}

/** Whose worklist is shown, for the table's caption. */
function whoseWords(view: WorklistView, teams: Teams): string {
  if (view.scope.kind === 'team') {
    const { teamId } = view.scope;
    return `Team ${teams.find((t) => t.id === teamId)?.name ?? ''}`.trim();
  }
  if (view.scope.kind === 'user') {
    const { userId } = view.scope;
    const name = teams.flatMap((t) => t.members).find((m) => m.userId === userId)?.displayName;
    return name ? `${name}’s cases` : 'A team member’s cases';
  }
  return 'Your cases';
}

interface WorklistSectionProps {
  api: ApiClient;
  view: WorklistView;
  controls: ReactNode;
  whose: string;
  canStart: boolean;
  /** Offered when the person's own worklist is empty: a supervisor may hold no cases. */
  supervisedTeams: Teams;
}

function WorklistSection({ api, view, controls, whose, canStart, supervisedTeams }: WorklistSectionProps) {
  const key = searchOfView(view);
  const { loaded, reload } = useLoad(() => fetchWorklist(api, view), `worklist${key}`);
  // While a new view loads, the last one stays on screen (marked busy), so nothing jumps under the keyboard.
  const last = useRef<Worklist | null>(null);
  if (loaded.state === 'ready') last.current = loaded.data;
  const shown = loaded.state === 'ready' ? loaded.data : loaded.state === 'loading' ? last.current : null;
  return (
    <>
      {shown && <WorklistSummary summary={shown.summary} />}
      {controls}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'loading' && !shown && <PageLoading what="the worklist" />}
      {shown && (
        <div aria-busy={loaded.state === 'loading'}>
          <p role="status" className="meta">
            {loaded.state === 'loading' ? 'Updating the worklist…' : statusWords(shown, view)}
          </p>
          <WorklistBody
            worklist={shown}
            view={view}
            whose={whose}
            canStart={canStart}
            supervisedTeams={supervisedTeams}
          />
        </div>
      )}
    </>
  );
}

function statusWords(worklist: Worklist, view: WorklistView): string {
  const { total, shown } = worklist.summary;
  const cases = (n: number) => (n === 1 ? '1 case' : `${n} cases`);
  return isFiltered(view) ? `Showing ${shown} of ${cases(total)}.` : `${cases(total)} open or on hold.`;
}

function WorklistBody({
  worklist,
  view,
  whose,
  canStart,
  supervisedTeams,
}: {
  worklist: Worklist;
  view: WorklistView;
  whose: string;
  canStart: boolean;
  supervisedTeams: Teams;
}) {
  if (worklist.summary.total === 0) {
    const mine = view.scope.kind === 'mine';
    return (
      <EmptyCaseload
        scope={view.scope.kind}
        canStart={canStart && mine}
        teams={mine ? supervisedTeams : []}
        teamHref={(teamId) =>
          `${PATHS.caseload}${searchOfView({ ...view, scope: { kind: 'team', teamId } })}`
        }
      />
    );
  }
  if (worklist.rows.length === 0) {
    return (
      <Paper withBorder p="lg" radius="sm" maw="40rem">
        <Text fw={600}>No cases match these filters.</Text>
      </Paper>
    );
  }
  const n = worklist.rows.length;
  const caption =
    `${whose}: ${n === 1 ? '1 case' : `${n} cases`} in worklist order — band, then the nearest key date or ` +
    'overdue action, then score, then the longest without attention';
  return (
    <WorklistTable
      rows={worklist.rows}
      today={worklist.today}
      showOwner={view.scope.kind === 'team'}
      caption={caption}
    />
  );
}

function EmptyCaseload({
  scope,
  canStart,
  teams,
  teamHref,
}: {
  scope: WorklistView['scope']['kind'];
  canStart: boolean;
  /** The teams the person supervises, whose worklists are one step away. */
  teams: Teams;
  teamHref: (teamId: string) => string;
}) {
  const words = {
    mine: 'You have no open cases.',
    team: 'This team has no open cases.',
    user: 'This person has no open cases.',
  };
  return (
    <Paper withBorder p="lg" radius="sm" maw="40rem">
      <Text fw={600} mb={canStart ? 4 : 0}>
        {words[scope]}
      </Text>
      {canStart && (
        <Text size="sm">
          To start one, record the person first:{' '}
          <a href={PATHS.newClient} onClick={followLink}>
            New client
          </a>
          . You then open a case for them.
        </Text>
      )}
      <SupervisedTeamLinks teams={teams} what="cases" hrefOf={teamHref} />
    </Paper>
  );
}

/** The person's unfinished drafts, so none is forgotten; nothing when there are none. */
function DraftsToFinish({ api }: { api: ApiClient }) {
  const { loaded } = useLoad(() => recordsApi.myDrafts(api), 'drafts');
  if (loaded.state !== 'ready' || loaded.data.drafts.length === 0) return null;
  return (
    <section aria-labelledby="drafts-heading" className="drafts-box">
      <h2 id="drafts-heading" className="section-title">
        Drafts to finish
      </h2>
      <ul className="plain-list">
        {loaded.data.drafts.map((d) => (
          <li key={d.id}>
            <a href={`/notes/${d.id}/edit`} onClick={followLink}>
              {labelOf(NOTE_TYPE_LABELS, d.type)} note on {d.caseReference}
            </a>{' '}
            <span className="muted">— last saved {formatDateTime(d.updatedAt)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
