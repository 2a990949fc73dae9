/**
 * The reflective log: a practitioner's own entries on Gibbs' cycle (description, feelings,
 * evaluation, analysis, conclusion, action plan). Private: nobody else sees them, unless the
 * practitioner shares one into their caseload review in progress.
 */
import './reviews.css';
import { Button, Textarea, TextInput } from '@mantine/core';
import { useCallback, useState } from 'react';
import {
  createReflectionRequestSchema,
  GIBBS_STAGES,
  type ReflectionResponse,
  updateReflectionRequestSchema,
} from '../../contract/reflections.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import type { FormProblem } from '../form-problem.tsx';
import { problemFromError } from '../form-problem.tsx';
import { formatDate, formatDateTime, todayIso } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { reviewsApi } from './reviews-api.ts';

const FIELD_IDS = (prefix: string) => ({
  title: `${prefix}-title`,
  occurredOn: `${prefix}-occurred`,
  ...Object.fromEntries(GIBBS_STAGES.map((s) => [s.field, `${prefix}-${s.field}`])),
});

/** The form's values as the contract's body. */
function bodyOf(d: FormData) {
  return {
    title: textOf(d, 'title'),
    occurredOn: textOf(d, 'occurredOn'),
    ...Object.fromEntries(GIBBS_STAGES.map((s) => [s.field, textOf(d, s.field)])),
  };
}

function EntryFields({
  prefix,
  entry,
  p,
}: {
  prefix: string;
  entry?: ReflectionResponse;
  p: FormProblem | null;
}) {
  const ids = FIELD_IDS(prefix) as Record<string, string>;
  return (
    <div className="rv-entry-fields">
      <TextInput
        id={ids.title}
        name="title"
        label="Title"
        description="A few words to find it again"
        required
        defaultValue={entry?.title}
        error={p?.fields.title}
      />
      <TextInput
        id={ids.occurredOn}
        name="occurredOn"
        type="date"
        label="When it happened"
        required
        maw="16rem"
        mt="xs"
        defaultValue={entry?.occurredOn ?? todayIso()}
        error={p?.fields.occurredOn}
      />
      {GIBBS_STAGES.map((s) => (
        <Textarea
          key={s.field}
          id={ids[s.field]}
          name={s.field}
          label={s.heading}
          description={s.hint}
          autosize
          minRows={2}
          mt="xs"
          defaultValue={entry?.[s.field]}
          error={p?.fields[s.field]}
        />
      ))}
    </div>
  );
}

export function ReflectionsPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(async () => {
    const [list, schedules] = await Promise.all([reviewsApi.reflections(api), reviewsApi.schedules(api)]);
    const own = schedules.schedules.find((s) => s.self);
    return { reflections: list.reflections, inProgress: own?.inProgressReview ?? null };
  }, 'reflections');
  const [message, setMessage] = useState<string | null>(null);
  const changed = useCallback(
    (text: string) => {
      setMessage(null);
      void reload().then(() => setMessage(text));
    },
    [reload],
  );
  if (loaded.state === 'loading') return <PageLoading what="your reflective log" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Reflective log</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { reflections, inProgress } = loaded.data;
  return (
    <>
      <PageHeading>Reflective log</PageHeading>
      <div role="status" className={message ? 'notice notice-success' : 'notice-empty'}>
        {message}
      </div>
      <p className="section-hint">
        Your own reflections on your practice, on the six headings of Gibbs’ reflective cycle. Nobody else can
        read them — your supervisor included — unless you share an entry into your caseload review.
      </p>
      <section aria-labelledby="write-entry-title" className="record-section">
        <h2 id="write-entry-title" className="section-title">
          Write an entry
        </h2>
        <InlineForm
          label="Write an entry"
          submitLabel="Save the entry"
          fieldIds={FIELD_IDS('new-entry')}
          onSubmit={async (d) => {
            await reviewsApi.createReflection(
              api,
              parseOrThrow(createReflectionRequestSchema.safeParse(bodyOf(d))),
            );
          }}
          onDone={() => changed('Entry saved. Only you can read it.')}
        >
          {(p) => <EntryFields prefix="new-entry" p={p} />}
        </InlineForm>
      </section>
      <section aria-labelledby="entries-title" className="record-section">
        <h2 id="entries-title" className="section-title">
          Your entries
        </h2>
        {inProgress && (
          <p className="meta">
            Your{' '}
            <a href={paths.review(inProgress.id)} onClick={followLink}>
              caseload review with {inProgress.supervisorName}
            </a>{' '}
            is in progress: you may share entries into it.
          </p>
        )}
        {reflections.length === 0 ? (
          <p className="empty-text">No entries yet.</p>
        ) : (
          reflections.map((entry) => (
            <Entry
              key={entry.id}
              api={api}
              entry={entry}
              inProgressId={inProgress?.id ?? null}
              onChanged={changed}
            />
          ))
        )}
      </section>
    </>
  );
}

function Entry({
  api,
  entry,
  inProgressId,
  onChanged,
}: {
  api: ApiClient;
  entry: ReflectionResponse;
  inProgressId: string | null;
  onChanged: (m: string) => void;
}) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const shared = inProgressId !== null && entry.sharedInto.some((s) => s.reviewId === inProgressId);
  const headingId = `entry-${entry.id}`;

  async function share() {
    if (!inProgressId) return;
    setPending(true);
    try {
      await reviewsApi.shareReflection(api, inProgressId, entry.id);
      setProblem(null);
      onChanged(`“${entry.title}” shared into your review. Its participants can read it there.`);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <article aria-labelledby={headingId} className="rv-reflection">
      <h3 id={headingId} className="rv-case-title">
        {entry.title} <span className="meta">({formatDate(entry.occurredOn)})</span>
      </h3>
      <p className="meta">
        {entry.sharedInto.length === 0
          ? 'Private: not shared.'
          : `Shared into ${entry.sharedInto.length === 1 ? 'a review' : `${entry.sharedInto.length} reviews`} (last on ${formatDateTime(entry.sharedInto[entry.sharedInto.length - 1]?.sharedAt ?? entry.updatedAt)}).`}
        {entry.locked && ' Part of a completed review’s record: it can no longer change.'}
      </p>
      <dl className="rv-record">
        {GIBBS_STAGES.filter((s) => entry[s.field].trim() !== '').map((s) => (
          <div key={s.field}>
            <dt>{s.heading}</dt>
            <dd>{entry[s.field]}</dd>
          </div>
        ))}
      </dl>
      {problem && (
        <div role="alert" className="load-failed">
          {problem.detail}
        </div>
      )}
      <div className="rv-entry-actions">
        {inProgressId && !shared && (
          <Button
            size="compact-sm"
            variant="default"
            loading={pending}
            onClick={() => void share()}
            aria-label={`Share into your review: ${entry.title}`}
          >
            Share into your review
          </Button>
        )}
        {!entry.locked && (
          <InlineForm
            compact
            label={`Edit “${entry.title}”`}
            submitLabel="Save changes"
            fieldIds={FIELD_IDS(`edit-${entry.id}`)}
            onSubmit={async (d) => {
              await reviewsApi.updateReflection(
                api,
                entry.id,
                parseOrThrow(updateReflectionRequestSchema.safeParse(bodyOf(d))),
              );
            }}
            onDone={() => onChanged('Entry saved.')}
          >
            {(p) => <EntryFields prefix={`edit-${entry.id}`} entry={entry} p={p} />}
          </InlineForm>
        )}
      </div>
    </article>
  );
}
