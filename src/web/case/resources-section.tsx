import { NativeSelect, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import type { CaseColleagues } from '../../contract/notifications.ts';
import {
  addSpecialistRequestSchema,
  type SpecialistResponse,
  updateResourcesRequestSchema,
} from '../../contract/resources.ts';
import type { ApiClient } from '../api-client.ts';
import type { FormProblem } from '../form-problem.tsx';
import { problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';
import { priorityApi } from './priority-api.ts';
import { hoursWords } from './priority-labels.ts';

/** A number field's value: '' is null, anything else a number (NaN lets the contract say what is wrong). */
const hoursOf = (text: string): number | null => (text === '' ? null : Number(text));

/** Removing is undone by adding them again, so it needs no confirmation; a failure is said beside it. */
function RemoveSpecialist({
  specialist: s,
  api,
  changed,
}: { specialist: SpecialistResponse } & Omit<SectionProps, 'data'>) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const remove = async () => {
    setPending(true);
    setProblem(null);
    try {
      await priorityApi.removeSpecialist(api, s.caseId, s.id);
      changed(`${s.user.displayName} removed as a specialist.`);
    } catch (error) {
      setPending(false);
      setProblem(problemFromError(error)?.detail ?? null);
    }
  };
  return (
    <>
      <button type="button" className="text-button" disabled={pending} onClick={() => void remove()}>
        Remove {s.user.displayName} as a specialist
      </button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </>
  );
}

function SpecialistItem({
  specialist: s,
  api,
  changed,
  canManage,
}: { specialist: SpecialistResponse; canManage: boolean } & Omit<SectionProps, 'data'>) {
  return (
    <li className="record-item">
      <div className="item-head">
        <span className="item-title">
          {s.user.displayName} — {s.role}
        </span>
        {s.hours !== null && <span className="status-tag">{hoursWords(s.hours)}</span>}
      </div>
      <div className="meta">
        Added by {s.addedBy.displayName}, {formatDateTime(s.addedAt)}
        {s.canSeeCase ? '' : ' · Cannot see the case: its share was revoked'}
      </div>
      {canManage && <RemoveSpecialist specialist={s} api={api} changed={changed} />}
    </li>
  );
}

/** The colleague to add: loaded when the form opens (active people of the organisation). */
function SpecialistFields({
  api,
  caseId,
  exclude,
  problem: p,
}: {
  api: ApiClient;
  caseId: string;
  exclude: ReadonlySet<string>;
  problem: FormProblem | null;
}) {
  const [colleagues, setColleagues] = useState<CaseColleagues['colleagues'] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    priorityApi.colleagues(api, caseId).then(
      (list) => live && setColleagues(list.colleagues),
      (error: unknown) => live && setLoadProblem(problemFromError(error)?.detail ?? null),
    );
    return () => {
      live = false;
    };
  }, [api, caseId]);
  const choices = (colleagues ?? []).filter((c) => !exclude.has(c.id));
  return (
    <div className="form-grid">
      <NativeSelect
        id="specialist-user"
        name="userId"
        label="Colleague"
        description={loadProblem ?? (colleagues ? undefined : 'Loading colleagues…')}
        data={[
          { value: '', label: 'Choose a colleague' },
          ...choices.map((c) => ({
            value: c.id,
            label:
              c.teams.length > 0
                ? `${c.displayName} (${c.teams.map((t) => t.name).join(', ')})`
                : c.displayName,
          })),
        ]}
        error={p?.fields.userId}
      />
      <TextInput
        id="specialist-role"
        name="role"
        label="Role on this case"
        description="For example: debt specialist, housing solicitor"
        required
        error={p?.fields.role}
      />
      <TextInput
        id="specialist-hours"
        name="hours"
        type="number"
        step={0.25}
        min={0}
        max={1000}
        label="Hours allocated to them (optional)"
        error={p?.fields.hours}
      />
    </div>
  );
}

/**
 * Who works on the case and with how much time: owner, specialists, allocated hours and the
 * estimated effort (which the caseload forecast reads); a red case lacking resources says so.
 */
