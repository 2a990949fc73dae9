/**
 * "Caseload health": the effect of priorities on a practitioner's whole caseload — cases at risk of
 * neglect, attention by band over the last 4 weeks, the forecast of breaches over the next 4 weeks
 * and a what-if — with the assumptions behind the figures. Supervisors can choose a member of a
 * team they supervise (`?user=`).
 */
import './caseload-effect.css';
import { NativeSelect, Table } from '@mantine/core';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { navigate, useSearch } from '../router.ts';
import { PATHS } from '../routes.ts';
import { AttentionSection } from './attention-section.tsx';
import { type CaseloadEffect, caseloadEffectApi } from './caseload-effect-api.ts';
import { BandName, CaseLink, hours } from './effect-parts.tsx';
import { ForecastSection } from './forecast-section.tsx';
import { WhatIfForm } from './what-if-form.tsx';

interface Person {
  readonly id: string;
  readonly name: string;
}

/** The members of the teams the person supervises, by name, without themself. */
async function teamMembers(api: ApiClient, session: Session): Promise<Person[]> {
  if (!session.user.roles.includes('supervisor')) return [];
  const { teams } = await caseloadEffectApi.teams(api);
  const mine = teams.filter((t) =>
    t.members.some((m) => m.userId === session.user.id && m.role === 'supervisor'),
  );
  const people = new Map<string, Person>();
  for (const team of mine) {
    for (const m of team.members) {
      if (m.userId !== session.user.id) people.set(m.userId, { id: m.userId, name: m.displayName });
    }
  }
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function CaseloadHealthPage({ api, session }: { api: ApiClient; session: Session }) {
  const userId = new URLSearchParams(useSearch()).get('user');
  const { loaded, reload } = useLoad(async () => {
    const [effect, members] = await Promise.all([
      caseloadEffectApi.effect(api, userId),
      teamMembers(api, session),
    ]);
    return { effect, members };
  }, userId ?? 'me');

  const own = !userId || userId === session.user.id;
  const heading = own
    ? 'Caseload health'
    : `Caseload health: ${loaded.data?.effect.practitioner.displayName ?? '…'}`;
  if (loaded.state === 'loading') return <PageLoading what="the caseload’s health" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Caseload health</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { effect, members } = loaded.data;
  return (
    <>
      <PageHeading focusKey={userId ?? 'me'}>{heading}</PageHeading>
      {members.length > 0 && (
        <NativeSelect
          id="caseload-person"
          label="Whose caseload"
          value={userId ?? ''}
          maw="24rem"
          mb="md"
          data={[
            { value: '', label: 'My own caseload' },
            ...members.map((m) => ({ value: m.id, label: m.name })),
          ]}
          onChange={(event) => {
            const value = event.currentTarget.value;
            navigate(
              value ? `${PATHS.caseloadHealth}?user=${encodeURIComponent(value)}` : PATHS.caseloadHealth,
            );
          }}
        />
      )}
      <p className="effect-headline">
        {effect.openCases} open {effect.openCases === 1 ? 'case' : 'cases'}; weekly capacity{' '}
        {hours(effect.practitioner.weeklyCapacityHours)}. Today is {formatDate(effect.today)}.
      </p>
      <NeglectSection neglect={effect.neglect} />
      <AttentionSection attention={effect.attention} />
      <ForecastSection forecast={effect.forecast} />
      <WhatIfForm
        key={userId ?? 'me'}
        api={api}
        userId={own ? null : userId}
        weeklyCapacityHours={effect.practitioner.weeklyCapacityHours}
        weeks={effect.forecast.horizonWeeks}
      />
      <section aria-labelledby="assumptions-title" className="record-section">
        <h2 id="assumptions-title" className="section-title">
          How these figures are made
        </h2>
        <ul className="effect-sentences">
          {effect.assumptions.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      </section>
    </>
  );
}

function NeglectSection({ neglect }: { neglect: CaseloadEffect['neglect'] }) {
  return (
    <section aria-labelledby="neglect-title" className="record-section">
      <h2 id="neglect-title" className="section-title">
        Cases at risk of neglect
      </h2>
      <p className="section-hint">
        Open cases with 75% or more of their review timescale gone without attention, most neglected first.
      </p>
      {neglect.length === 0 ? (
        <p className="empty-text">No case is at risk of neglect.</p>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="data-table" verticalSpacing={6}>
            <Table.Caption>Cases at risk of neglect</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Band</Table.Th>
                <Table.Th scope="col">Timescale gone</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {neglect.map((n) => (
                <Table.Tr key={n.case.id} className={n.overdue ? 'effect-overdue' : undefined}>
                  <Table.Th scope="row">
                    <CaseLink kase={n.case} />
                  </Table.Th>
                  <Table.Td>
                    <BandName band={n.band} />
                  </Table.Td>
                  <Table.Td>{Math.round(n.shareElapsed * 100)}%</Table.Td>
                  <Table.Td>{n.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
