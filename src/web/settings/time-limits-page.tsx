import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { reminderSettingsRequestSchema } from '../../contract/organisation.ts';
import {
  createTimeLimitTemplateRequestSchema,
  type TimeLimitTemplateResponse,
  updateTimeLimitTemplateRequestSchema,
} from '../../contract/time-limit-templates.ts';
import type { ApiClient } from '../api-client.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { settingsApi } from './settings-api.ts';
import { ruleWords, TemplateFields, templateBodyOf, templateFieldIds } from './template-fields.tsx';
import '../key-dates/key-dates.css';

/** Administrators' page: the reminder lead times of key dates and the organisation's time-limit templates. */
export function TimeLimitsPage({ api }: { api: ApiClient }) {
  const [announcement, setAnnouncement] = useState('');
  return (
    <>
      <PageHeading>Time limits and reminders</PageHeading>
      <p role="status" className="meta">
        {announcement}
      </p>
      <ReminderSettings api={api} announce={setAnnouncement} />
      <Templates api={api} announce={setAnnouncement} />
    </>
  );
}

const LEAD_DAYS_ID = 'reminder-lead-days';

function ReminderSettings({ api, announce }: { api: ApiClient; announce: (m: string) => void }) {
  const { loaded, reload } = useLoad(() => settingsApi.reminders(api), 'reminders');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget), 'leadDays');
    const leadDays =
      text === ''
        ? []
        : text
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(Number);
    const parsed = reminderSettingsRequestSchema.safeParse({ leadDays });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      const saved = await settingsApi.setReminders(api, parsed.data);
      setProblem(null);
      announce(`Reminder lead times saved: ${saved.leadDays.join(', ')} working days before each key date.`);
      await reload();
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="reminders-heading" className="settings-section">
      <h2 id="reminders-heading" className="section-title">
        Reminder lead times
      </h2>
      {loaded.state === 'loading' && <PageLoading what="reminder lead times" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <form onSubmit={submit} noValidate aria-labelledby="reminders-heading">
          <p className="section-hint">
            The owner of a case (and, once a date is missed, the team’s supervisors) are reminded this many
            working days before each pending key date. A key date may set its own. The default is{' '}
            {loaded.data.defaultLeadDays.join(', ')}.
          </p>
          <ErrorSummary problem={problem} fieldIds={{ leadDays: LEAD_DAYS_ID }} />
          <Group align="flex-end" gap="xs">
            <TextInput
              key={loaded.data.leadDays.join(',')}
              id={LEAD_DAYS_ID}
              name="leadDays"
              label="Working days before a key date"
              description="1 to 10 whole numbers from 1 to 60, separated by commas"
              defaultValue={loaded.data.leadDays.join(', ')}
              error={problem?.fields.leadDays}
              style={{ minWidth: '18rem' }}
            />
            <Button type="submit" loading={pending}>
              Save lead times
            </Button>
          </Group>
        </form>
      )}
    </section>
  );
}

function Templates({ api, announce }: { api: ApiClient; announce: (m: string) => void }) {
  const { loaded, reload } = useLoad(() => settingsApi.allTemplates(api), 'templates');
  const changed = (message: string) => {
    announce(message);
    void reload();
  };
  return (
    <section aria-labelledby="templates-heading" className="settings-section">
      <h2 id="templates-heading" className="section-title">
        Time-limit templates
      </h2>
      {loaded.state === 'loading' && <PageLoading what="time-limit templates" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p className="section-hint">
            Practitioners work a key date out from an event date with these. Every computed date ends with: “
            {loaded.data.mustConfirm}” Inactive templates are no longer offered.
          </p>
          <ul className="template-list">
            {loaded.data.templates.map((t) => (
              <TemplateItem key={t.key} api={api} template={t} changed={changed} />
            ))}
          </ul>
          <InlineForm
            label="Add a time limit"
            submitLabel="Add time limit"
            fieldIds={templateFieldIds('new-template')}
            onSubmit={async (d) => {
              const body = parseOrThrow(
                createTimeLimitTemplateRequestSchema.safeParse({
                  key: textOf(d, 'key'),
                  ...templateBodyOf(d),
                }),
              );
              await settingsApi.createTemplate(api, body);
            }}
            onDone={() => changed('Time limit added.')}
          >
            {(p) => <TemplateFields prefix="new-template" problem={p} withKey />}
          </InlineForm>
        </>
      )}
    </section>
  );
}

function TemplateItem({
  api,
  template: t,
  changed,
}: {
  api: ApiClient;
  template: TimeLimitTemplateResponse;
  changed: (message: string) => void;
}) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `template-${t.key}`;
  async function toggle() {
    setPending(true);
    try {
      await settingsApi.setTemplateActive(api, t.key, !t.active);
      setProblem(null);
      changed(`${t.name}: ${t.active ? 'deactivated' : 'activated'}.`);
    } catch (error) {
      setProblem(problemFromError(error)?.detail ?? null);
    } finally {
      setPending(false);
    }
  }
  return (
    <li className={t.active ? 'template-item' : 'template-item inactive'}>
      <h3 id={headingId} className="template-name">
        {t.name} {!t.active && <span className="status-tag">Inactive</span>}
      </h3>
      <dl className="template-facts">
        <dt>Rule</dt>
        <dd>
          {ruleWords(t.rule)} from {t.eventLabel}
          {t.alternative && `; ${ruleWords(t.alternative.rule)} when ${t.alternative.condition}`}
        </dd>
        <dt>Source</dt>
        <dd>{t.source}</dd>
        <dt>What to check</dt>
        <dd>{t.caution}</dd>
      </dl>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
      <button type="button" className="text-button" onClick={() => void toggle()} disabled={pending}>
        {t.active ? `Deactivate ${t.name}` : `Activate ${t.name}`}
      </button>
      <InlineForm
        compact
        label={`Edit ${t.name}`}
        submitLabel="Save changes"
        fieldIds={templateFieldIds(`edit-${t.key}`)}
        onSubmit={async (d) => {
          const body = parseOrThrow(updateTimeLimitTemplateRequestSchema.safeParse(templateBodyOf(d)));
          await settingsApi.updateTemplate(api, t.key, body);
        }}
        onDone={() => changed('Time limit saved.')}
      >
        {(p) => <TemplateFields prefix={`edit-${t.key}`} template={t} problem={p} />}
      </InlineForm>
    </li>
  );
}
