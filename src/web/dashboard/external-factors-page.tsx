/**
 * External factors: the dated annotations shown on the dashboard's trend charts and in reviews —
 * a policy change, a seasonal peak, an office closure, a staff absence. Everyone may read them;
 * administrators manage any, supervisors those of the teams they supervise and their members.
 */
import './dashboard.css';
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { z } from 'zod';
import {
  changeExternalFactorRequestSchema,
  createExternalFactorRequestSchema,
  type ExternalFactor,
  externalFactorKindSchema,
  externalFactorListSchema,
  externalFactorSchema,
} from '../../contract/external-factors.ts';
import { teamListSchema } from '../../contract/teams.ts';
import { userListSchema } from '../../contract/users.ts';
import { EXTERNAL_FACTOR_KIND_LABELS } from '../../domain/dashboard/external-factors.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import type { FormProblem } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { factorDates } from './dashboard-words.ts';

interface Target {
  readonly value: string;
  readonly label: string;
  readonly group: string;
}

const ORGANISATION = 'organisation';

/** Whom the reader may record factors for: the organisation (admins), teams, people. */
async function targetsFor(api: ApiClient, session: Session): Promise<Target[]> {
  const admin = session.user.roles.includes('admin');
  const supervisor = session.user.roles.includes('supervisor');
  if (!admin && !supervisor) return [];
  const [{ teams }, users] = await Promise.all([
    api.get('/api/teams', teamListSchema),
    admin ? api.get('/api/users', userListSchema) : Promise.resolve({ users: [] }),
  ]);
  const mine = admin
    ? teams
    : teams.filter((t) => t.members.some((m) => m.userId === session.user.id && m.role === 'supervisor'));
  const people = new Map<string, string>();
  for (const t of mine) for (const m of t.members) people.set(m.userId, m.displayName);
  for (const u of users.users) people.set(u.id, u.displayName);
  return [
    ...(admin ? [{ value: ORGANISATION, label: 'The whole organisation', group: 'Organisation' }] : []),
    ...mine.map((t) => ({ value: `team:${t.id}`, label: t.name, group: 'A team' })),
    ...[...people.entries()]
      .sort(([, a], [, b]) => a.localeCompare(b))
      .map(([id, name]) => ({ value: `user:${id}`, label: name, group: 'A person' })),
  ];
}

export function ExternalFactorsPage({ api, session }: { api: ApiClient; session: Session }) {
  const [announcement, setAnnouncement] = useState('');
  const { loaded, reload } = useLoad(async () => {
    const [list, targets] = await Promise.all([
      api.get('/api/external-factors', externalFactorListSchema),
      targetsFor(api, session),
    ]);
    return { ...list, targets };
  }, 'external-factors');
  const changed = (message: string) => {
    setAnnouncement(message);
    void reload();
  };
  return (
    <>
      <PageHeading>External factors</PageHeading>
      <p className="section-hint">
        Things outside the caseload that explain its trends — a policy change, a seasonal peak, an office
        closure, a staff absence. They are drawn on the dashboard’s charts in the weeks they cover and shown
        in caseload reviews.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      {loaded.state === 'loading' && <PageLoading what="external factors" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          {loaded.data.canAdd && loaded.data.targets.length > 0 && (
            <InlineForm
              label="Record an external factor"
              submitLabel="Save the factor"
              fieldIds={fieldIds('new')}
              onSubmit={async (data) => {
                const body = parseOrThrow(createExternalFactorRequestSchema.safeParse(bodyOf(data)));
                await api.post('/api/external-factors', externalFactorSchema, { body });
              }}
              onDone={() => changed('External factor saved.')}
            >
              {(problem) => <FactorFields prefix="new" problem={problem} targets={loaded.data.targets} />}
            </InlineForm>
          )}
          {loaded.data.items.length === 0 ? (
            <p>No external factors recorded yet.</p>
          ) : (
            <ul className="template-list" data-testid="factor-list">
              {loaded.data.items.map((f) => (
                <FactorItem key={f.id} api={api} factor={f} targets={loaded.data.targets} changed={changed} />
              ))}
            </ul>
          )}
        </>
      )}
    </>
  );
}

const appliesTo = (f: ExternalFactor) =>
  f.userId
    ? `For ${f.userName ?? 'one person'}`
    : f.teamId
      ? `For ${f.teamName ?? 'one team'}`
      : 'For the whole organisation';

