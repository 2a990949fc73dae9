import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import {
  createObstacleRequestSchema,
  type ObstacleResponse,
  resolveObstacleRequestSchema,
} from '../../contract/obstacles.ts';
import { formatDate, formatDateTime, todayIso } from '../lib/format.ts';
import { labelOf, OBSTACLE_CATEGORY_LABELS, optionsOf } from '../lib/labels.ts';
import { recordsApi } from '../records-api.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

function ObstacleItem({
  obstacle: o,
  api,
  changed,
  canAdd,
}: { obstacle: ObstacleResponse; canAdd: boolean } & Omit<SectionProps, 'data'>) {
  return (
    <li className="record-item">
      <div className="item-head">
        <span className="item-title">{o.description}</span>
        <span className={`status-tag status-${o.resolved ? 'resolved' : 'blocking'}`}>
          {o.resolved ? 'Resolved' : 'Blocking'}
        </span>
      </div>
      <div className="meta">
        {labelOf(OBSTACLE_CATEGORY_LABELS, o.category)} · since {formatDate(o.since)}
        {o.resolvedAt ? ` · resolved ${formatDateTime(o.resolvedAt)}` : ''}
      </div>
      {o.plan && <p className="prose">Plan: {o.plan}</p>}
      {o.resolution && <p className="prose">Resolution: {o.resolution}</p>}
      {!o.resolved && canAdd && (
        <InlineForm
          compact
          label="Mark resolved"
          submitLabel="Mark resolved"
          fieldIds={{ resolution: `obstacle-resolution-${o.id}` }}
          onSubmit={async (d) => {
            const body = parseOrThrow(
              resolveObstacleRequestSchema.safeParse({ resolution: textOf(d, 'resolution') }),
            );
            await recordsApi.resolveObstacle(api, o.id, body.resolution);
          }}
          onDone={() => changed('Obstacle resolved.')}
        >
          {(p) => (
            <Textarea
              id={`obstacle-resolution-${o.id}`}
              name="resolution"
              label="How was it overcome (or why does it no longer apply)?"
              required
              autosize
              minRows={2}
              error={p?.fields.resolution}
            />
          )}
        </InlineForm>
      )}
    </li>
  );
}

/** What blocks progress, since when, and the plan; unresolved first. */
export function ObstaclesSection({ api, data, changed }: SectionProps) {
  const canAdd = data.kase.yourAccess.contribute;
  return (
    <section id="obstacles" aria-labelledby="obstacles-heading" className="record-section">
      <h2 id="obstacles-heading" className="section-title">
        Obstacles
      </h2>
      {data.obstacles.length === 0 ? (
        <p className="empty-text">Nothing is blocking progress.</p>
      ) : (
        <ul className="record-list">
          {data.obstacles.map((o) => (
            <ObstacleItem key={o.id} obstacle={o} api={api} changed={changed} canAdd={canAdd} />
          ))}
        </ul>
      )}
      {canAdd && (
        <InlineForm
          label="Add an obstacle"
          submitLabel="Add obstacle"
          fieldIds={{
            category: 'ob-category',
            description: 'ob-description',
            since: 'ob-since',
            plan: 'ob-plan',
          }}
          onSubmit={async (d) => {
            const plan = textOf(d, 'plan');
            const body = parseOrThrow(
              createObstacleRequestSchema.safeParse({
                category: textOf(d, 'category'),
                description: textOf(d, 'description'),
                since: textOf(d, 'since'),
                ...(plan ? { plan } : {}),
              }),
            );
            await recordsApi.addObstacle(api, data.kase.id, body);
          }}
          onDone={() => changed('Obstacle added.')}
        >
          {(p) => (
            <div className="form-grid">
              <NativeSelect
                id="ob-category"
                name="category"
                label="Category"
                data={optionsOf(OBSTACLE_CATEGORY_LABELS)}
                error={p?.fields.category}
              />
              <TextInput
                id="ob-since"
                name="since"
                type="date"
                label="Since"
                defaultValue={todayIso()}
                required
                error={p?.fields.since}
              />
              <Textarea
                id="ob-description"
                name="description"
                label="What blocks progress"
                required
                autosize
                minRows={2}
                className="span-2"
                error={p?.fields.description}
              />
              <Textarea
                id="ob-plan"
                name="plan"
                label="Plan to overcome it (optional)"
                autosize
                minRows={2}
                className="span-2"
                error={p?.fields.plan}
              />
            </div>
          )}
        </InlineForm>
      )}
    </section>
  );
}
