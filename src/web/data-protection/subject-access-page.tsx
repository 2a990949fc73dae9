/**
 * Admins' and auditors' page: the subject access register — each request with its due date in words
 * (one calendar month, ICO rule), the export (ZIP for review before release), the restricted-notes
 * decision, extension and closing; and registering a new request for a client found by name.
 */
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Button, Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import {
  completeSubjectAccessRequestSchema,
  dataProtectionClientLookupSchema,
  extendSubjectAccessRequestSchema,
  registerSubjectAccessRequestSchema,
  restrictedNotesDecisionSchema,
  type SubjectAccessRequestResponse,
  subjectAccessRequestListSchema,
  subjectAccessRequestSchema,
} from '../../contract/subject-access.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

export type FoundClient = z.output<typeof dataProtectionClientLookupSchema>['clients'][number];
const STATUS: Record<SubjectAccessRequestResponse['status'], string> = {
  received: 'Received',
  'in-progress': 'In progress',
  extended: 'Extended',
  completed: 'Completed',
  refused: 'Refused',
};
const today = () => new Date().toLocaleDateString('en-CA');
export const clientOption = (c: FoundClient) => ({
  value: c.id,
  label: `${c.legalName}${c.dateOfBirth ? `, born ${formatDate(c.dateOfBirth)}` : ''}${c.caseReferences.length ? ` (${c.caseReferences.join(', ')})` : ''}`,
});

/**
 * The first two fields of every data-protection request form: the client (found with ClientFinder)
 * and the day the request was received. `prefix` keeps the ids of the two forms apart.
 */
export function ClientAndReceivedFields({
  prefix,
  clients,
  problem,
}: {
  prefix: string;
  clients: readonly FoundClient[];
  problem: { fields: Record<string, string> } | null | undefined;
}) {
  return (
    <>
      <NativeSelect
        id={`${prefix}-client`}
        name="clientId"
        label="Client"
        description="Find the client above first"
        data={[
          { value: '', label: clients.length ? 'Choose the client' : 'No client found yet' },
          ...clients.map(clientOption),
        ]}
        error={problem?.fields.clientId}
      />
      <TextInput
        id={`${prefix}-received-on`}
        name="receivedOn"
        type="date"
        label="Date received"
        defaultValue={today()}
        required
        error={problem?.fields.receivedOn}
      />
    </>
  );
}
const optional = (v: string) => (v === '' ? undefined : v);

