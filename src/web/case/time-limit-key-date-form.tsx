/**
 * "Work out the date from a time limit": choose a time-limit template and the event date, see the
 * computed date with how it was reached and the must-confirm warning, then confirm it (a ticked
 * box) and record the key date. The practitioner may choose another date; the record says so.
 */
import '../key-dates/key-dates.css';
import { Button, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useRef, useState } from 'react';
import { ZodError } from 'zod';
import { createKeyDateRequestSchema } from '../../contract/key-dates.ts';
import type {
  ComputedKeyDateResponse,
  TimeLimitTemplateResponse,
} from '../../contract/time-limit-templates.ts';
import type { ApiClient } from '../api-client.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { keyDatesApi } from '../key-dates/key-dates-api.ts';
import { formatDate } from '../lib/format.ts';
import { KEY_DATE_KIND_LABELS, optionsOf } from '../lib/labels.ts';
import { useLoad } from '../lib/use-load.ts';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { recordsApi } from '../records-api.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

const IDS = {
  'fromTemplate.templateKey': 'tl-template',
  'fromTemplate.eventDate': 'tl-event',
  'fromTemplate.useAlternative': 'tl-alternative',
  'fromTemplate.confirmed': 'tl-confirm',
  kind: 'tl-kind',
  description: 'tl-description',
  dueDate: 'tl-date',
  dueTime: 'tl-time',
  source: 'tl-source',
};

const firstFail = (path: string[], message: string) =>
  new ZodError([{ code: 'custom', path, message, input: undefined }]);

export function TimeLimitKeyDateForm({
  api,
  caseId,
  changed,
}: {
  api: ApiClient;
  caseId: string;
  changed: (message: string) => void;
}) {
  const computedRef = useRef<ComputedKeyDateResponse | null>(null);
  return (
    <InlineForm
      label="Work out the date from a time limit"
      submitLabel="Add key date"
      fieldIds={IDS}
      onSubmit={async (d) => {
        const computed = computedRef.current;
        if (!computed) {
          throw firstFail(['fromTemplate', 'eventDate'], 'Work out the date first, then check it');
        }
        const dueDate = textOf(d, 'dueDate');
        const time = textOf(d, 'dueTime');
        const source = textOf(d, 'source');
        const body = parseOrThrow(
          createKeyDateRequestSchema.safeParse({
            kind: textOf(d, 'kind'),
            description: textOf(d, 'description'),
            ...(dueDate ? { dueDate } : {}),
            ...(time ? { dueTime: time } : {}),
            ...(source ? { source } : {}),
            fromTemplate: {
              templateKey: computed.templateKey,
              eventDate: computed.eventDate,
              ...(computed.useAlternative ? { useAlternative: true } : {}),
              confirmed: d.get('confirmed') === 'on',
            },
          }),
        );
        await recordsApi.addKeyDate(api, caseId, body);
      }}
      onDone={() => {
        computedRef.current = null;
        changed('Key date added from a time limit.');
      }}
    >
      {(p) => <TimeLimitFields api={api} problem={p} onComputed={(c) => (computedRef.current = c)} />}
    </InlineForm>
  );
}

