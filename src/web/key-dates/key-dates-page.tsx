import { NativeSelect, Table, Tabs } from '@mantine/core';
import { useId, useState } from 'react';
import type { KeyDateRegisterResponse, KeyDateRegisterRow } from '../../contract/key-date-register.ts';
import type { TeamResponse } from '../../contract/teams.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { KEY_DATE_KIND_LABELS, KEY_DATE_STATUS_LABELS, labelOf } from '../lib/labels.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { keyDatesApi, type RegisterChoice } from './key-dates-api.ts';
import { groupRegister, longDate, whenOf } from './register-groups.ts';
import './key-dates.css';

export interface KeyDatesPageProps {
  api: ApiClient;
  session: Session;
}

/**
 * The key dates register: your pending key dates across your cases and, for supervisors, the
 * backup diary of a team they supervise (all of it, or one member's), grouped by week.
 */
export function KeyDatesPage({ api, session }: KeyDatesPageProps) {
  const supervises = session.user.roles.includes('supervisor');
  const [tab, setTab] = useState<'mine' | 'team'>('mine');
  return (
    <>
      <PageHeading>Key dates</PageHeading>
      <p className="section-hint key-dates-intro">
        Pending key dates, including any that have passed while still pending. Days are counted in working
        days, skipping weekends and your organisation’s bank holidays. Record what happened to a date on its
        case.
      </p>
      {supervises ? (
        <Tabs value={tab} onChange={(v) => setTab(v === 'team' ? 'team' : 'mine')} keepMounted={false}>
          <Tabs.List mb="sm">
            <Tabs.Tab value="mine">My key dates</Tabs.Tab>
            <Tabs.Tab value="team">Team backup diary</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="mine">
            <Register api={api} choice={{ scope: 'mine' }} showOwner={false} />
          </Tabs.Panel>
          <Tabs.Panel value="team">
            <BackupDiary api={api} session={session} />
          </Tabs.Panel>
        </Tabs>
      ) : (
        <Register api={api} choice={{ scope: 'mine' }} showOwner={false} />
      )}
    </>
  );
}

const supervisedBy = (teams: readonly TeamResponse[], userId: string) =>
  teams.filter((t) => t.members.some((m) => m.userId === userId && m.role === 'supervisor'));

/** The supervisor chooses a team they supervise (or all of them) and, in a team, one member. */
function BackupDiary({ api, session }: KeyDatesPageProps) {
  const { loaded, reload } = useLoad(() => keyDatesApi.teams(api), 'teams');
  const [teamId, setTeamId] = useState('');
  const [userId, setUserId] = useState('');
  if (loaded.state === 'loading') return <PageLoading what="your teams" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  const teams = supervisedBy(loaded.data.teams, session.user.id);
  if (teams.length === 0) return <p className="empty-text">You do not supervise a team.</p>;
  const team = teams.length === 1 ? teams[0] : teams.find((t) => t.id === teamId);
  const members = team ? [...team.members].sort((a, b) => a.displayName.localeCompare(b.displayName)) : [];
  const choice: RegisterChoice = userId ? { scope: 'user', userId } : { scope: 'team', teamId: team?.id };
  return (
    <>
      <div className="register-filters">
        {teams.length > 1 && (
          <NativeSelect
            id="diary-team"
            label="Team"
            value={teamId}
            onChange={(e) => {
              setTeamId(e.currentTarget.value);
              setUserId('');
            }}
            data={[
              { value: '', label: 'All my teams' },
              ...teams.map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
        )}
        {team && (
          <NativeSelect
            id="diary-member"
            label="Team member"
            value={userId}
            onChange={(e) => setUserId(e.currentTarget.value)}
            data={[
              { value: '', label: `Everyone in ${team.name}` },
              ...members.map((m) => ({ value: m.userId, label: m.displayName })),
            ]}
          />
        )}
      </div>
      <Register api={api} choice={choice} showOwner={!userId} />
    </>
  );
}

function Register({
  api,
  choice,
  showOwner,
}: {
  api: ApiClient;
  choice: RegisterChoice;
  showOwner: boolean;
}) {
  const { loaded, reload } = useLoad(() => keyDatesApi.register(api, choice), JSON.stringify(choice));
  if (loaded.state === 'loading') return <PageLoading what="key dates" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  return <RegisterGroups register={loaded.data} showOwner={showOwner} />;
}

function summaryOf(register: KeyDateRegisterResponse): string {
  const total = register.keyDates.length;
  const missed = register.keyDates.filter((k) => k.overdue && k.status === 'pending').length;
  const dates = total === 1 ? '1 pending key date' : `${total} pending key dates`;
  if (missed === 0) return `${dates}, none missed.`;
  return `${dates}, ${missed} missed and still pending.`;
}

function RegisterGroups({ register, showOwner }: { register: KeyDateRegisterResponse; showOwner: boolean }) {
  const baseId = useId();
  if (register.keyDates.length === 0) {
    return (
      <p className="empty-text" role="status">
        {register.scope === 'mine' ? 'You have no pending key dates.' : 'No pending key dates here.'}
      </p>
    );
  }
  return (
    <div className="key-date-register">
      <p className="meta" role="status">
        {summaryOf(register)} Today is {longDate(register.today)}.
      </p>
      {groupRegister(register.keyDates, register.today).map((group) => {
        const headingId = `${baseId}-${group.id}`;
        return (
          <section key={group.id} aria-labelledby={headingId} className="register-group">
            <h2
              id={headingId}
              className={group.id === 'missed' ? 'section-title missed-heading' : 'section-title'}
            >
              {group.heading}
            </h2>
            <Table.ScrollContainer minWidth={640}>
              <Table className="data-table" verticalSpacing={6} aria-labelledby={headingId}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Date</Table.Th>
                    <Table.Th scope="col">When</Table.Th>
                    <Table.Th scope="col">Key date</Table.Th>
                    <Table.Th scope="col">Case</Table.Th>
                    {showOwner && <Table.Th scope="col">Owner</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {group.rows.map((k) => (
                    <RegisterRow key={k.id} row={k} showOwner={showOwner} />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </section>
        );
      })}
    </div>
  );
}

function RegisterRow({ row: k, showOwner }: { row: KeyDateRegisterRow; showOwner: boolean }) {
  const when = whenOf(k);
  return (
    <Table.Tr className={when.tag === 'Missed' ? 'register-missed' : undefined}>
      <Table.Td className="register-date">
        {longDate(k.dueDate)}
        {k.dueTime ? ` at ${k.dueTime}` : ''}
      </Table.Td>
      <Table.Td>
        {when.tag && (
          <span className={`status-tag ${when.tag === 'Missed' ? 'status-missed' : 'status-today'}`}>
            {when.tag}
          </span>
        )}
        {when.tag && when.text ? ' ' : ''}
        {when.text}
        {k.status !== 'pending' && (
          <span className="meta"> ({labelOf(KEY_DATE_STATUS_LABELS, k.status)})</span>
        )}
      </Table.Td>
      <Table.Td>
        <span className="register-description">{k.description}</span>
        <span className="meta">
          {' '}
          — {labelOf(KEY_DATE_KIND_LABELS, k.kind)}
          {k.computedFromTemplate ? ', worked out from a time limit' : ''}
        </span>
      </Table.Td>
      <Table.Td>
        <a href={paths.case(k.case.id)} onClick={followLink} className="case-ref">
          {k.case.reference}
        </a>
        {k.case.status === 'closed' && <span className="meta"> (closed)</span>}
      </Table.Td>
      {showOwner && <Table.Td>{k.owner.displayName}</Table.Td>}
    </Table.Tr>
  );
}
