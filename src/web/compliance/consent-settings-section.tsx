/** Administrators: how long consent to recording lasts (a section of the caseload settings page). */
import { Button, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { consentSettingsRequestSchema, consentSettingsSchema } from '../../contract/consent-settings.ts';
import type { ApiClient } from '../api-client.ts';
import { textOf } from '../case/inline-form.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

const FIELD_ID = 'consent-recording-months';

export function ConsentSettingsSection({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(
    () => api.get('/api/organisation/consent-settings', consentSettingsSchema),
    'consent-settings',
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const text = textOf(new FormData(event.currentTarget), 'recordingConsentMonths');
    const parsed = consentSettingsRequestSchema.safeParse({
      recordingConsentMonths: /^\d+$/.test(text) ? Number(text) : text,
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      await api.put('/api/organisation/consent-settings', consentSettingsSchema, { body: parsed.data });
      setProblem(null);
      setAnnouncement('Consent setting saved.');
      await reload();
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="consent-settings-heading" className="settings-section">
      <h2 id="consent-settings-heading" className="section-title">
        Consent to recording
      </h2>
      <p role="status" className="meta">
        {announcement}
      </p>
      {loaded.state === 'loading' && <PageLoading what="the consent setting" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <form
          key={loaded.data.recordingConsentMonths}
          onSubmit={submit}
          noValidate
          aria-label="Consent to recording"
        >
          <ErrorSummary problem={problem} fieldIds={{ recordingConsentMonths: FIELD_ID }} />
          <TextInput
            id={FIELD_ID}
            name="recordingConsentMonths"
            label="Consent to recording lasts (months)"
            description={`When a consent record has no expiry date of its own. A client whose consent has run out is flagged on their cases and the worklist. 1 to 120; the default is ${loaded.data.defaults.recordingConsentMonths}.`}
            inputMode="numeric"
            defaultValue={String(loaded.data.recordingConsentMonths)}
            error={problem?.fields.recordingConsentMonths}
            maw="24rem"
            mb="md"
          />
          <Button type="submit" loading={pending}>
            Save the consent setting
          </Button>
        </form>
      )}
    </section>
  );
}
