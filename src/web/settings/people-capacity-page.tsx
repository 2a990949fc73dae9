/**
 * Administrators' "People's capacity": for each person, the weighted points a full-time person can
 * hold, their full-time equivalent (their capacity is the two multiplied) and the hours a week they
 * have for casework (the caseload forecast's capacity). One row per person, saved row by row.
 */
import '../capacity/capacity.css';
import { Button, Table, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  capacityPointsSchema,
  fteSchema,
  type UserResponse,
  weeklyCapacityHoursSchema,
} from '../../contract/users.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { capacityApi } from '../capacity/capacity-api.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

const FIELDS = ['capacityPoints', 'fte', 'weeklyCapacityHours'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_WORDS: Record<Field, string> = {
  capacityPoints: 'capacity points per full-time equivalent',
  fte: 'full-time equivalent',
  weeklyCapacityHours: 'hours a week for casework',
};
const SCHEMAS = {
  capacityPoints: capacityPointsSchema,
  fte: fteSchema,
  weeklyCapacityHours: weeklyCapacityHoursSchema,
};

const inputId = (userId: string, field: Field) => `people-${userId}-${field}`;
const holdsCases = (u: UserResponse) => u.roles.includes('adviser') || u.roles.includes('supervisor');
const ROLE_WORDS: Record<string, string> = {
  adviser: 'Adviser',
  supervisor: 'Supervisor',
  admin: 'Administrator',
  auditor: 'Auditor',
};

export function PeopleCapacityPage({ api, session }: { api: ApiClient; session: Session }) {
  const { loaded, reload } = useLoad(() => capacityApi.users(api), 'users');
  const [announcement, setAnnouncement] = useState('');
  const [problem, setProblem] = useState<{ userId: string; problem: FormProblem } | null>(null);
  const isAdmin = session.user.roles.includes('admin');

  return (
    <>
      <PageHeading>People’s capacity</PageHeading>
      <p className="section-hint cap-intro">
        A person’s capacity in weighted points is their capacity points per full-time equivalent times their
        full-time equivalent (FTE): 100 points at 0.6 FTE is 60 points. The capacity page compares it with the
        weight of the cases they hold. The hours a week for casework are what the caseload forecast works
        with. Only advisers and supervisors hold cases.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      {problem && (
        <ErrorSummary
          problem={problem.problem}
          fieldIds={Object.fromEntries(FIELDS.map((f) => [f, inputId(problem.userId, f)]))}
        />
      )}
      {!isAdmin && <p className="empty-text">Only administrators may change people’s capacity.</p>}
      {loaded.state === 'loading' && <PageLoading what="people" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && isAdmin && (
        <Table.ScrollContainer minWidth={880}>
          <Table className="data-table" aria-label="People’s capacity" verticalSpacing={6}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Person</Table.Th>
                <Table.Th scope="col">Roles</Table.Th>
                <Table.Th scope="col">Capacity points per FTE</Table.Th>
                <Table.Th scope="col">FTE</Table.Th>
                <Table.Th scope="col">Capacity (points)</Table.Th>
                <Table.Th scope="col">Hours a week for casework</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...loaded.data.users]
                .sort(
                  (a, b) =>
                    Number(holdsCases(b)) - Number(holdsCases(a)) ||
                    a.displayName.localeCompare(b.displayName),
                )
                .map((user) => (
                  <PersonRow
                    key={user.id}
                    api={api}
                    user={user}
                    fieldErrors={problem?.userId === user.id ? problem.problem.fields : {}}
                    onProblem={(p) => setProblem({ userId: user.id, problem: p })}
                    onDone={(message) => {
                      setProblem(null);
                      setAnnouncement(message);
                      void reload();
                    }}
                  />
                ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </>
  );
}

function PersonRow({
  api,
  user,
  fieldErrors,
  onProblem,
  onDone,
}: {
  api: ApiClient;
  user: UserResponse;
  fieldErrors: Record<string, string>;
  onProblem: (p: FormProblem) => void;
  onDone: (message: string) => void;
}) {
  const [values, setValues] = useState<Record<Field, string>>({
    capacityPoints: String(user.capacityPoints),
    fte: String(user.fte),
    weeklyCapacityHours: String(user.weeklyCapacityHours),
  });
  const [pending, setPending] = useState(false);
  const points = Number(values.capacityPoints);
  const fte = Number(values.fte);
  const capacity =
    Number.isFinite(points) && Number.isFinite(fte) && values.capacityPoints !== '' && values.fte !== ''
      ? Math.round(points * fte * 100) / 100
      : null;

  async function save() {
    const body: Partial<Record<Field, number>> = {};
    const fields: Record<string, string> = {};
    for (const f of FIELDS) {
      const parsed = SCHEMAS[f].safeParse(values[f].trim() === '' ? Number.NaN : Number(values[f]));
      if (!parsed.success) fields[f] = parsed.error.issues[0]?.message ?? `Check the ${FIELD_WORDS[f]}`;
      else if (parsed.data !== user[f]) body[f] = parsed.data;
    }
    if (Object.keys(fields).length > 0) {
      onProblem({ detail: 'Check what you entered.', fields });
      return;
    }
    if (Object.keys(body).length === 0) {
      onDone(`Nothing to save for ${user.displayName}: the values are as they were.`);
      return;
    }
    setPending(true);
    try {
      const saved = await capacityApi.updateUser(api, user.id, body);
      onDone(
        `Saved ${user.displayName}: capacity ${Math.round(saved.capacityPoints * saved.fte * 100) / 100} points, ` +
          `${saved.weeklyCapacityHours} hours a week.`,
      );
    } catch (error) {
      const p = problemFromError(error);
      if (p) onProblem(p);
    } finally {
      setPending(false);
    }
  }

  const input = (f: Field, width: string, step: string) => (
    <TextInput
      id={inputId(user.id, f)}
      size="xs"
      type="number"
      step={step}
      inputMode="decimal"
      aria-label={`${user.displayName}: ${FIELD_WORDS[f]}`}
      error={fieldErrors[f]}
      value={values[f]}
      onChange={(e) => {
        const value = e.currentTarget.value;
        setValues((v) => ({ ...v, [f]: value }));
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
      }}
      styles={{ input: { width } }}
    />
  );

  return (
    <Table.Tr>
      <Table.Th scope="row">
        {user.displayName}
        {user.status === 'disabled' ? <span className="meta"> (disabled)</span> : null}
      </Table.Th>
      <Table.Td>
        {user.roles.map((r) => ROLE_WORDS[r] ?? r).join(', ')}
        {holdsCases(user) ? '' : <span className="meta"> — holds no cases</span>}
      </Table.Td>
      <Table.Td>{input('capacityPoints', '6rem', '1')}</Table.Td>
      <Table.Td>{input('fte', '5rem', '0.05')}</Table.Td>
      <Table.Td>{capacity === null ? '—' : capacity}</Table.Td>
      <Table.Td>{input('weeklyCapacityHours', '5rem', '0.5')}</Table.Td>
      <Table.Td>
        <Button
          size="compact-sm"
          loading={pending}
          onClick={() => void save()}
          aria-label={`Save ${user.displayName}`}
        >
          Save
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}
