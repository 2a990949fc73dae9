import { NativeSelect } from '@mantine/core';
import { z } from 'zod';
import { EQUALITY_QUESTIONS, equalityMonitoringRequestSchema } from '../../contract/equality-monitoring.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

const fieldId = (key: string) => `equality-${key}`;
/** The answer to a PUT with no content (204). */
const noContent = z.undefined();

/**
 * The optional equality monitoring form for the case's client (or a paper form typed in). It only
 * writes: the answers are kept apart from the case record and only admins read them.
 */
export function EqualityMonitoringForm({ api, data, changed }: SectionProps) {
  const { kase } = data;
  if (!kase.yourAccess.contribute) return null;
  return (
    <section aria-labelledby="equality-heading" className="record-section print-hide">
      <h2 id="equality-heading" className="section-title">
        Equality monitoring (optional)
      </h2>
      <p className="meta">
        Ask only if the client is happy to answer; every question can be left blank or answered “Prefer not to
        say”. The answers are kept apart from the case record: you will not see them again, and only
        administrators see them, counted in reports with small numbers hidden.
      </p>
      <InlineForm
        label="Record equality monitoring"
        submitLabel="Save the answers"
        fieldIds={Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.key, fieldId(q.key)]))}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            equalityMonitoringRequestSchema.safeParse(
              Object.fromEntries(EQUALITY_QUESTIONS.map((q) => [q.key, textOf(d, q.key) || null])),
            ),
          );
          await api.put(`/api/clients/${encodeURIComponent(kase.client.id)}/equality-monitoring`, noContent, {
            body,
          });
        }}
        onDone={() => changed('Equality monitoring answers saved.')}
      >
        {(p) => (
          <div className="form-grid">
            {EQUALITY_QUESTIONS.map((q) => (
              <NativeSelect
                key={q.key}
                id={fieldId(q.key)}
                name={q.key}
                label={q.label}
                data={[{ value: '', label: 'Not answered' }, ...q.options]}
                error={p?.fields[q.key]}
              />
            ))}
          </div>
        )}
      </InlineForm>
    </section>
  );
}
