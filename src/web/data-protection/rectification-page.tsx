/**
 * Admins' and auditors' page: rectification requests (UK GDPR article 16) — register what the person
 * says is wrong for a client found by name, see each request with its due date in words, and resolve
 * it as rectified (changing a detail of the client now, kept in their history linked to the request)
 * or refused with the reason; link the amendment note that corrects a case note.
 */
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  linkRectificationNoteSchema,
  type RectificationRequestResponse,
  rectificationRequestListSchema,
  rectificationRequestSchema,
  registerRectificationRequestSchema,
  resolveRectificationRequestSchema,
} from '../../contract/subject-access.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { ClientAndReceivedFields, ClientFinder, type FoundClient } from './subject-access-page.tsx';

const STATUS: Record<RectificationRequestResponse['status'], string> = {
  received: 'Received: not resolved yet',
  rectified: 'Rectified',
  refused: 'Refused',
};
/** The client details a rectification can change here (as PATCH /api/clients/{id}). */
const DETAILS = [
  { value: '', label: 'No detail to change here' },
  { value: 'legalName', label: 'Legal name' },
  { value: 'preferredName', label: 'Preferred name' },
  { value: 'pronouns', label: 'Pronouns' },
  { value: 'dateOfBirth', label: 'Date of birth (as 1980-05-17)' },
  { value: 'phone', label: 'Phone' },
  { value: 'email', label: 'Email' },
  { value: 'address', label: 'Address' },
] as const;
const FIELD_LABEL: Record<string, string> = Object.fromEntries(DETAILS.map((d) => [d.value, d.label]));
const _today = () => new Date().toLocaleDateString('en-CA');

