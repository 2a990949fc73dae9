/**
 * Corrective actions with their state in words ("Overdue by 3 days: it was due on 8 Dec 2026"),
 * who must do them, and — for the assignee — "Mark done", for a supervisor who is not the assignee
 * — "Verify". The server decides; the buttons only appear where they would be allowed.
 */
import { Textarea } from '@mantine/core';
import type { CorrectiveActionResponse } from '../../contract/file-reviews.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { InlineForm, textOf } from '../case/inline-form.tsx';
import { formatDateTime } from '../lib/format.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { fileReviewsApi } from './file-reviews-api.ts';

export interface CorrectiveActionListProps {
  api: ApiClient;
  session: Session;
  actions: readonly CorrectiveActionResponse[];
  /** Show the case and period of each action (the list page), or not (a review's own page). */
  withCase?: boolean;
  onChanged: (message: string) => void;
}

const TAG_CLASS: Record<CorrectiveActionResponse['state'], string> = {
  open: 'status-tag',
  overdue: 'status-tag status-overdue',
  'awaiting-verification': 'status-tag',
  verified: 'status-tag status-done',
};

export function CorrectiveActionList({
  api,
  session,
  actions,
  withCase,
  onChanged,
}: CorrectiveActionListProps) {
  if (actions.length === 0) return <p className="empty-text">No corrective actions.</p>;
  return (
    <ul className="record-list" data-testid="corrective-actions">
      {actions.map((a) => (
        <ActionItem
          key={a.id}
          api={api}
          session={session}
          action={a}
          withCase={withCase}
          onChanged={onChanged}
        />
      ))}
    </ul>
  );
}

function ActionItem({
  api,
  session,
  action: a,
  withCase,
  onChanged,
}: Omit<CorrectiveActionListProps, 'actions'> & { action: CorrectiveActionResponse }) {
  const mine = a.assignedTo.id === session.user.id;
  const mayVerify = session.user.roles.includes('supervisor') && !mine;
  return (
    <li className={a.state === 'overdue' ? 'record-item overdue' : 'record-item'}>
      <div className="item-head">
        <span className="item-title">{a.description}</span>
        <span className={TAG_CLASS[a.state]}>{a.stateLabel}</span>
      </div>
      <div className="meta">
        {withCase && (
          <>
            <a href={paths.fileReview(a.fileReviewId)} onClick={followLink} className="case-ref">
              {a.case.reference}
            </a>{' '}
            ({a.period}) ·{' '}
          </>
        )}
        {a.item && <>About “{a.item.label}” · </>}
        For {mine ? 'you' : a.assignedTo.displayName} · raised by {a.raisedBy.displayName}{' '}
        {formatDateTime(a.raisedAt)}
      </div>
      <p className="prose">{a.state === 'overdue' ? <strong>{a.stateWords}</strong> : a.stateWords}</p>
      {a.doneNote && <p className="prose">What was done: {a.doneNote}</p>}
      {a.verificationNote && (
        <p className="prose">
          Verified by {a.verifiedBy?.displayName}: {a.verificationNote}
        </p>
      )}
      {mine && (a.state === 'open' || a.state === 'overdue') && (
        <InlineForm
          compact
          label="Mark done"
          submitLabel="Mark done"
          fieldIds={{ note: `ca-done-${a.id}` }}
          onSubmit={async (d) => {
            await fileReviewsApi.markDone(api, a.id, textOf(d, 'note'));
          }}
          onDone={() => onChanged('Corrective action marked done; a supervisor will verify it.')}
        >
          {(p) => (
            <Textarea
              id={`ca-done-${a.id}`}
              name="note"
              label="What was done"
              required
              autosize
              minRows={2}
              error={p?.fields.note}
            />
          )}
        </InlineForm>
      )}
      {mayVerify && a.state === 'awaiting-verification' && (
        <InlineForm
          compact
          label="Verify"
          submitLabel="Verify"
          fieldIds={{ note: `ca-verify-${a.id}` }}
          onSubmit={async (d) => {
            await fileReviewsApi.verify(api, a.id, textOf(d, 'note'));
          }}
          onDone={() => onChanged('Corrective action verified.')}
        >
          {(p) => (
            <Textarea
              id={`ca-verify-${a.id}`}
              name="note"
              label="How you checked it was put right"
              required
              autosize
              minRows={2}
              error={p?.fields.note}
            />
          )}
        </InlineForm>
      )}
    </li>
  );
}
