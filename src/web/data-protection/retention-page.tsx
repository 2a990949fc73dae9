/**
 * Admins' and auditors' page: the monthly retention review (admins: approve destruction or extend
 * with a reason) and right-to-erasure requests (record; a different person approves or refuses).
 */
import { Button, Group, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import {
  caseErasureSchema,
  createErasureRequestSchema,
  erasureDecisionSchema,
  erasureRequestListSchema,
  erasureRequestSchema,
  extendRetentionRequestSchema,
  refuseErasureRequestSchema,
  retentionExtensionSchema,
  retentionReviewSchema,
} from '../../contract/retention.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

type DueCase = z.output<typeof retentionReviewSchema>['cases'][number];
type ErasureRequest = z.output<typeof erasureRequestSchema>;

const STATUS_WORDS = {
  pending: 'Waiting for a decision',
  approved: 'Approved: erased',
  refused: 'Refused',
} as const;

export function RetentionPage({ api, session }: { api: ApiClient; session: Session }) {
  const isAdmin = session.user.roles.includes('admin');
  const [message, setMessage] = useState('');
  return (
    <>
      <PageHeading>Retention and erasure</PageHeading>
      <p className="meta">
        Closed cases are kept for their case type’s retention period, then their personal data is erased. What
        is left is a record without personal details (reference, type, dates, outcome), so figures still add
        up.
      </p>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      {isAdmin && <RetentionReview api={api} announce={setMessage} />}
      <ErasureRequests api={api} session={session} announce={setMessage} />
    </>
  );
}

function RetentionReview({ api, announce }: { api: ApiClient; announce: (text: string) => void }) {
  const [month, setMonth] = useState('');
  const { loaded, reload } = useLoad(
    () =>
      api.get(
        `/api/retention/review${month ? `?month=${encodeURIComponent(month)}` : ''}`,
        retentionReviewSchema,
      ),
    `retention-review-${month}`,
  );
  const changed = (text: string) => {
    announce('');
    void reload().then(() => announce(text));
  };
  const choose = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setMonth(textOf(new FormData(event.currentTarget), 'month'));
  };
  return (
    <section className="record-section" aria-labelledby="retention-review-heading">
      <h2 id="retention-review-heading" className="section-title">
        Retention review
      </h2>
      <form onSubmit={choose} aria-label="Choose the review month">
        <Group align="flex-end">
          <TextInput
            id="retention-month"
            name="month"
            type="month"
            label="Month"
            description="Cases due for destruction by the end of this month (and earlier)"
            defaultValue={month}
          />
          <Button type="submit" variant="default">
            Show the month
          </Button>
        </Group>
      </form>
      {loaded.state === 'loading' && <PageLoading what="the retention review" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p>
            Due by {formatDate(loaded.data.until)}: {loaded.data.cases.length}{' '}
            {loaded.data.cases.length === 1 ? 'case' : 'cases'}.
          </p>
          {loaded.data.cases.length > 0 && (
            <ul className="plain-list" aria-label="Cases due for destruction">
              {loaded.data.cases.map((c) => (
                <li key={c.caseId}>
                  <DueCaseCard api={api} due={c} changed={changed} />
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function DueCaseCard({
  api,
  due: c,
  changed,
}: {
  api: ApiClient;
  due: DueCase;
  changed: (text: string) => void;
}) {
  const id = (f: string) => `retention-${c.caseId}-${f}`;
  return (
    <section className="record-section" aria-labelledby={id('heading')} data-testid="due-case">
      <h3 id={id('heading')} className="section-title">
        {c.reference}
      </h3>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Case type</dt>
          <dd>{c.caseTypeName}</dd>
        </div>
        <div className="detail-row">
          <dt>Closed</dt>
          <dd>{c.closedOn ? formatDate(c.closedOn) : 'Not recorded'}</dd>
        </div>
        <div className="detail-row">
          <dt>Due for destruction</dt>
          <dd>
            {formatDate(c.destructionDueOn)}
            {c.extensions > 0 ? ` (extended ${c.extensions === 1 ? 'once' : `${c.extensions} times`})` : ''}
          </dd>
        </div>
      </dl>
      <InlineForm
        label={`Keep ${c.reference} longer`}
        submitLabel="Extend"
        compact
        fieldIds={{ until: id('until'), reason: id('reason') }}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            extendRetentionRequestSchema.safeParse({
              until: textOf(d, 'until'),
              reason: textOf(d, 'reason'),
            }),
          );
          await api.post(
            `/api/retention/cases/${encodeURIComponent(c.caseId)}/extend`,
            retentionExtensionSchema,
            {
              body,
            },
          );
        }}
        onDone={() => changed(`${c.reference} is kept longer.`)}
      >
        {(p) => (
          <div className="form-grid">
            <TextInput
              id={id('until')}
              name="until"
              type="date"
              label="Keep until"
              required
              error={p?.fields.until}
            />
            <Textarea
              id={id('reason')}
              name="reason"
              label="Why it is kept longer"
              description="For example, a complaint or a claim still open"
              required
              autosize
              minRows={2}
              error={p?.fields.reason}
            />
          </div>
        )}
      </InlineForm>
      <InlineForm
        label={`Approve destruction of ${c.reference}`}
        submitLabel="Erase the case now"
        compact
        tone="danger"
        fieldIds={{}}
        onSubmit={async () => {
          await api.post(`/api/retention/cases/${encodeURIComponent(c.caseId)}/approve`, caseErasureSchema);
        }}
        onDone={() => changed(`${c.reference} has been erased; its record without personal details is kept.`)}
      >
        {() => (
          <p>
            This erases the case’s personal data — notes, documents, contacts — and cannot be undone. The
            client is erased too if this is their last case.
          </p>
        )}
      </InlineForm>
    </section>
  );
}

function ErasureRequests({
  api,
  session,
  announce,
}: {
  api: ApiClient;
  session: Session;
  announce: (text: string) => void;
}) {
  const { loaded, reload } = useLoad(
    () => api.get('/api/erasure-requests', erasureRequestListSchema),
    'erasure',
  );
  const changed = (text: string) => {
    announce('');
    void reload().then(() => announce(text));
  };
  return (
    <section className="record-section" aria-labelledby="erasure-heading">
      <h2 id="erasure-heading" className="section-title">
        Erasure requests
      </h2>
      <p className="meta">
        A client may ask for their data to be erased. Record the request; a different admin or auditor then
        approves or refuses it. Close the client’s open cases before approving.
      </p>
      <InlineForm
        label="Record an erasure request"
        submitLabel="Record the request"
        fieldIds={{ clientId: 'erasure-client', receivedOn: 'erasure-received', reason: 'erasure-reason' }}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            createErasureRequestSchema.safeParse({
              clientId: textOf(d, 'clientId'),
              receivedOn: textOf(d, 'receivedOn'),
              reason: textOf(d, 'reason'),
            }),
          );
          await api.post('/api/erasure-requests', erasureRequestSchema, { body });
        }}
        onDone={() => changed('Erasure request recorded.')}
      >
        {(p) => (
          <div className="form-grid">
            <TextInput
              id="erasure-client"
              name="clientId"
              label="Client id"
              description="The id at the end of the client’s record address"
              required
              error={p?.fields.clientId}
            />
            <TextInput
              id="erasure-received"
              name="receivedOn"
              type="date"
              label="Received on"
              required
              error={p?.fields.receivedOn}
            />
            <Textarea
              id="erasure-reason"
              name="reason"
              label="What the client asked for, and how"
              required
              autosize
              minRows={2}
              error={p?.fields.reason}
            />
          </div>
        )}
      </InlineForm>
      {loaded.state === 'loading' && <PageLoading what="the erasure requests" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' &&
        (loaded.data.erasureRequests.length === 0 ? (
          <p>No erasure requests recorded.</p>
        ) : (
          <ul className="plain-list" aria-label="Erasure requests">
            {loaded.data.erasureRequests.map((r) => (
              <li key={r.id}>
                <ErasureRequestCard
                  api={api}
                  request={r}
                  mine={r.recordedBy === session.user.id}
                  changed={changed}
                />
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

function ErasureRequestCard({
  api,
  request: r,
  mine,
  changed,
}: {
  api: ApiClient;
  request: ErasureRequest;
  mine: boolean;
  changed: (text: string) => void;
}) {
  const id = (f: string) => `erasure-${r.id}-${f}`;
  const who = r.clientName ?? 'Erased client';
  return (
    <section className="record-section" aria-labelledby={id('heading')} data-testid="erasure-request">
      <h3 id={id('heading')} className="section-title">
        {who}, received {formatDate(r.receivedOn)}
      </h3>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Status</dt>
          <dd>
            {STATUS_WORDS[r.status]}
            {r.decidedAt ? ` (${formatDateTime(r.decidedAt)})` : ''}
            {r.caseCount !== null ? `, ${r.caseCount} ${r.caseCount === 1 ? 'case' : 'cases'}` : ''}
          </dd>
        </div>
        <div className="detail-row">
          <dt>Request</dt>
          <dd>{r.reason}</dd>
        </div>
        {r.decisionReason && (
          <div className="detail-row">
            <dt>Why refused</dt>
            <dd>{r.decisionReason}</dd>
          </div>
        )}
      </dl>
      {r.status === 'pending' && mine && (
        <p className="meta">You recorded this request: a different admin or auditor decides it.</p>
      )}
      {r.status === 'pending' && !mine && (
        <Group>
          <InlineForm
            label={`Approve the request of ${who}`}
            submitLabel="Erase all the client’s data"
            compact
            tone="danger"
            fieldIds={{}}
            onSubmit={async () => {
              await api.post(
                `/api/erasure-requests/${encodeURIComponent(r.id)}/approve`,
                erasureDecisionSchema,
              );
            }}
            onDone={() => changed('The client’s data has been erased.')}
          >
            {() => <p>Every case of the client, then the client, is erased. This cannot be undone.</p>}
          </InlineForm>
          <InlineForm
            label={`Refuse the request of ${who}`}
            submitLabel="Refuse"
            compact
            fieldIds={{ reason: id('refuse-reason') }}
            onSubmit={async (d) => {
              const body = parseOrThrow(
                refuseErasureRequestSchema.safeParse({ reason: textOf(d, 'reason') }),
              );
              await api.post(
                `/api/erasure-requests/${encodeURIComponent(r.id)}/refuse`,
                erasureDecisionSchema,
                {
                  body,
                },
              );
            }}
            onDone={() => changed('Request refused.')}
          >
            {(p) => (
              <Textarea
                id={id('refuse-reason')}
                name="reason"
                label="Why it is refused"
                description="For example, the exemption that applies"
                required
                autosize
                minRows={2}
                error={p?.fields.reason}
              />
            )}
          </InlineForm>
        </Group>
      )}
    </section>
  );
}
