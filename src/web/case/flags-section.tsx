import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { raiseFlagRequestSchema, resolveFlagRequestSchema } from '../../contract/cases.ts';
import { formatDateTime } from '../lib/format.ts';
import { FLAG_KIND_LABELS, labelOf, optionsOf } from '../lib/labels.ts';
import { recordsApi } from '../records-api.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

/** Safeguarding and vulnerability flags: open ones first and loud, resolved ones quiet. */
export function FlagsSection({ api, data, changed }: SectionProps) {
  const { kase } = data;
  const open = kase.flags.filter((f) => !f.resolvedAt);
  const resolved = kase.flags.filter((f) => f.resolvedAt);
  return (
    <section id="flags" aria-labelledby="flags-heading" className="record-section">
      <h2 id="flags-heading" className="section-title">
        Flags{open.length > 0 ? ` (${open.length} open)` : ''}
      </h2>
      {open.length === 0 && <p className="empty-text">No open safeguarding or vulnerability flags.</p>}
      {open.length > 0 && (
        <ul className="flag-list">
          {open.map((f) => (
            <li key={f.id} className={`flag flag-${f.kind}`}>
              <div className="flag-title">
                <strong>{labelOf(FLAG_KIND_LABELS, f.kind)} flag:</strong> {f.category}
              </div>
              {f.description && <p className="prose">{f.description}</p>}
              <div className="meta">
                Raised by {f.raisedBy.displayName}, {formatDateTime(f.raisedAt)}
              </div>
              {kase.yourAccess.manage && (
                <InlineForm
                  compact
                  label={`Resolve the ${f.category} flag`}
                  submitLabel="Resolve flag"
                  fieldIds={{ resolution: `flag-resolution-${f.id}` }}
                  onSubmit={async (d) => {
                    const body = parseOrThrow(
                      resolveFlagRequestSchema.safeParse({ resolution: textOf(d, 'resolution') }),
                    );
                    await recordsApi.resolveFlag(api, kase.id, f.id, body.resolution);
                  }}
                  onDone={() => changed('Flag resolved.')}
                >
                  {(p) => (
                    <Textarea
                      id={`flag-resolution-${f.id}`}
                      name="resolution"
                      label="How was the concern resolved?"
                      required
                      autosize
                      minRows={2}
                      error={p?.fields.resolution}
                    />
                  )}
                </InlineForm>
              )}
            </li>
          ))}
        </ul>
      )}
      {resolved.length > 0 && (
        <details className="quiet-details">
          <summary>Resolved flags ({resolved.length})</summary>
          <ul className="plain-list">
            {resolved.map((f) => (
              <li key={f.id}>
                {labelOf(FLAG_KIND_LABELS, f.kind)}: {f.category} — resolved by {f.resolvedBy?.displayName}
                {f.resolvedAt ? `, ${formatDateTime(f.resolvedAt)}` : ''}: {f.resolution}
              </li>
            ))}
          </ul>
        </details>
      )}
      {kase.yourAccess.contribute && (
        <InlineForm
          label="Raise a flag"
          submitLabel="Raise flag"
          fieldIds={{ kind: 'flag-kind', category: 'flag-category', description: 'flag-description' }}
          onSubmit={async (d) => {
            const description = textOf(d, 'description');
            const body = parseOrThrow(
              raiseFlagRequestSchema.safeParse({
                kind: textOf(d, 'kind'),
                category: textOf(d, 'category'),
                ...(description ? { description } : {}),
              }),
            );
            await recordsApi.raiseFlag(api, kase.id, body);
          }}
          onDone={() => changed('Flag raised.')}
        >
          {(p) => (
            <div className="form-grid">
              <NativeSelect
                id="flag-kind"
                name="kind"
                label="Kind of flag"
                description="A safeguarding flag tells the team’s supervisors"
                data={optionsOf(FLAG_KIND_LABELS)}
                error={p?.fields.kind}
              />
              <TextInput
                id="flag-category"
                name="category"
                label="Category"
                description="For example: domestic abuse, self-neglect"
                required
                error={p?.fields.category}
              />
              <Textarea
                id="flag-description"
                name="description"
                label="What is the concern? (optional)"
                autosize
                minRows={2}
                className="span-2"
                error={p?.fields.description}
              />
            </div>
          )}
        </InlineForm>
      )}
    </section>
  );
}