export function ResourcesSection({ api, data, changed }: SectionProps) {
  const { kase, resources } = data;
  const { check } = resources;
  return (
    <section id="resources" aria-labelledby="resources-heading" className="record-section">
      <h2 id="resources-heading" className="section-title">
        Resources
      </h2>
      {check.problems.length > 0 && (
        <div
          className="resources-warning"
          role="note"
          aria-label="Resources warning"
          data-testid="resources-warning"
        >
          <p className="resources-warning-title">Warning: this red case lacks resources</p>
          <ul>
            {check.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p>A red case needs an active owner, a next action with a due date, and time allocated to it.</p>
        </div>
      )}
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Owner</dt>
          <dd>
            {resources.owner.displayName}
            {resources.owner.active ? '' : ' (account disabled: reassign the case)'}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Allocated time</dt>
          <dd>
            {resources.allocatedHours === null ? 'None allocated' : hoursWords(resources.allocatedHours)}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Estimated effort</dt>
          <dd>
            {resources.estimatedEffortHours === null
              ? 'Not estimated'
              : `${hoursWords(resources.estimatedEffortHours)} of work still needed`}
          </dd>
        </div>
      </dl>
      {resources.yourAccess.contribute && (
        <InlineForm
          label="Change hours"
          submitLabel="Save hours"
          fieldIds={{ allocatedHours: 'res-allocated', estimatedEffortHours: 'res-effort' }}
          onSubmit={async (d) => {
            const body = parseOrThrow(
              updateResourcesRequestSchema.safeParse({
                allocatedHours: hoursOf(textOf(d, 'allocatedHours')),
                estimatedEffortHours: hoursOf(textOf(d, 'estimatedEffortHours')),
              }),
            );
            await priorityApi.setResources(api, kase.id, body);
          }}
          onDone={() => changed('Hours saved.')}
        >
          {(p) => (
            <div className="form-grid">
              <TextInput
                id="res-allocated"
                name="allocatedHours"
                type="number"
                step={0.25}
                min={0}
                max={1000}
                label="Allocated time (hours)"
                description="In quarter hours; leave empty for none"
                defaultValue={resources.allocatedHours ?? ''}
                error={p?.fields.allocatedHours}
              />
              <TextInput
                id="res-effort"
                name="estimatedEffortHours"
                type="number"
                step={0.25}
                min={0}
                max={1000}
                label="Estimated effort (hours)"
                description="Work still needed; the caseload forecast uses it"
                defaultValue={resources.estimatedEffortHours ?? ''}
                error={p?.fields.estimatedEffortHours}
              />
            </div>
          )}
        </InlineForm>
      )}
      <h3 className="subsection-title resources-specialists-title">Specialists</h3>
      {resources.specialists.length === 0 ? (
        <p className="empty-text">No specialists: the owner works on the case alone.</p>
      ) : (
        <ul className="record-list">
          {resources.specialists.map((s) => (
            <SpecialistItem
              key={s.id}
              specialist={s}
              api={api}
              changed={changed}
              canManage={resources.yourAccess.manage}
            />
          ))}
        </ul>
      )}
      {resources.yourAccess.manage && (
        <InlineForm
          label="Add a specialist"
          submitLabel="Add specialist"
          fieldIds={{ userId: 'specialist-user', role: 'specialist-role', hours: 'specialist-hours' }}
          onSubmit={async (d) => {
            const hours = hoursOf(textOf(d, 'hours'));
            const body = parseOrThrow(
              addSpecialistRequestSchema.safeParse({
                userId: textOf(d, 'userId'),
                role: textOf(d, 'role'),
                ...(hours === null ? {} : { hours }),
              }),
            );
            await priorityApi.addSpecialist(api, kase.id, body);
          }}
          onDone={() => changed('Specialist added; the case is shared with them.')}
        >
          {(p) => (
            <SpecialistFields
              api={api}
              caseId={kase.id}
              exclude={new Set([resources.owner.id, ...resources.specialists.map((s) => s.user.id)])}
              problem={p}
            />
          )}
        </InlineForm>
      )}
    </section>
  );
}
