/**
 * Administrators' page: the organisation's caseload settings — after how many working days without
 * attention an open case counts as stalled, the default weeks between caseload reviews, and whether
 * financial outcomes are recorded when a case is closed.
 */
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Button, Checkbox, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type CaseloadSettingsResponse,
  caseloadSettingsRequestSchema,
  caseloadSettingsSchema,
} from '../../contract/caseload-settings.ts';
import type { ApiClient } from '../api-client.ts';
import { textOf } from '../case/inline-form.tsx';
import { ConsentSettingsSection } from '../compliance/consent-settings-section.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

const IDS = {
  stalledAfterDays: 'caseload-stalled-after-days',
  reviewCadenceWeeks: 'caseload-review-cadence-weeks',
  recordsFinancialOutcomes: 'caseload-records-financial-outcomes',
};

const numberOrText = (text: string): number | string => (/^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text);

export function CaseloadSettingsPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(
    () => api.get('/api/organisation/caseload-settings', caseloadSettingsSchema),
    'caseload-settings',
  );
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = caseloadSettingsRequestSchema.safeParse({
      stalledAfterDays: numberOrText(textOf(data, 'stalledAfterDays')),
      reviewCadenceWeeks: numberOrText(textOf(data, 'reviewCadenceWeeks')),
      recordsFinancialOutcomes: data.get('recordsFinancialOutcomes') === 'on',
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      await api.put('/api/organisation/caseload-settings', caseloadSettingsSchema, { body: parsed.data });
      setProblem(null);
      setAnnouncement('Caseload settings saved.');
      await reload();
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <PageHeading>Caseload settings</PageHeading>
      <p role="status" className="meta">
        {announcement}
      </p>
      {loaded.state === 'loading' && <PageLoading what="caseload settings" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <SettingsForm settings={loaded.data} problem={problem} pending={pending} onSubmit={submit} />
      )}
      <ConsentSettingsSection api={api} />
    </>
  );
}

function SettingsForm({
  settings,
  problem,
  pending,
  onSubmit,
}: {
  settings: CaseloadSettingsResponse;
  problem: FormProblem | null;
  pending: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}) {
  const key = `${settings.stalledAfterDays}-${settings.reviewCadenceWeeks}-${settings.recordsFinancialOutcomes}`;
  return (
    <form
      key={key}
      onSubmit={onSubmit}
      noValidate
      aria-label="Caseload settings"
      className="settings-section"
    >
      <ErrorSummary problem={problem} fieldIds={IDS} />
      <TextInput
        id={IDS.stalledAfterDays}
        name="stalledAfterDays"
        label="Stalled after (working days)"
        description={`An open case with no attention for this many working days counts as stalled on the dashboard and in reviews. 1 to 250; the default is ${settings.defaults.stalledAfterDays}.`}
        inputMode="numeric"
        defaultValue={String(settings.stalledAfterDays)}
        error={problem?.fields.stalledAfterDays}
        maw="24rem"
        mb="md"
      />
      <TextInput
        id={IDS.reviewCadenceWeeks}
        name="reviewCadenceWeeks"
        label="Weeks between caseload reviews"
        description={`How often a practitioner’s caseload is reviewed with their supervisor, unless set for the person. 1 to 52; the default is ${settings.defaults.reviewCadenceWeeks}.`}
        inputMode="numeric"
        defaultValue={String(settings.reviewCadenceWeeks)}
        error={problem?.fields.reviewCadenceWeeks}
        maw="24rem"
        mb="md"
      />
      <Checkbox
        id={IDS.recordsFinancialOutcomes}
        name="recordsFinancialOutcomes"
        label="Record financial outcomes when a case is closed"
        description="Income gained, debt written off, arrears cleared."
        defaultChecked={settings.recordsFinancialOutcomes}
        error={problem?.fields.recordsFinancialOutcomes}
        mb="md"
      />
      <Button type="submit" loading={pending}>
        Save caseload settings
      </Button>
    </form>
  );
}