export function SubjectAccessPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(
    () => api.get('/api/subject-access-requests', subjectAccessRequestListSchema),
    'subject-access',
  );
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage('');
    void reload().then(() => setMessage(text));
  };
  return (
    <>
      <PageHeading>Subject access requests</PageHeading>
      <p className="meta">
        A response is due one calendar month after the request is received (the last day of the next month
        when it is shorter; the next working day after a weekend or bank holiday). The export flags text that
        names other people and leaves restricted notes out until you record a decision: what to release is
        your organisation’s decision.
      </p>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      <RegisterForm api={api} changed={changed} />
      {loaded.state === 'loading' && <PageLoading what="the register" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' &&
        (loaded.data.requests.length === 0 ? (
          <p>No subject access requests recorded.</p>
        ) : (
          <ul className="plain-list" aria-label="Subject access requests">
            {loaded.data.requests.map((r) => (
              <li key={r.id}>
                <RequestCard api={api} request={r} changed={changed} />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}

/** Finds a client among every client of the organisation (the DPO's lookup, audited with the count). */
export function ClientFinder({
  api,
  onFound,
  inputId = 'sar-client-search',
}: {
  api: ApiClient;
  onFound: (clients: FoundClient[]) => void;
  inputId?: string;
}) {
  const [q, setQ] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [found, setFound] = useState<string>('');
  const search = async (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    try {
      const res = await api.get(
        `/api/subject-access-requests/client-lookup?q=${encodeURIComponent(q)}`,
        dataProtectionClientLookupSchema,
      );
      onFound(res.clients);
      setFound(res.clients.length === 0 ? 'No client found.' : `${res.clients.length} found: choose below.`);
    } catch (err) {
      setError((err as { problem?: { detail?: string } }).problem?.detail ?? 'The search failed.');
    }
  };
  return (
    <form aria-label="Client search" onSubmit={search} className="form-grid">
      <TextInput
        id={inputId}
        label="Find the client"
        description="Part of a name, or a date of birth as 1980-05-17"
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        error={error}
      />
      <div>
        <Button type="submit" variant="default">
          Find
        </Button>
        <span role="status" className="meta">
          {' '}
          {found}
        </span>
      </div>
    </form>
  );
}

function RegisterForm({ api, changed }: { api: ApiClient; changed: (text: string) => void }) {
  const [clients, setClients] = useState<FoundClient[]>([]);
  return (
    <section className="record-section" aria-labelledby="sar-register-heading">
      <h2 id="sar-register-heading" className="section-title">
        Register a request
      </h2>
      <ClientFinder api={api} onFound={setClients} />
      <InlineForm
        label="Register a subject access request"
        submitLabel="Register the request"
        fieldIds={{
          clientId: 'sar-client',
          receivedOn: 'sar-received-on',
          'requester.name': 'sar-rep-name',
          'requester.authority': 'sar-rep-authority',
          identityEvidence: 'sar-identity-evidence',
          notes: 'sar-notes',
        }}
        onSubmit={async (d) => {
          const representative = textOf(d, 'requesterKind') === 'representative';
          const body = parseOrThrow(
            registerSubjectAccessRequestSchema.safeParse({
              clientId: textOf(d, 'clientId'),
              receivedOn: textOf(d, 'receivedOn'),
              requester: representative
                ? { kind: 'representative', name: textOf(d, 'repName'), authority: textOf(d, 'repAuthority') }
                : { kind: 'client' },
              identityVerified: d.get('identityVerified') === 'on',
              identityEvidence: optional(textOf(d, 'identityEvidence')),
              notes: optional(textOf(d, 'notes')),
            }),
          );
          await api.post('/api/subject-access-requests', subjectAccessRequestSchema, { body });
        }}
        onDone={() => changed('Request registered.')}
      >
        {(p) => (
          <div className="form-grid">
            <ClientAndReceivedFields prefix="sar" clients={clients} problem={p} />
            <NativeSelect
              id="sar-requester"
              name="requesterKind"
              label="Who asked"
              data={[
                { value: 'client', label: 'The client' },
                { value: 'representative', label: 'A representative with the client’s authority' },
              ]}
            />
            <TextInput
              id="sar-rep-name"
              name="repName"
              label="Representative’s name (if a representative asked)"
              error={p?.fields['requester.name']}
            />
            <TextInput
              id="sar-rep-authority"
              name="repAuthority"
              label="Their authority (if a representative asked)"
              description="E.g. signed authority dated 1 Nov 2026, lasting power of attorney"
              error={p?.fields['requester.authority']}
            />
            <Checkbox id="sar-identity-verified" name="identityVerified" label="Identity checked" />
            <TextInput
              id="sar-identity-evidence"
              name="identityEvidence"
              label="Identity evidence seen (needed when checked)"
              error={p?.fields.identityEvidence}
            />
            <Textarea
              id="sar-notes"
              name="notes"
              label="Notes (optional)"
              autosize
              minRows={2}
              error={p?.fields.notes}
            />
          </div>
        )}
      </InlineForm>
    </section>
  );
}

function RequestCard({
  api,
  request: r,
  changed,
}: {
  api: ApiClient;
  request: SubjectAccessRequestResponse;
  changed: (text: string) => void;
}) {
  const headingId = `sar-${r.id}-heading`;
  const open = r.status !== 'completed' && r.status !== 'refused';
  const id = (f: string) => `sar-${r.id}-${f}`;
  return (
    <section className="record-section" aria-labelledby={headingId} data-testid="subject-access-request">
      <h2 id={headingId} className="section-title">
        {r.client.name}, received {formatDate(r.receivedOn)}
      </h2>
      <p
        className={
          r.due.state === 'overdue' || r.due.state === 'due-today'
            ? 'callout callout-warning callout-text'
            : 'callout callout-info callout-text'
        }
      >
        <strong>{r.due.state === 'overdue' ? 'Overdue: ' : ''}</strong>
        {r.due.words}
      </p>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Status</dt>
          <dd>{STATUS[r.status]}</dd>
        </div>
        <div className="detail-row">
          <dt>Asked by</dt>
          <dd>
            {r.requester.kind === 'client' ? 'The client' : `${r.requester.name} (${r.requester.authority})`}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Identity</dt>
          <dd>{r.identityVerified ? `Checked: ${r.identityEvidence ?? ''}` : 'Not checked yet'}</dd>
        </div>
        {r.extension && (
          <div className="detail-row">
            <dt>Extended</dt>
            <dd>
              To {formatDate(r.extension.dueOn)}: {r.extension.reason}
            </dd>
          </div>
        )}
        <div className="detail-row">
          <dt>Restricted notes</dt>
          <dd>
            {r.restrictedNotesDecision
              ? `${r.restrictedNotesDecision.include ? 'Included' : 'Withheld'}: ${r.restrictedNotesDecision.reason}`
              : 'Withheld until you record a decision'}
          </dd>
        </div>
        {r.closedOn && (
          <div className="detail-row">
            <dt>Closed</dt>
            <dd>
              {formatDate(r.closedOn)}
              {r.closureReason ? `: ${r.closureReason}` : ''}
            </dd>
          </div>
        )}
      </dl>
      <p>
        <a href={`/api/subject-access-requests/${r.id}/export`} download>
          Download the export for {r.client.name} (ZIP: data, readable report, redaction review, documents)
        </a>
      </p>
      {open && (
        <>
          <InlineForm
            compact
            label="Decide about restricted notes"
            submitLabel="Record the decision"
            fieldIds={{ reason: id('decision-reason') }}
            onSubmit={async (d) => {
              const body = parseOrThrow(
                restrictedNotesDecisionSchema.safeParse({
                  include: textOf(d, 'include') === 'yes',
                  reason: textOf(d, 'reason'),
                }),
              );
              await api.post(
                `/api/subject-access-requests/${r.id}/restricted-notes-decision`,
                subjectAccessRequestSchema,
                {
                  body,
                },
              );
            }}
            onDone={() => changed('Decision recorded.')}
          >
            {(p) => (
              <div className="form-grid">
                <NativeSelect
                  id={id('include')}
                  name="include"
                  label="Restricted notes in the export"
                  data={[
                    { value: 'no', label: 'Leave them out' },
                    { value: 'yes', label: 'Include them' },
                  ]}
                />
                <Textarea
                  id={id('decision-reason')}
                  name="reason"
                  label="Why"
                  required
                  error={p?.fields.reason}
                />
              </div>
            )}
          </InlineForm>
          {!r.extension && (
            <InlineForm
              compact
              label="Extend"
              submitLabel="Extend the time"
              fieldIds={{ reason: id('extend-reason'), noticeSentOn: id('notice-sent-on') }}
              onSubmit={async (d) => {
                const body = parseOrThrow(
                  extendSubjectAccessRequestSchema.safeParse({
                    reason: textOf(d, 'reason'),
                    noticeSentOn: textOf(d, 'noticeSentOn'),
                  }),
                );
                await api.post(`/api/subject-access-requests/${r.id}/extend`, subjectAccessRequestSchema, {
                  body,
                });
              }}
              onDone={() => changed('Request extended.')}
            >
              {(p) => (
                <div className="form-grid">
                  <Textarea
                    id={id('extend-reason')}
                    name="reason"
                    label="Why it needs longer"
                    required
                    error={p?.fields.reason}
                  />
                  <TextInput
                    id={id('notice-sent-on')}
                    name="noticeSentOn"
                    type="date"
                    label="Date the requester was told"
                    description="Within the first month"
                    defaultValue={today()}
                    required
                    error={p?.fields.noticeSentOn}
                  />
                </div>
              )}
            </InlineForm>
          )}
          <InlineForm
            compact
            label="Close"
            submitLabel="Close the request"
            fieldIds={{ on: id('closed-on'), reason: id('close-reason') }}
            onSubmit={async (d) => {
              const body = parseOrThrow(
                completeSubjectAccessRequestSchema.safeParse({
                  outcome: textOf(d, 'outcome'),
                  on: textOf(d, 'on'),
                  reason: optional(textOf(d, 'reason')),
                }),
              );
              await api.post(`/api/subject-access-requests/${r.id}/complete`, subjectAccessRequestSchema, {
                body,
              });
            }}
            onDone={() => changed('Request closed.')}
          >
            {(p) => (
              <div className="form-grid">
                <NativeSelect
                  id={id('outcome')}
                  name="outcome"
                  label="Outcome"
                  data={[
                    { value: 'completed', label: 'Completed: the response was sent' },
                    { value: 'refused', label: 'Refused (give the reason)' },
                  ]}
                />
                <TextInput
                  id={id('closed-on')}
                  name="on"
                  type="date"
                  label="Date"
                  defaultValue={today()}
                  required
                  error={p?.fields.on}
                />
                <Textarea
                  id={id('close-reason')}
                  name="reason"
                  label="Reason (needed when refused)"
                  error={p?.fields.reason}
                />
              </div>
            )}
          </InlineForm>
        </>
      )}
    </section>
  );
}