export function RectificationPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(
    () => api.get('/api/rectification-requests', rectificationRequestListSchema),
    'rectification',
  );
  const [message, setMessage] = useState('');
  const changed = (text: string) => {
    setMessage('');
    void reload().then(() => setMessage(text));
  };
  return (
    <>
      <PageHeading>Rectification requests</PageHeading>
      <p className="meta">
        A person can ask for data about them that is wrong to be corrected. A response is due one calendar
        month after the request is received. Changes to the client’s details made here stay in their history
        with the request; case notes are never edited: the practitioner amends the note and you link the
        amendment here.
      </p>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      <RegisterForm api={api} changed={changed} />
      {loaded.state === 'loading' && <PageLoading what="the rectification requests" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' &&
        (loaded.data.requests.length === 0 ? (
          <p>No rectification requests recorded.</p>
        ) : (
          <ul className="plain-list" aria-label="Rectification requests">
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

function RegisterForm({ api, changed }: { api: ApiClient; changed: (text: string) => void }) {
  const [clients, setClients] = useState<FoundClient[]>([]);
  return (
    <section className="record-section" aria-labelledby="rect-register-heading">
      <h2 id="rect-register-heading" className="section-title">
        Register a request
      </h2>
      <ClientFinder api={api} onFound={setClients} inputId="rect-client-search" />
      <InlineForm
        label="Register a rectification request"
        submitLabel="Register the request"
        fieldIds={{
          clientId: 'rect-client',
          receivedOn: 'rect-received-on',
          what: 'rect-what',
          requestedChange: 'rect-requested-change',
        }}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            registerRectificationRequestSchema.safeParse({
              clientId: textOf(d, 'clientId'),
              receivedOn: textOf(d, 'receivedOn'),
              what: textOf(d, 'what'),
              requestedChange: textOf(d, 'requestedChange'),
            }),
          );
          await api.post('/api/rectification-requests', rectificationRequestSchema, { body });
        }}
        onDone={() => changed('Request registered.')}
      >
        {(p) => (
          <div className="form-grid">
            <ClientAndReceivedFields prefix="rect" clients={clients} problem={p} />
            <Textarea
              id="rect-what"
              name="what"
              label="What they say is wrong"
              required
              autosize
              minRows={2}
              error={p?.fields.what}
            />
            <Textarea
              id="rect-requested-change"
              name="requestedChange"
              label="The change they ask for"
              required
              autosize
              minRows={2}
              error={p?.fields.requestedChange}
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
  request: RectificationRequestResponse;
  changed: (text: string) => void;
}) {
  const headingId = `rect-${r.id}-heading`;
  const id = (f: string) => `rect-${r.id}-${f}`;
  const open = r.status === 'received';
  const valueFields = Object.fromEntries(
    DETAILS.filter((d) => d.value !== '').map((d) => [`changes.${d.value}`, id('value')]),
  );
  return (
    <section className="record-section" aria-labelledby={headingId} data-testid="rectification-request">
      <h2 id={headingId} className="section-title">
        {r.client.name}, received {formatDate(r.receivedOn)}
      </h2>
      {open && (
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
      )}
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Status</dt>
          <dd>{STATUS[r.status]}</dd>
        </div>
        <div className="detail-row">
          <dt>What is wrong</dt>
          <dd>{r.what}</dd>
        </div>
        <div className="detail-row">
          <dt>Change asked for</dt>
          <dd>{r.requestedChange}</dd>
        </div>
        {r.outcomeReason && (
          <div className="detail-row">
            <dt>{r.status === 'refused' ? 'Why refused' : 'What was done'}</dt>
            <dd>
              {r.outcomeReason}
              {r.resolvedBy && r.resolvedAt
                ? ` (${r.resolvedBy.displayName}, ${formatDate(r.resolvedAt.slice(0, 10))})`
                : ''}
            </dd>
          </div>
        )}
        <div className="detail-row">
          <dt>Details changed</dt>
          <dd>
            {r.fieldChanges.length === 0
              ? 'None linked'
              : r.fieldChanges
                  .map(
                    (c) =>
                      `${FIELD_LABEL[c.field] ?? c.field} by ${c.changedBy.displayName} on ${formatDate(c.changedAt.slice(0, 10))}`,
                  )
                  .join('; ')}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Amendment notes</dt>
          <dd>{r.amendmentNoteIds.length === 0 ? 'None linked' : `${r.amendmentNoteIds.length} linked`}</dd>
        </div>
      </dl>
      {open && (
        <InlineForm
          compact
          label="Resolve"
          submitLabel="Resolve the request"
          fieldIds={{
            outcome: id('outcome'),
            reason: id('reason'),
            changes: id('detail'),
            ...valueFields,
          }}
          onSubmit={async (d) => {
            const detail = textOf(d, 'detail');
            const value = textOf(d, 'value');
            const body = parseOrThrow(
              resolveRectificationRequestSchema.safeParse({
                outcome: textOf(d, 'outcome'),
                reason: textOf(d, 'reason'),
                ...(detail === ''
                  ? {}
                  : { changes: { [detail]: value === '' && detail !== 'legalName' ? null : value } }),
              }),
            );
            await api.post(`/api/rectification-requests/${r.id}/resolve`, rectificationRequestSchema, {
              body,
            });
          }}
          onDone={() => changed('Request resolved.')}
        >
          {(p) => (
            <div className="form-grid">
              <NativeSelect
                id={id('outcome')}
                name="outcome"
                label="Outcome"
                data={[
                  { value: 'rectified', label: 'Rectified: the data has been corrected' },
                  { value: 'refused', label: 'Refused: the data stays (give the reason)' },
                ]}
                error={p?.fields.outcome}
              />
              <Textarea
                id={id('reason')}
                name="reason"
                label="What was done, or why the data stays"
                required
                error={p?.fields.reason}
              />
              <NativeSelect
                id={id('detail')}
                name="detail"
                label="Client detail to correct now (if rectified)"
                data={DETAILS.map((x) => ({ value: x.value, label: x.label }))}
                error={p?.fields.changes}
              />
              <TextInput
                id={id('value')}
                name="value"
                label="Corrected value"
                description="Leave empty to clear the detail"
                error={DETAILS.map((x) => p?.fields[`changes.${x.value}`]).find(Boolean)}
              />
            </div>
          )}
        </InlineForm>
      )}
      <InlineForm
        compact
        label="Link an amendment note"
        submitLabel="Link the note"
        fieldIds={{ noteId: id('note-id') }}
        onSubmit={async (d) => {
          const body = parseOrThrow(linkRectificationNoteSchema.safeParse({ noteId: textOf(d, 'noteId') }));
          await api.post(`/api/rectification-requests/${r.id}/notes`, rectificationRequestSchema, { body });
        }}
        onDone={() => changed('Amendment note linked.')}
      >
        {(p) => (
          <TextInput
            id={id('note-id')}
            name="noteId"
            label="Amendment note id"
            description="The id after #note- in the amendment note’s address on the case page"
            required
            error={p?.fields.noteId}
          />
        )}
      </InlineForm>
    </section>
  );
}
