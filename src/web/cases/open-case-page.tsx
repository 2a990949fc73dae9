import { Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { type FormEvent, useEffect, useState } from 'react';
import { openCaseRequestSchema } from '../../contract/cases.ts';
import { COMMON_INDICATORS } from '../../domain/cases/vulnerability-indicators.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { useFlash } from '../lib/flash.ts';
import { formatDate } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { StatusNotice } from '../notice.tsx';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { recordsApi } from '../records-api.ts';
import { navigate, useSearch } from '../router.ts';
import { paths } from '../routes.ts';
import { type ClientChoice, ClientPicker } from './client-picker.tsx';
import { indicatorsFromForm } from './indicators.ts';

const FIELD_IDS = {
  clientId: 'case-client',
  caseTypeId: 'case-type',
  teamId: 'case-team',
  presentingIssue: 'case-issue',
  desiredOutcome: 'case-outcome',
  complexityWeight: 'case-complexity',
  vulnerabilityIndicators: 'case-indicator-0',
};

/** Open a case for a client (chosen already after recording them, or found here). Then: the case page. */
export function OpenCasePage({ api, session }: { api: ApiClient; session: Session }) {
  const clientParam = new URLSearchParams(useSearch()).get('client');
  const flash = useFlash();
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [client, setClient] = useState<ClientChoice | null>(null);

  const { loaded, reload } = useLoad(async () => {
    const [types, me, preset] = await Promise.all([
      recordsApi.caseTypes(api),
      recordsApi.me(api, session.user.id),
      clientParam ? recordsApi.getClient(api, clientParam) : Promise.resolve(null),
    ]);
    return { types: types.caseTypes.filter((t) => t.active), teams: me.teams, preset };
  }, clientParam ?? '');

  const preset = loaded.data?.preset;
  useEffect(() => {
    if (preset) {
      const born = preset.dateOfBirth ? `, born ${formatDate(preset.dateOfBirth)}` : '';
      setClient({ id: preset.id, label: `${preset.displayName}${born}` });
    }
  }, [preset]);

  if (loaded.state === 'loading') return <PageLoading what="the form" />;
  if (loaded.state === 'failed') return <LoadFailed detail={loaded.problem.detail} onRetry={reload} />;
  const { types, teams } = loaded.data;
  const askTeam = teams.length > 1 || Boolean(problem?.fields.teamId);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const weight = text('complexityWeight');
    const parsed = openCaseRequestSchema.safeParse({
      clientId: client?.id ?? '',
      caseTypeId: text('caseTypeId'),
      presentingIssue: text('presentingIssue'),
      ...(text('desiredOutcome') ? { desiredOutcome: text('desiredOutcome') } : {}),
      ...(text('teamId') ? { teamId: text('teamId') } : {}),
      complexityWeight: weight === '' ? 1 : Number(weight),
      vulnerabilityIndicators: indicatorsFromForm(data),
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      const opened = await recordsApi.openCase(api, parsed.data);
      navigate(paths.case(opened.id));
    } catch (error) {
      setProblem(problemFromError(error));
      setPending(false);
    }
  }

  return (
    <>
      <StatusNotice notice={flash ? { tone: 'success', text: flash } : null} />
      <PageHeading>Open a case</PageHeading>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate className="record-form">
        <Stack gap="sm" maw="44rem">
          <ClientPicker
            api={api}
            inputId={FIELD_IDS.clientId}
            error={problem?.fields.clientId}
            chosen={client}
            onChoose={setClient}
          />
          <NativeSelect
            id={FIELD_IDS.caseTypeId}
            name="caseTypeId"
            label="Case type"
            required
            defaultValue=""
            error={problem?.fields.caseTypeId}
            data={[
              { value: '', label: 'Choose a case type' },
              ...types.map((t) => ({ value: t.id, label: t.name })),
            ]}
          />
          {askTeam && (
            <NativeSelect
              id={FIELD_IDS.teamId}
              name="teamId"
              label="Team"
              description="You belong to more than one team: which one holds this case?"
              required
              defaultValue=""
              error={problem?.fields.teamId}
              data={[
                { value: '', label: 'Choose a team' },
                ...teams.map((t) => ({ value: t.id, label: t.name })),
              ]}
            />
          )}
          <Textarea
            id={FIELD_IDS.presentingIssue}
            name="presentingIssue"
            label="Presenting issue"
            description="What the client came about, in their words where you can"
            required
            autosize
            minRows={3}
            error={problem?.fields.presentingIssue}
          />
          <Textarea
            id={FIELD_IDS.desiredOutcome}
            name="desiredOutcome"
            label="Desired outcome (optional)"
            description="What the client wants to be different"
            autosize
            minRows={2}
            error={problem?.fields.desiredOutcome}
          />
          <TextInput
            id={FIELD_IDS.complexityWeight}
            name="complexityWeight"
            type="number"
            inputMode="decimal"
            min={0.5}
            max={10}
            step={0.5}
            defaultValue="1"
            label="Complexity weight"
            description="1 is a typical case; 0.5 a simple one; up to 10 for the most complex"
            error={problem?.fields.complexityWeight}
            maw="16rem"
          />
          <fieldset className="form-section compact">
            <legend>Vulnerability indicators (optional)</legend>
            <div className="check-grid">
              {COMMON_INDICATORS.map((label, i) => (
                <label key={label} className="check-row" htmlFor={`case-indicator-${i}`}>
                  <input type="checkbox" id={`case-indicator-${i}`} name="indicator" value={label} />
                  {label}
                </label>
              ))}
            </div>
            <TextInput
              id="case-indicator-other"
              name="indicatorOther"
              label="Other indicators (optional)"
              description="Separate several with commas"
              mt="xs"
              error={problem?.fields.vulnerabilityIndicators}
            />
          </fieldset>
          <div>
            <Button type="submit" loading={pending}>
              Open case
            </Button>
          </div>
        </Stack>
      </form>
    </>
  );
}
