/**
 * Admins' and auditors' page: the breach log — each suspected breach with the 72-hour deadline for
 * reporting to the ICO (time left or overdue, in words), recording a new one, and recording the
 * decision whether to report, why, and when it was reported.
 */
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type BreachResponse,
  breachListSchema,
  breachSchema,
  recordBreachRequestSchema,
  updateBreachRequestSchema,
} from '../../contract/breaches.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDateTime, fromLocalInputValue, toLocalInputValue } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

const RISK_LEVELS = [
  { value: 'not-assessed', label: 'Not assessed yet' },
  { value: 'unlikely', label: 'Unlikely to result in a risk to people' },
  { value: 'risk', label: 'A risk to people' },
  { value: 'high-risk', label: 'A high risk to people (tell them too)' },
];
const DECISIONS = [
  { value: 'undecided', label: 'Not decided yet' },
  { value: 'report', label: 'Report to the ICO' },
  { value: 'do-not-report', label: 'Do not report to the ICO' },
];
const labelOf = (list: { value: string; label: string }[], value: string) =>
  list.find((o) => o.value === value)?.label ?? value;

const listOf = (text: string) =>
  text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
const countOf = (text: string): number | string | null =>
  text === '' ? null : /^\d+$/.test(text) ? Number(text) : text;
const instantOf = (text: string) => (text === '' ? null : (fromLocalInputValue(text) ?? text));

