/**
 * "Capacity": each practitioner's load in weighted points against their capacity, as a labelled bar
 * with the RAG in words and colour, and the cases that make it up. Supervisors see the teams they
 * supervise (`?team=<id>`, or every team; `?view=mine` for their own) and may try moving a case.
 */
import './capacity.css';
import { NativeSelect, Table } from '@mantine/core';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink, navigate, useSearch } from '../router.ts';
import { PATHS, paths } from '../routes.ts';
import { type Capacity, type CapacityScope, capacityApi, type Practitioner } from './capacity-api.ts';
import { LoadBar, RAG_LABELS, RagTag } from './load-bar.tsx';
import { ReallocationForm } from './reallocation-form.tsx';

const points = (n: number) => `${n} ${n === 1 ? 'point' : 'points'}`;
const casesWord = (n: number) => `${n} ${n === 1 ? 'case' : 'cases'}`;

/** The scope from the address: `?view=mine`, `?team=<id>`, else every supervised team (supervisors) or mine. */
function scopeOf(search: string, supervisor: boolean): CapacityScope {
  const params = new URLSearchParams(search);
  if (params.get('view') === 'mine' || !supervisor) return { kind: 'mine' };
  return { kind: 'team', teamId: params.get('team') };
}

const scopeKey = (s: CapacityScope) =>
  s.kind === 'mine' ? 'mine' : s.kind === 'team' ? `team:${s.teamId ?? 'all'}` : `user:${s.userId}`;

export function CapacityPage({ api, session }: { api: ApiClient; session: Session }) {
  const supervisor = session.user.roles.includes('supervisor');
  const scope = scopeOf(useSearch(), supervisor);
  const key = scopeKey(scope);
  const { loaded, reload } = useLoad(() => capacityApi.capacity(api, scope), key);

  if (loaded.state === 'loading') return <PageLoading what="capacity" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Capacity</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const data = loaded.data;
  return (
    <>
      <PageHeading focusKey={key}>Capacity</PageHeading>
      <p className="section-hint cap-intro">
        A case weighs its type’s base weight times its complexity factors. A person’s load is the weight of
        the open and on-hold cases they hold; their capacity is their points per full-time equivalent times
        their FTE. Under-used (blue) is below 70% of capacity, within capacity (green) from 70%, near capacity
        (amber) from 90% up to 100%, and over capacity (red) above 100%.
      </p>
      {data.supervisedTeams.length > 0 && <ScopeChooser data={data} value={key} />}
      <p className="meta" data-testid="capacity-overview">
        {overview(data.practitioners)}
      </p>
      {data.practitioners.length === 0 ? (
        <p className="empty-text">Nobody here holds cases.</p>
      ) : (
        <ul className="cap-list" aria-label="People’s capacity">
          {data.practitioners.map((p) => (
            <PersonLoad key={p.id} person={p} />
          ))}
        </ul>
      )}
      {data.scope === 'team' && data.supervisedTeams.length > 0 && (
        <ReallocationForm key={key} api={api} data={data} />
      )}
    </>
  );
}

/** "3 people: 1 over capacity, 2 under-used." */
function overview(people: readonly Practitioner[]): string {
  if (people.length === 0) return '';
  const counts = (['red', 'amber', 'green', 'blue'] as const)
    .map((rag) => [rag, people.filter((p) => p.rag === rag).length] as const)
    .filter(([, n]) => n > 0)
    .map(([rag, n]) => `${n} ${RAG_LABELS[rag].toLowerCase()}`);
  return `${people.length === 1 ? '1 person' : `${people.length} people`}: ${counts.join(', ')}.`;
}

function ScopeChooser({ data, value }: { data: Capacity; value: string }) {
  const options = [
    ...(data.supervisedTeams.length > 1 ? [{ value: 'team:all', label: 'Every team I supervise' }] : []),
    ...data.supervisedTeams.map((t) => ({ value: `team:${t.id}`, label: `Team: ${t.name}` })),
    { value: 'mine', label: 'My own caseload' },
  ];
  const current =
    value === 'team:all' && data.supervisedTeams.length === 1 ? `team:${data.supervisedTeams[0]?.id}` : value;
  return (
    <NativeSelect
      id="capacity-scope"
      label="Whose capacity"
      value={current}
      maw="24rem"
      mb="sm"
      data={options}
      onChange={(event) => {
        const chosen = event.currentTarget.value;
        navigate(
          chosen === 'mine'
            ? `${PATHS.capacity}?view=mine`
            : chosen === 'team:all'
              ? PATHS.capacity
              : `${PATHS.capacity}?team=${encodeURIComponent(chosen.slice(5))}`,
        );
      }}
    />
  );
}

function PersonLoad({ person: p }: { person: Practitioner }) {
  const nameId = `cap-name-${p.id}`;
  return (
    <li className={`cap-person cap-person-${p.rag}`} data-testid="capacity-person">
      <div className="cap-person-head">
        <h2 id={nameId} className="cap-person-name">
          {p.displayName}
        </h2>
        {!p.active && <span className="status-tag">Account disabled: reassign the cases</span>}
        {p.teams.length > 0 && <span className="meta">{p.teams.map((t) => t.name).join(', ')}</span>}
      </div>
      <p className="cap-figures">
        <RagTag rag={p.rag} />
        <span>{p.summary}</span>
      </p>
      <LoadBar status={p} labelledBy={nameId} />
      <p className="meta">
        Capacity: {points(p.capacityPoints)} per full-time equivalent × {p.fte} FTE = {points(p.capacity)}.
      </p>
      <CaseBreakdown person={p} />
    </li>
  );
}

function CaseBreakdown({ person: p }: { person: Practitioner }) {
  const total = p.cases.length + p.hidden.count;
  if (total === 0) return <p className="empty-text">No open or on-hold cases.</p>;
  return (
    <>
      {p.cases.length > 0 && (
        <details className="cap-cases">
          <summary>
            The {p.cases.length === 1 ? 'case' : `${p.cases.length} cases`} you may see in this load
          </summary>
          <Table.ScrollContainer minWidth={560}>
            <Table className="data-table" verticalSpacing={4}>
              <Table.Caption>Cases of {p.displayName}, heaviest first</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Case</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Weight</Table.Th>
                  <Table.Th scope="col">How the weight is made</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.cases.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Th scope="row">
                      <a href={paths.case(c.id)} onClick={followLink} className="case-ref">
                        {c.reference}
                      </a>
                    </Table.Th>
                    <Table.Td>{c.status === 'on_hold' ? 'On hold' : 'Open'}</Table.Td>
                    <Table.Td>{c.weight}</Table.Td>
                    <Table.Td className="cap-explanation">{c.explanation}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </details>
      )}
      {p.hidden.count > 0 && (
        <p className="cap-hidden">
          {p.hidden.count === 1 ? '1 more case' : `${casesWord(p.hidden.count)} more`} (
          {points(p.hidden.weight)}) in this load {p.hidden.count === 1 ? 'is' : 'are'} in teams you do not
          supervise, so not shown.
        </p>
      )}
    </>
  );
}