function TimeLimitFields({
  api,
  problem,
  onComputed,
}: {
  api: ApiClient;
  problem: FormProblem | null;
  onComputed: (computed: ComputedKeyDateResponse | null) => void;
}) {
  const { loaded, reload } = useLoad(() => keyDatesApi.timeLimitTemplates(api), 'time-limit-templates');
  const [templateKey, setTemplateKey] = useState('');
  const [eventDate, setEventDate] = useState('');
  const [useAlternative, setUseAlternative] = useState(false);
  const [computed, setComputed] = useState<ComputedKeyDateResponse | null>(null);
  const [computeProblem, setComputeProblem] = useState<FormProblem | null>(null);
  const [working, setWorking] = useState(false);
  const [dueDate, setDueDate] = useState('');
  const f = { ...(problem?.fields ?? {}), ...(computeProblem?.fields ?? {}) };

  if (loaded.state === 'loading') return <PageLoading what="time limits" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  const templates = loaded.data.templates;
  const template: TimeLimitTemplateResponse | undefined =
    templates.find((t) => t.key === templateKey) ?? templates[0];

  const forget = () => {
    setComputed(null);
    onComputed(null);
  };

  async function workOut() {
    if (!template) return;
    setWorking(true);
    try {
      const result = await keyDatesApi.computeKeyDate(api, template.key, {
        eventDate,
        ...(useAlternative && template.alternative ? { useAlternative: true } : {}),
      });
      setComputeProblem(null);
      setComputed(result);
      setDueDate(result.date);
      onComputed(result);
    } catch (error) {
      // The compute call names eventDate and useAlternative; this form names them under fromTemplate.
      const p = problemFromError(error);
      if (p) {
        const field = p.fields.useAlternative ? 'fromTemplate.useAlternative' : 'fromTemplate.eventDate';
        setComputeProblem({ detail: p.detail, fields: { [field]: p.fields.eventDate ?? p.detail } });
      }
      forget();
    } finally {
      setWorking(false);
    }
  }

  if (!template) return <p className="empty-text">Your organisation has no time limits set up.</p>;
  return (
    <div className="form-grid">
      <NativeSelect
        id={IDS['fromTemplate.templateKey']}
        label="Time limit"
        value={template.key}
        onChange={(e) => {
          setTemplateKey(e.currentTarget.value);
          setUseAlternative(false);
          forget();
        }}
        data={templates.map((t) => ({ value: t.key, label: t.name }))}
        error={f['fromTemplate.templateKey']}
        className="span-2"
      />
      <TextInput
        id={IDS['fromTemplate.eventDate']}
        type="date"
        label="Event date"
        description={`The limit runs from ${template.eventLabel}`}
        value={eventDate}
        onChange={(e) => {
          setEventDate(e.currentTarget.value);
          forget();
        }}
        required
        error={f['fromTemplate.eventDate']}
      />
      {template.alternative ? (
        <label className="check-row" htmlFor={IDS['fromTemplate.useAlternative']}>
          <input
            type="checkbox"
            id={IDS['fromTemplate.useAlternative']}
            checked={useAlternative}
            onChange={(e) => {
              setUseAlternative(e.currentTarget.checked);
              forget();
            }}
          />
          Use the alternative: {template.alternative.condition}
        </label>
      ) : (
        <span />
      )}
      <div className="span-2">
        <Button size="compact-sm" variant="default" onClick={() => void workOut()} loading={working}>
          Work out the date
        </Button>
        {computeProblem && (
          <p role="alert" className="field-error">
            {computeProblem.detail}
          </p>
        )}
      </div>
      <div className="span-2" aria-live="polite">
        {computed && (
          <div className="computed-date" data-testid="computed-date">
            <p className="subsection-title">Computed date: {formatDate(computed.date)}</p>
            <p className="meta">{computed.explanation}</p>
            <div className="callout callout-warning">
              <p className="callout-title">You must confirm this date</p>
              <p className="callout-text">{computed.warning}</p>
            </div>
            <p className="meta">Source: {computed.source}</p>
          </div>
        )}
      </div>
      {computed && (
        <>
          <NativeSelect
            id={IDS.kind}
            name="kind"
            label="Kind"
            defaultValue="statutory-deadline"
            data={optionsOf(KEY_DATE_KIND_LABELS)}
            error={f.kind}
          />
          <TextInput
            id={IDS.description}
            name="description"
            label="What it is"
            defaultValue={computed.templateName}
            required
            error={f.description}
          />
          <TextInput
            id={IDS.dueDate}
            name="dueDate"
            type="date"
            label="Date"
            description={
              dueDate && dueDate !== computed.date
                ? `Not the computed date (${formatDate(computed.date)}): the record will say so`
                : 'The computed date; change it if the case documents give another'
            }
            value={dueDate}
            onChange={(e) => setDueDate(e.currentTarget.value)}
            required
            error={f.dueDate}
          />
          <TextInput id={IDS.dueTime} name="dueTime" type="time" label="Time (optional)" error={f.dueTime} />
          <Textarea
            id={IDS.source}
            name="source"
            label="Source (optional)"
            description="Left empty: the time limit’s source"
            autosize
            minRows={1}
            className="span-2"
            error={f.source}
          />
          <div className="span-2">
            <label className="check-row" htmlFor={IDS['fromTemplate.confirmed']}>
              <input
                type="checkbox"
                id={IDS['fromTemplate.confirmed']}
                name="confirmed"
                aria-describedby={f['fromTemplate.confirmed'] ? 'tl-confirm-error' : undefined}
                aria-invalid={f['fromTemplate.confirmed'] ? true : undefined}
              />
              I have checked this date against the case documents and the source
            </label>
            {f['fromTemplate.confirmed'] && (
              <p id="tl-confirm-error" className="field-error">
                {f['fromTemplate.confirmed']}
              </p>
            )}
          </div>
        </>
      )}
    </div>
  );
}
