import { Paper, Table, Tabs, Text } from '@mantine/core';
import { useState } from 'react';
import type { CaseSummaryResponse } from '../contract/cases.ts';
import type { ApiClient } from './api-client.ts';
import { holdsCases } from './app-shell.tsx';
import type { Session } from './auth-api.ts';
import { daysAgo, formatDate, formatDateTime } from './lib/format.ts';
import { CASE_STATUS_LABELS, labelOf, NOTE_TYPE_LABELS } from './lib/labels.ts';
import { useLoad } from './lib/use-load.ts';
import { PageHeading } from './page-heading.tsx';
import { LoadFailed, PageLoading } from './page-loading.tsx';
import { type CaseScope, recordsApi } from './records-api.ts';
import { followLink } from './router.ts';
import { PATHS, paths } from './routes.ts';

export interface CaseloadPageProps {
  api: ApiClient;
  session: Session;
}

/** The adviser's open cases (and, for supervisors, the team's), longest without attention first. */
export function CaseloadPage({ api, session }: CaseloadPageProps) {
  const supervises = session.user.roles.includes('supervisor');
  const [scope, setScope] = useState<CaseScope>('mine');
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
      {supervises ? (
        <Tabs value={scope} onChange={(v) => setScope(v === 'team' ? 'team' : 'mine')}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="mine">My cases</Tabs.Tab>
            <Tabs.Tab value="team">My teams’ cases</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine">
            <CaseList api={api} scope="mine" canStart />
          </Tabs.Panel>
          <Tabs.Panel value="team">
            <CaseList api={api} scope="team" canStart />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <CaseList api={api} scope="mine" canStart={holdsCases(session)} />
      )}
    </>
  );
}

function CaseList({ api, scope, canStart }: { api: ApiClient; scope: CaseScope; canStart: boolean }) {
  const { loaded, reload } = useLoad(() => recordsApi.listCases(api, scope), scope);
  if (loaded.state === 'loading') return <PageLoading what="cases" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  const { cases } = loaded.data;
  if (cases.length === 0) return <EmptyCaseload scope={scope} canStart={canStart} />;
  return <CaseTable cases={cases} showOwner={scope === 'team'} />;
}

function EmptyCaseload({ scope, canStart }: { scope: CaseScope; canStart: boolean }) {
  return (
    <Paper withBorder p="lg" radius="sm" maw="40rem">
      <Text fw={600} mb={canStart ? 4 : 0}>
        {scope === 'team' ? 'Your teams have no open cases.' : 'You have no open cases.'}
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
    </Paper>
  );
}

function CaseTable({ cases, showOwner }: { cases: CaseSummaryResponse[]; showOwner: boolean }) {
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table className="data-table" verticalSpacing={6} highlightOnHover>
        <Table.Caption>
          {cases.length === 1 ? '1 open case' : `${cases.length} open cases`}, longest without attention first
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Reference</Table.Th>
            <Table.Th scope="col">Client</Table.Th>
            <Table.Th scope="col">Type</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Flags</Table.Th>
            {showOwner && <Table.Th scope="col">Owner</Table.Th>}
            <Table.Th scope="col">Last attention</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {cases.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <a href={paths.case(c.id)} onClick={followLink} className="case-ref">
                  {c.reference}
                </a>
              </Table.Td>
              <Table.Td>{c.client.displayName}</Table.Td>
              <Table.Td>{c.type.name}</Table.Td>
              <Table.Td>{labelOf(CASE_STATUS_LABELS, c.status)}</Table.Td>
              <Table.Td>
                {c.openFlags > 0 ? (
                  <span className="tag tag-flag">
                    {c.openFlags === 1 ? '1 open flag' : `${c.openFlags} open flags`}
                  </span>
                ) : (
                  <span className="muted">None</span>
                )}
              </Table.Td>
              {showOwner && <Table.Td>{c.owner.displayName}</Table.Td>}
              <Table.Td>
                {formatDate(c.lastAttentionAt)} <span className="muted">({daysAgo(c.lastAttentionAt)})</span>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
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
