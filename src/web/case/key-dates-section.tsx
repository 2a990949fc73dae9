import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import {
  createKeyDateRequestSchema,
  type KeyDateResponse,
  keyDateStatusRequestSchema,
} from '../../contract/key-dates.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { KEY_DATE_KIND_LABELS, KEY_DATE_STATUS_LABELS, labelOf, optionsOf } from '../lib/labels.ts';
import { recordsApi } from '../records-api.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';
import { TimeLimitKeyDateForm } from './time-limit-key-date-form.tsx';

function KeyDateItem({
  keyDate: k,
  api,
  changed,
  canAdd,
}: { keyDate: KeyDateResponse; canAdd: boolean } & Omit<SectionProps, 'data'>) {
  return (
    <li className="record-item">
      <div className="item-head">
        <span className="item-title">
          {formatDate(k.dueDate)}
          {k.dueTime ? ` at ${k.dueTime}` : ''} — {k.description}
        </span>
        <span className={`status-tag status-${k.status}`}>{labelOf(KEY_DATE_STATUS_LABELS, k.status)}</span>
      </div>
      <div className="meta">
        {labelOf(KEY_DATE_KIND_LABELS, k.kind)}
        {k.source ? ` · Source: ${k.source}` : ''}
        {k.statusNote ? ` · ${k.statusNote}` : ''}
      </div>
      {k.computedFrom && (
        <div className="meta">
          Worked out from the time limit “{k.computedFrom.templateName}” (event{' '}
          {formatDate(k.computedFrom.eventDate)}), confirmed {formatDateTime(k.computedFrom.confirmedAt)}
          {k.computedFrom.differsFromComputed
            ? ` · Not the computed date (${formatDate(k.computedFrom.computedDate)}): the practitioner chose this one`
            : ''}
        </div>
      )}
      {k.reminderLeadDays && (
        <div className="meta">
          {k.reminderLeadDays.length === 0
            ? 'No reminders for this date'
            : `Reminders ${k.reminderLeadDays.join(', ')} working days before`}
        </div>
      )}
      {k.status === 'pending' && canAdd && (
        <InlineForm
          compact
          label="Record what happened"
          submitLabel="Save"
          fieldIds={{ status: `key-date-status-${k.id}`, note: `key-date-note-${k.id}` }}
          onSubmit={async (d) => {
            const note = textOf(d, 'note');
            const body = parseOrThrow(
              keyDateStatusRequestSchema.safeParse({
                status: textOf(d, 'status'),
                ...(note ? { note } : {}),
              }),
            );
            await recordsApi.keyDateStatus(api, k.id, body);
          }}
          onDone={() => changed('Key date updated.')}
        >
          {(p) => (
            <>
              <NativeSelect
                id={`key-date-status-${k.id}`}
                name="status"
                label="The date was"
                data={[
                  { value: 'met', label: 'Met' },
                  { value: 'missed', label: 'Missed' },
                  { value: 'cancelled', label: 'Cancelled' },
                ]}
                error={p?.fields.status}
              />
              <TextInput
                id={`key-date-note-${k.id}`}
                name="note"
                label="Note (optional)"
                mt="xs"
                error={p?.fields.note}
              />
            </>
          )}
        </InlineForm>
      )}
    </li>
  );
}

/** Deadlines, hearings and appointments, in date order. */
export function KeyDatesSection({ api, data, changed }: SectionProps) {
  const canAdd = data.kase.yourAccess.contribute;
  return (
    <section id="key-dates" aria-labelledby="key-dates-heading" className="record-section">
      <h2 id="key-dates-heading" className="section-title">
        Key dates
      </h2>
      {data.keyDates.length === 0 ? (
        <p className="empty-text">No key dates.</p>
      ) : (
        <ul className="record-list">
          {data.keyDates.map((k) => (
            <KeyDateItem key={k.id} keyDate={k} api={api} changed={changed} canAdd={canAdd} />
          ))}
        </ul>
      )}
      {canAdd && (
        <InlineForm
          label="Add a key date"
          submitLabel="Add key date"
          fieldIds={{
            kind: 'kd-kind',
            dueDate: 'kd-date',
            dueTime: 'kd-time',
            description: 'kd-description',
            source: 'kd-source',
          }}
          onSubmit={async (d) => {
            const time = textOf(d, 'dueTime');
            const source = textOf(d, 'source');
            const body = parseOrThrow(
              createKeyDateRequestSchema.safeParse({
                kind: textOf(d, 'kind'),
                dueDate: textOf(d, 'dueDate'),
                ...(time ? { dueTime: time } : {}),
                description: textOf(d, 'description'),
                ...(source ? { source } : {}),
              }),
            );
            await recordsApi.addKeyDate(api, data.kase.id, body);
          }}
          onDone={() => changed('Key date added.')}
        >
          {(p) => (
            <div className="form-grid">
              <NativeSelect
                id="kd-kind"
                name="kind"
                label="Kind"
                data={optionsOf(KEY_DATE_KIND_LABELS)}
                error={p?.fields.kind}
              />
              <TextInput
                id="kd-description"
                name="description"
                label="What it is"
                description="For example: mandatory reconsideration deadline"
                required
                error={p?.fields.description}
              />
              <TextInput
                id="kd-date"
                name="dueDate"
                type="date"
                label="Date"
                required
                error={p?.fields.dueDate}
              />
              <TextInput
                id="kd-time"
                name="dueTime"
                type="time"
                label="Time (optional)"
                error={p?.fields.dueTime}
              />
              <Textarea
                id="kd-source"
                name="source"
                label="Source (optional)"
                description="Where the date comes from, e.g. DWP letter of 3 March"
                autosize
                minRows={1}
                className="span-2"
                error={p?.fields.source}
              />
            </div>
          )}
        </InlineForm>
      )}
      {canAdd && <TimeLimitKeyDateForm api={api} caseId={data.kase.id} changed={changed} />}
    </section>
  );
}
