import { Loader, Textarea } from '@mantine/core';
import { useEffect, useState } from 'react';
import {
  type CaseColleagues,
  caseColleaguesSchema,
  informColleaguesRequestSchema,
  informColleaguesResultSchema,
} from '../../contract/notifications.ts';
import type { ApiClient } from '../api-client.ts';
import { problemFromError } from '../form-problem.tsx';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

const q = encodeURIComponent;

export const informApi = {
  colleagues: (api: ApiClient, caseId: string) =>
    api.get(`/api/cases/${q(caseId)}/colleagues`, caseColleaguesSchema),
  inform: (api: ApiClient, caseId: string, body: { userIds: string[]; message: string }) =>
    api.post(`/api/cases/${q(caseId)}/inform`, informColleaguesResultSchema, { body }),
};

/** The error ids the server may name for the chosen people: userIds, and userIds.<n> for one of them. */
const FIELD_IDS: Record<string, string> = {
  userIds: 'inform-colleague-0',
  message: 'inform-message',
  ...Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`userIds.${i}`, 'inform-colleague-0'])),
};

/** The people to choose from, loaded when the form opens. */
function ColleagueChoices({ api, caseId, error }: { api: ApiClient; caseId: string; error?: string }) {
  const [colleagues, setColleagues] = useState<CaseColleagues['colleagues'] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    informApi
      .colleagues(api, caseId)
      .then((list) => live && setColleagues(list.colleagues))
      .catch((e) => live && setProblem(problemFromError(e)?.detail ?? null));
    return () => {
      live = false;
    };
  }, [api, caseId]);
  if (problem) return <p className="field-error">{problem}</p>;
  if (!colleagues) {
    return (
      <p className="meta" role="status">
        <Loader size="xs" aria-hidden="true" /> Loading your colleagues…
      </p>
    );
  }
  if (colleagues.length === 0)
    return <p className="empty-text">There is nobody else in your organisation.</p>;
  return (
    <fieldset
      className="kind-filter inform-colleagues"
      aria-describedby={error ? 'inform-colleagues-error' : undefined}
    >
      <legend>Colleagues to inform (up to 20)</legend>
      {error && (
        <p id="inform-colleagues-error" className="field-error">
          {error}
        </p>
      )}
      {colleagues.map((c, i) => (
        <label key={c.id} className="check-row" htmlFor={`inform-colleague-${i}`}>
          <input type="checkbox" id={`inform-colleague-${i}`} name="userIds" value={c.id} />
          {c.displayName}
          {c.teams.length > 0 && <span className="meta"> ({c.teams.map((t) => t.name).join(', ')})</span>}
        </label>
      ))}
    </fieldset>
  );
}

/**
 * "Inform colleagues": tell chosen people about this case with a message. They get an in-app
 * notification (and an e-mail naming the case, without the message, when e-mail is on); the
 * chronology records who was told.
 */
export function InformSection({ api, data, changed }: SectionProps) {
  const { kase } = data;
  if (!kase.yourAccess.contribute) {
    return (
      <section id="inform" aria-labelledby="inform-heading" className="record-section print-hide">
        <h2 id="inform-heading" className="section-title">
          Inform colleagues
        </h2>
        <p className="empty-text">Only those who may add to this case can inform colleagues from it.</p>
      </section>
    );
  }
  return (
    <section id="inform" aria-labelledby="inform-heading" className="record-section print-hide">
      <h2 id="inform-heading" className="section-title">
        Inform colleagues
      </h2>
      <p className="meta">
        Tell colleagues about this case: they see your message in their notifications. E-mails name the case
        only, never your message.
      </p>
      <InlineForm
        label="Inform colleagues"
        submitLabel="Send"
        fieldIds={FIELD_IDS}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            informColleaguesRequestSchema.safeParse({
              userIds: d.getAll('userIds').map(String),
              message: textOf(d, 'message'),
            }),
          );
          await informApi.inform(api, kase.id, { userIds: [...body.userIds], message: body.message });
        }}
        onDone={() => changed('Your colleagues have been told.')}
      >
        {(p) => (
          <>
            <ColleagueChoices
              api={api}
              caseId={kase.id}
              error={
                p?.fields.userIds ??
                Object.entries(p?.fields ?? {}).find(([field]) => field.startsWith('userIds.'))?.[1]
              }
            />
            <Textarea
              id="inform-message"
              name="message"
              label="Message"
              description="What they should know or do (up to 1000 characters)"
              required
              autosize
              minRows={3}
              maxLength={1000}
              error={p?.fields.message}
            />
          </>
        )}
      </InlineForm>
    </section>
  );
}
