import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import {
  createGoalRequestSchema,
  type GoalResponse,
  goalProgressRequestSchema,
  goalResultRequestSchema,
} from '../../contract/goals.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { GOAL_STATUS_LABELS, labelOf } from '../lib/labels.ts';
import { recordsApi } from '../records-api.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

const RESULT_OPTIONS = [
  { value: 'achieved', label: 'Achieved' },
  { value: 'partly_achieved', label: 'Partly achieved' },
  { value: 'not_achieved', label: 'Not achieved' },
  { value: 'withdrawn', label: 'Withdrawn' },
];

function GoalItem({
  goal,
  api,
  changed,
  canAdd,
}: { goal: GoalResponse; canAdd: boolean } & Omit<SectionProps, 'data'>) {
  const active = goal.status === 'active';
  return (
    <li className="record-item">
      <div className="item-head">
        <span className="item-title">{goal.description}</span>
        <span className={`status-tag status-${goal.status}`}>{labelOf(GOAL_STATUS_LABELS, goal.status)}</span>
      </div>
      <div className="meta">
        {goal.measure && <>Measure: {goal.measure}. </>}
        {goal.targetDate && <>Target: {formatDate(goal.targetDate)}.</>}
      </div>
      {goal.resultNote && <p className="prose">Result: {goal.resultNote}</p>}
      {goal.progress.length > 0 && (
        <ol className="progress-list" aria-label={`Progress on: ${goal.description}`}>
          {goal.progress.map((p) => (
            <li key={p.id}>
              <span className="meta">
                {formatDateTime(p.recordedAt)}, {p.recordedByName}:
              </span>{' '}
              {p.text}
            </li>
          ))}
        </ol>
      )}
      {active && canAdd && (
        <div className="item-actions">
          <InlineForm
            compact
            label="Add progress"
            submitLabel="Add progress"
            fieldIds={{ text: `goal-progress-${goal.id}` }}
            onSubmit={async (d) => {
              const body = parseOrThrow(goalProgressRequestSchema.safeParse({ text: textOf(d, 'text') }));
              await recordsApi.goalProgress(api, goal.id, body.text);
            }}
            onDone={() => changed('Progress added.')}
          >
            {(p) => (
              <Textarea
                id={`goal-progress-${goal.id}`}
                name="text"
                label="What has moved towards the goal (or not)?"
                required
                autosize
                minRows={2}
                error={p?.fields.text}
              />
            )}
          </InlineForm>
          <InlineForm
            compact
            label="Record the result"
            submitLabel="Record result"
            fieldIds={{ status: `goal-result-${goal.id}`, note: `goal-result-note-${goal.id}` }}
            onSubmit={async (d) => {
              const body = parseOrThrow(
                goalResultRequestSchema.safeParse({ status: textOf(d, 'status'), note: textOf(d, 'note') }),
              );
              await recordsApi.goalResult(api, goal.id, body);
            }}
            onDone={() => changed('Goal result recorded.')}
          >
            {(p) => (
              <>
                <NativeSelect
                  id={`goal-result-${goal.id}`}
                  name="status"
                  label="Result"
                  data={RESULT_OPTIONS}
                  error={p?.fields.status}
                />
                <Textarea
                  id={`goal-result-note-${goal.id}`}
                  name="note"
                  label="What does the result rest on?"
                  description="For example: award letter of 3 March"
                  required
                  autosize
                  minRows={2}
                  mt="xs"
                  error={p?.fields.note}
                />
              </>
            )}
          </InlineForm>
        </div>
      )}
    </li>
  );
}

/** SMART goals agreed with the client, their progress and result. */
export function GoalsSection({ api, data, changed }: SectionProps) {
  const canAdd = data.kase.yourAccess.contribute;
  return (
    <section id="goals" aria-labelledby="goals-heading" className="record-section">
      <h2 id="goals-heading" className="section-title">
        Goals
      </h2>
      {data.goals.length === 0 ? (
        <p className="empty-text">No goals agreed yet.</p>
      ) : (
        <ul className="record-list">
          {data.goals.map((g) => (
            <GoalItem key={g.id} goal={g} api={api} changed={changed} canAdd={canAdd} />
          ))}
        </ul>
      )}
      {canAdd && (
        <InlineForm
          label="Add a goal"
          submitLabel="Add goal"
          fieldIds={{ description: 'goal-description', measure: 'goal-measure', targetDate: 'goal-target' }}
          onSubmit={async (d) => {
            const body = parseOrThrow(
              createGoalRequestSchema.safeParse({
                description: textOf(d, 'description'),
                measure: textOf(d, 'measure'),
                targetDate: textOf(d, 'targetDate'),
              }),
            );
            await recordsApi.addGoal(api, data.kase.id, body);
          }}
          onDone={() => changed('Goal added.')}
        >
          {(p) => (
            <div className="form-grid">
              <Textarea
                id="goal-description"
                name="description"
                label="Goal"
                description="Specific: what will be different for the client"
                required
                autosize
                minRows={2}
                className="span-2"
                error={p?.fields.description}
              />
              <TextInput
                id="goal-measure"
                name="measure"
                label="Measure"
                description="How you will know it is achieved"
                required
                error={p?.fields.measure}
              />
              <TextInput
                id="goal-target"
                name="targetDate"
                type="date"
                label="Target date"
                required
                error={p?.fields.targetDate}
              />
            </div>
          )}
        </InlineForm>
      )}
    </section>
  );
}