function FactorItem({
  api,
  factor: f,
  targets,
  changed,
}: {
  api: ApiClient;
  factor: ExternalFactor;
  targets: readonly Target[];
  changed: (m: string) => void;
}) {
  return (
    <li>
      <strong>{f.title}</strong>
      <div className="meta">
        {EXTERNAL_FACTOR_KIND_LABELS[f.kind]} · {factorDates(f)} · {appliesTo(f)}
      </div>
      {f.description && <p>{f.description}</p>}
      {f.canChange && (
        <div className="dash-factor-actions">
          <InlineForm
            compact
            label={`Change “${f.title}”`}
            submitLabel="Save the changes"
            fieldIds={fieldIds(f.id)}
            onSubmit={async (data) => {
              const body = parseOrThrow(changeExternalFactorRequestSchema.safeParse(bodyOf(data)));
              await api.patch(`/api/external-factors/${f.id}`, externalFactorSchema, { body });
            }}
            onDone={() => changed(`“${f.title}” changed.`)}
          >
            {(problem) => <FactorFields prefix={f.id} problem={problem} targets={targets} factor={f} />}
          </InlineForm>
          <InlineForm
            compact
            tone="danger"
            label={`Remove “${f.title}”`}
            submitLabel="Remove it"
            fieldIds={{}}
            onSubmit={() => api.delete(`/api/external-factors/${f.id}`)}
            onDone={() => changed(`“${f.title}” removed.`)}
          >
            {() => <p>It will no longer be drawn on the charts. Reviews already held keep their copy.</p>}
          </InlineForm>
        </div>
      )}
    </li>
  );
}

const FIELDS = ['kind', 'title', 'description', 'startsOn', 'endsOn', 'appliesTo'] as const;

function fieldIds(prefix: string): Record<string, string> {
  const ids: Record<string, string> = Object.fromEntries(FIELDS.map((f) => [f, `${prefix}-factor-${f}`]));
  // The server names the team or person as teamId or userId: both are the "Applies to" field.
  return { ...ids, teamId: ids.appliesTo ?? '', userId: ids.appliesTo ?? '' };
}

/** The form's values as a request body: empty optional fields are null. */
function bodyOf(data: FormData): z.input<typeof createExternalFactorRequestSchema> {
  const target = textOf(data, 'appliesTo');
  const [kind, id] = target.split(':');
  return {
    kind: textOf(data, 'kind') as ExternalFactor['kind'],
    title: textOf(data, 'title'),
    description: textOf(data, 'description') || null,
    startsOn: textOf(data, 'startsOn'),
    endsOn: textOf(data, 'endsOn') || null,
    teamId: kind === 'team' ? (id ?? null) : null,
    userId: kind === 'user' ? (id ?? null) : null,
  };
}

function FactorFields({
  prefix,
  problem,
  targets,
  factor,
}: {
  prefix: string;
  problem: FormProblem | null;
  targets: readonly Target[];
  factor?: ExternalFactor;
}) {
  const ids = fieldIds(prefix);
  const err = (field: string) => problem?.fields[field];
  const current = factor
    ? factor.userId
      ? `user:${factor.userId}`
      : factor.teamId
        ? `team:${factor.teamId}`
        : ORGANISATION
    : (targets[0]?.value ?? '');
  const groups = [...new Set(targets.map((t) => t.group))];
  return (
    <>
      <NativeSelect
        id={ids.kind}
        name="kind"
        label="Kind"
        defaultValue={factor?.kind ?? 'policy-change'}
        error={err('kind')}
        data={externalFactorKindSchema.options.map((k) => ({
          value: k,
          label: EXTERNAL_FACTOR_KIND_LABELS[k],
        }))}
      />
      <TextInput
        id={ids.title}
        name="title"
        label="Title"
        description="Short, e.g. “Office closed for Christmas”. No client details."
        defaultValue={factor?.title ?? ''}
        error={err('title')}
        maxLength={200}
      />
      <Textarea
        id={ids.description}
        name="description"
        label="Description (optional)"
        defaultValue={factor?.description ?? ''}
        error={err('description')}
        autosize
        minRows={2}
      />
      <TextInput
        id={ids.startsOn}
        name="startsOn"
        type="date"
        label="First day"
        defaultValue={factor?.startsOn ?? ''}
        error={err('startsOn')}
      />
      <TextInput
        id={ids.endsOn}
        name="endsOn"
        type="date"
        label="Last day (optional)"
        description="Leave empty for a single day."
        defaultValue={factor?.endsOn ?? ''}
        error={err('endsOn')}
      />
      <NativeSelect
        id={ids.appliesTo}
        name="appliesTo"
        label="Applies to"
        defaultValue={current}
        error={err('appliesTo') ?? err('teamId') ?? err('userId')}
        data={groups.map((g) => ({
          group: g,
          items: targets.filter((t) => t.group === g).map((t) => ({ value: t.value, label: t.label })),
        }))}
      />
    </>
  );
}
