import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import '../exchange/exchange.css';
import { Checkbox, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  createOutcomeTypeRequestSchema,
  type OutcomeTypeResponse,
  updateOutcomeTypeRequestSchema,
} from '../../contract/outcomes.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { exchangeApi } from '../exchange/exchange-api.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

const positionOf = (text: string): number | undefined => (text === '' ? undefined : Number(text));

function EditOutcome({
  outcome: o,
  api,
  done,
}: {
  outcome: OutcomeTypeResponse;
  api: ApiClient;
  done: (m: string) => void;
}) {
  const ids = {
    label: `ot-${o.id}-label`,
    positive: `ot-${o.id}-positive`,
    active: `ot-${o.id}-active`,
    sortOrder: `ot-${o.id}-order`,
  };
  return (
    <InlineForm
      compact
      label={`Change “${o.label}”`}
      submitLabel="Save"
      fieldIds={ids}
      onSubmit={async (d) => {
        const body = parseOrThrow(
          updateOutcomeTypeRequestSchema.safeParse({
            label: textOf(d, 'label'),
            positive: d.get('positive') === 'yes',
            active: d.get('active') === 'yes',
            sortOrder: positionOf(textOf(d, 'sortOrder')),
          }),
        );
        await exchangeApi.updateOutcomeType(api, o.id, body);
      }}
      onDone={() => done(`“${o.label}” saved.`)}
    >
      {(p) => (
        <div className="form-grid">
          <TextInput
            id={ids.label}
            name="label"
            label="Label"
            defaultValue={o.label}
            required
            error={p?.fields.label}
          />
          <TextInput
            id={ids.sortOrder}
            name="sortOrder"
            type="number"
            min={0}
            label="Position in the list"
            defaultValue={o.sortOrder}
            error={p?.fields.sortOrder}
          />
          <Checkbox
            id={ids.positive}
            name="positive"
            value="yes"
            defaultChecked={o.positive}
            label="Counts as a positive outcome"
            error={p?.fields.positive}
          />
          <Checkbox
            id={ids.active}
            name="active"
            value="yes"
            defaultChecked={o.active}
            label="In use (offered when closing a case)"
            error={p?.fields.active}
          />
        </div>
      )}
    </InlineForm>
  );
}

/**
 * Administrators' page: the organisation's outcome list — what a closed case names (resolved,
 * partly resolved, referred on…). Outcomes are never deleted and their keys never change; one
 * taken out of use is no longer offered, and closed cases keep theirs.
 */
export function OutcomeTypesPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(() => exchangeApi.outcomeTypes(api, true), 'outcome-types');
  const [message, setMessage] = useState('');
  const done = (text: string) => {
    setMessage('');
    void reload().then(() => setMessage(text));
  };
  return (
    <>
      <PageHeading>Outcome list</PageHeading>
      <p className="section-hint">
        Closing a case needs one of these outcomes. Outcomes that count as positive add up as “closed with a
        positive outcome” in the outcome report. The key of an outcome never changes: reports and closed cases
        refer to it.
      </p>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      {loaded.state === 'loading' && <PageLoading what="the outcome list" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <ul className="record-list" data-testid="outcome-types">
          {loaded.data.outcomeTypes.map((o) => (
            <li key={o.id} className="record-item">
              <div className="item-head">
                <span className="item-title">{o.label}</span>
                <span className="status-tag">{o.active ? 'In use' : 'Not in use'}</span>
              </div>
              <div className="meta">
                Key {o.key} · position {o.sortOrder} ·{' '}
                {o.positive ? 'positive outcome' : 'not counted as positive'}
              </div>
              <EditOutcome outcome={o} api={api} done={done} />
            </li>
          ))}
        </ul>
      )}
      <InlineForm
        label="Add an outcome"
        submitLabel="Add outcome"
        fieldIds={{ key: 'ot-new-key', label: 'ot-new-label', positive: 'ot-new-positive' }}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            createOutcomeTypeRequestSchema.safeParse({
              key: textOf(d, 'key'),
              label: textOf(d, 'label'),
              positive: d.get('positive') === 'yes',
            }),
          );
          await exchangeApi.addOutcomeType(api, body);
        }}
        onDone={() => done('Outcome added.')}
      >
        {(p) => (
          <div className="form-grid">
            <TextInput
              id="ot-new-label"
              name="label"
              label="Label"
              description="For example: Debt relief order granted"
              required
              error={p?.fields.label}
            />
            <TextInput
              id="ot-new-key"
              name="key"
              label="Key"
              description="Lower-case letters, digits and hyphens, e.g. debt-relief-order; it never changes"
              required
              error={p?.fields.key}
            />
            <Checkbox
              id="ot-new-positive"
              name="positive"
              value="yes"
              label="Counts as a positive outcome"
              error={p?.fields.positive}
            />
          </div>
        )}
      </InlineForm>
    </>
  );
}
