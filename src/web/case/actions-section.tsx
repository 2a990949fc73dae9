import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type ActionResponse,
  completeActionRequestSchema,
  createActionRequestSchema,
} from '../../contract/actions.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { recordsApi } from '../records-api.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

/** Who is to do it, in words. */
export function ownerOf(action: Pick<ActionResponse, 'ownerKind' | 'ownerName'>): string {
  if (action.ownerKind === 'client') return 'the client';
  return action.ownerName ?? (action.ownerKind === 'third_party' ? 'a third party' : 'a practitioner');
}

function ActionItem({
  action,
  api,
  changed,
  canAdd,
}: { action: ActionResponse; canAdd: boolean } & Omit<SectionProps, 'data'>) {
  const state =
    action.status === 'open'
      ? action.overdue
        ? 'Overdue'
        : 'Open'
      : action.status === 'done'
        ? 'Done'
        : 'Cancelled';
  return (
    <li className={action.overdue ? 'record-item overdue' : 'record-item'}>
      <div className="item-head">
        <span className="item-title">{action.description}</span>
        <span className={`status-tag status-${action.overdue ? 'overdue' : action.status}`}>{state}</span>
      </div>
      <div className="meta">
        By {ownerOf(action)}
        {action.dueDate && (
          <>
            {' · '}
            {action.overdue ? (
              <strong>Was due {formatDate(action.dueDate)}</strong>
            ) : (
              `Due ${formatDate(action.dueDate)}`
            )}
          </>
        )}
        {action.completedAt &&
          ` · ${action.status === 'done' ? 'Done' : 'Cancelled'} ${formatDateTime(action.completedAt)}`}
        {action.reviewId && (
          <>
            {' · '}
            <a href={paths.review(action.reviewId)} onClick={followLink}>
              Agreed at a caseload review
            </a>
          </>
        )}
      </div>
      {action.result && <p className="prose">Result: {action.result}</p>}
      {action.cancellationReason && <p className="prose">Cancelled because: {action.cancellationReason}</p>}
      {action.status === 'open' && canAdd && (
        <InlineForm
          compact
          label="Mark done"
          submitLabel="Mark done"
          fieldIds={{ result: `action-result-${action.id}` }}
          onSubmit={async (d) => {
            const body = parseOrThrow(completeActionRequestSchema.safeParse({ result: textOf(d, 'result') }));
            await recordsApi.completeAction(api, action.id, body.result);
          }}
          onDone={() => changed('Action marked done.')}
        >
          {(p) => (
            <Textarea
              id={`action-result-${action.id}`}
              name="result"
              label="What came of it?"
              required
              autosize
              minRows={2}
              error={p?.fields.result}
            />
          )}
        </InlineForm>
      )}
    </li>
  );
}

/** Agreed next steps: who, by when; overdue ones say so in words. */
export function ActionsSection({ api, data, changed }: SectionProps) {
  const { kase, goals } = data;
  const canAdd = kase.yourAccess.contribute;
  const [ownerChoice, setOwnerChoice] = useState('practitioner');
  const overdue = data.actions.filter((a) => a.overdue).length;
  return (
    <section id="actions" aria-labelledby="actions-heading" className="record-section">
      <h2 id="actions-heading" className="section-title">
        Actions{overdue > 0 ? ` (${overdue} overdue)` : ''}
      </h2>
      {data.actions.length === 0 ? (
        <p className="empty-text">No actions yet.</p>
      ) : (
        <ul className="record-list">
          {data.actions.map((a) => (
            <ActionItem key={a.id} action={a} api={api} changed={changed} canAdd={canAdd} />
          ))}
        </ul>
      )}
      {canAdd && (
        <InlineForm
          label="Add an action"
          submitLabel="Add action"
          fieldIds={{
            description: 'action-description',
            ownerKind: 'action-owner',
            ownerName: 'action-owner-name',
            dueDate: 'action-due',
            goalId: 'action-goal',
          }}
          onSubmit={async (d) => {
            const kind = textOf(d, 'ownerKind');
            const due = textOf(d, 'dueDate');
            const goalId = textOf(d, 'goalId');
            const body = parseOrThrow(
              createActionRequestSchema.safeParse({
                description: textOf(d, 'description'),
                ownerKind: kind,
                ...(kind === 'practitioner' ? { ownerUserId: kase.owner.id } : {}),
                ...(kind === 'third_party' ? { ownerName: textOf(d, 'ownerName') } : {}),
                ...(due ? { dueDate: due } : {}),
                ...(goalId ? { goalId } : {}),
              }),
            );
            await recordsApi.addAction(api, kase.id, body);
          }}
          onDone={() => changed('Action added.')}
        >
          {(p) => (
            <div className="form-grid">
              <Textarea
                id="action-description"
                name="description"
                label="What is to be done"
                required
                autosize
                minRows={2}
                className="span-2"
                error={p?.fields.description}
              />
              <NativeSelect
                id="action-owner"
                name="ownerKind"
                label="Who does it"
                value={ownerChoice}
                onChange={(e) => setOwnerChoice(e.currentTarget.value)}
                data={[
                  { value: 'practitioner', label: `The case owner (${kase.owner.displayName})` },
                  { value: 'client', label: 'The client' },
                  { value: 'third_party', label: 'A third party' },
                ]}
                error={p?.fields.ownerKind ?? p?.fields.ownerUserId}
              />
              {ownerChoice === 'third_party' ? (
                <TextInput
                  id="action-owner-name"
                  name="ownerName"
                  label="Third party’s name"
                  description="For example: DWP, the landlord"
                  required
                  error={p?.fields.ownerName}
                />
              ) : (
                <div />
              )}
              <TextInput
                id="action-due"
                name="dueDate"
                type="date"
                label="Due date (optional)"
                error={p?.fields.dueDate}
              />
              {goals.length > 0 && (
                <NativeSelect
                  id="action-goal"
                  name="goalId"
                  label="Towards goal (optional)"
                  data={[
                    { value: '', label: 'No goal' },
                    ...goals.map((g) => ({ value: g.id, label: g.description })),
                  ]}
                  error={p?.fields.goalId}
                />
              )}
            </div>
          )}
        </InlineForm>
      )}
    </section>
  );
}