export function BreachesPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(() => api.get('/api/breaches', breachListSchema), 'breaches');
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage('');
    void reload().then(() => setMessage(text));
  };
  return (
    <>
      <PageHeading>Breach log</PageHeading>
      <p className="meta">
        Record every suspected personal data breach. A breach likely to put people at risk must be reported to
        the ICO within 72 hours of discovering it; record the decision either way and why.
      </p>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      <RecordBreachForm api={api} changed={changed} />
      {loaded.state === 'loading' && <PageLoading what="the breach log" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' &&
        (loaded.data.breaches.length === 0 ? (
          <p>No breaches recorded.</p>
        ) : (
          <ul className="plain-list" aria-label="Breaches">
            {loaded.data.breaches.map((b) => (
              <li key={b.id}>
                <BreachCard api={api} breach={b} changed={changed} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

function RecordBreachForm({ api, changed }: { api: ApiClient; changed: (text: string) => void }) {
  return (
    <InlineForm
      label="Record a breach"
      submitLabel="Record the breach"
      fieldIds={{
        discoveredAt: 'breach-discovered-at',
        whatHappened: 'breach-what-happened',
        peopleAffected: 'breach-people-affected',
        dataCategories: 'breach-data-categories',
        containment: 'breach-containment',
        riskLevel: 'breach-risk-level',
      }}
      onSubmit={async (d) => {
        const body = parseOrThrow(
          recordBreachRequestSchema.safeParse({
            discoveredAt: instantOf(textOf(d, 'discoveredAt')) ?? '',
            whatHappened: textOf(d, 'whatHappened'),
            peopleAffected: countOf(textOf(d, 'peopleAffected')),
            dataCategories: listOf(textOf(d, 'dataCategories')),
            peopleCategories: listOf(textOf(d, 'peopleCategories')),
            containment: textOf(d, 'containment'),
            riskLevel: textOf(d, 'riskLevel'),
          }),
        );
        await api.post('/api/breaches', breachSchema, { body });
      }}
      onDone={() => changed('Breach recorded.')}
    >
      {(p) => (
        <div className="form-grid">
          <TextInput
            id="breach-discovered-at"
            name="discoveredAt"
            type="datetime-local"
            label="When it was discovered"
            description="The 72 hours run from when you became aware of it"
            defaultValue={toLocalInputValue(new Date())}
            required
            error={p?.fields.discoveredAt}
          />
          <Textarea
            id="breach-what-happened"
            name="whatHappened"
            label="What happened"
            description="No client names are needed"
            required
            autosize
            minRows={3}
            error={p?.fields.whatHappened}
          />
          <TextInput
            id="breach-people-affected"
            name="peopleAffected"
            label="How many people are affected (roughly)"
            inputMode="numeric"
            error={p?.fields.peopleAffected}
          />
          <TextInput
            id="breach-people-categories"
            name="peopleCategories"
            label="Who they are (optional)"
            description="Separate with commas, e.g. clients, staff"
            error={p?.fields.peopleCategories}
          />
          <TextInput
            id="breach-data-categories"
            name="dataCategories"
            label="What data (optional)"
            description="Separate with commas, e.g. contact details, health"
            error={p?.fields.dataCategories}
          />
          <Textarea
            id="breach-containment"
            name="containment"
            label="Containment so far (optional)"
            autosize
            minRows={2}
            error={p?.fields.containment}
          />
          <NativeSelect
            id="breach-risk-level"
            name="riskLevel"
            label="Risk to people"
            data={RISK_LEVELS}
            error={p?.fields.riskLevel}
          />
        </div>
      )}
    </InlineForm>
  );
}

function BreachCard({
  api,
  breach: b,
  changed,
}: {
  api: ApiClient;
  breach: BreachResponse;
  changed: (text: string) => void;
}) {
  const headingId = `breach-${b.id}-heading`;
  const urgent = b.deadline.state === 'due' || b.deadline.state === 'overdue';
  return (
    <section className="record-section" aria-labelledby={headingId} data-testid="breach">
      <h2 id={headingId} className="section-title">
        Discovered {formatDateTime(b.discoveredAt)}
      </h2>
      <p className={urgent ? 'callout callout-warning callout-text' : 'callout callout-info callout-text'}>
        <strong>{b.deadline.state === 'overdue' ? 'Overdue: ' : urgent ? 'Deadline: ' : ''}</strong>
        {b.deadline.words}
      </p>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>What happened</dt>
          <dd>{b.whatHappened}</dd>
        </div>
        <div className="detail-row">
          <dt>People affected</dt>
          <dd>
            {b.peopleAffected ?? 'Not known yet'}
            {b.peopleCategories.length > 0 ? ` (${b.peopleCategories.join(', ')})` : ''}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Data</dt>
          <dd>{b.dataCategories.join(', ') || 'Not recorded'}</dd>
        </div>
        <div className="detail-row">
          <dt>Containment</dt>
          <dd>{b.containment ?? 'Not recorded'}</dd>
        </div>
        <div className="detail-row">
          <dt>Risk</dt>
          <dd>{labelOf(RISK_LEVELS, b.riskLevel)}</dd>
        </div>
        <div className="detail-row">
          <dt>Decision</dt>
          <dd>
            {labelOf(DECISIONS, b.reportDecision)}
            {b.decisionReason ? `: ${b.decisionReason}` : ''}
            {b.decidedBy && b.decidedAt
              ? ` (${b.decidedBy.displayName}, ${formatDateTime(b.decidedAt)})`
              : ''}
          </dd>
        </div>
        {b.reportedAt && (
          <div className="detail-row">
            <dt>Reported to the ICO</dt>
            <dd>
              {formatDateTime(b.reportedAt)}
              {b.icoReference ? `, reference ${b.icoReference}` : ''}
            </dd>
          </div>
        )}
        <div className="detail-row">
          <dt>People affected told</dt>
          <dd>{b.individualsInformedAt ? formatDateTime(b.individualsInformedAt) : 'Not yet'}</dd>
        </div>
      </dl>
      <DecisionForm api={api} breach={b} changed={changed} />
    </section>
  );
}

function DecisionForm({
  api,
  breach: b,
  changed,
}: {
  api: ApiClient;
  breach: BreachResponse;
  changed: (text: string) => void;
}) {
  const id = (f: string) => `breach-${b.id}-${f}`;
  return (
    <InlineForm
      label="Record the decision"
      submitLabel="Save the decision"
      fieldIds={{
        reportDecision: id('decision'),
        decisionReason: id('reason'),
        reportedAt: id('reported-at'),
        icoReference: id('ico-reference'),
        individualsInformedAt: id('informed-at'),
      }}
      onSubmit={async (d) => {
        const body = parseOrThrow(
          updateBreachRequestSchema.safeParse({
            reportDecision: textOf(d, 'reportDecision'),
            decisionReason: textOf(d, 'decisionReason'),
            reportedAt: instantOf(textOf(d, 'reportedAt')),
            icoReference: textOf(d, 'icoReference'),
            individualsInformedAt: instantOf(textOf(d, 'individualsInformedAt')),
          }),
        );
        await api.patch(`/api/breaches/${encodeURIComponent(b.id)}`, breachSchema, { body });
      }}
      onDone={() => changed('Decision saved.')}
    >
      {(p) => (
        <div className="form-grid">
          <NativeSelect
            id={id('decision')}
            name="reportDecision"
            label="Report to the ICO?"
            data={DECISIONS}
            defaultValue={b.reportDecision}
            error={p?.fields.reportDecision}
          />
          <Textarea
            id={id('reason')}
            name="decisionReason"
            label="Why"
            description="Required once decided, either way"
            defaultValue={b.decisionReason ?? ''}
            autosize
            minRows={2}
            error={p?.fields.decisionReason}
          />
          <TextInput
            id={id('reported-at')}
            name="reportedAt"
            type="datetime-local"
            label="When it was reported to the ICO (if reported)"
            defaultValue={b.reportedAt ? toLocalInputValue(new Date(b.reportedAt)) : ''}
            error={p?.fields.reportedAt}
          />
          <TextInput
            id={id('ico-reference')}
            name="icoReference"
            label="ICO reference (optional)"
            defaultValue={b.icoReference ?? ''}
            error={p?.fields.icoReference}
          />
          <TextInput
            id={id('informed-at')}
            name="individualsInformedAt"
            type="datetime-local"
            label="When the people affected were told (if told)"
            defaultValue={b.individualsInformedAt ? toLocalInputValue(new Date(b.individualsInformedAt)) : ''}
            error={p?.fields.individualsInformedAt}
          />
        </div>
      )}
    </InlineForm>
  );
}
