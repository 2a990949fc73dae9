/**
 * What if: add a hypothetical case (an urgent referral, say), work fewer hours a week, or be away
 * some weeks — and see which cases slip. Nothing is stored.
 */
import { Button, NativeSelect, Table, TextInput } from '@mantine/core';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { CaseloadWhatIfRequest } from '../../contract/caseload.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { caseloadEffectApi, type WhatIfResult } from './caseload-effect-api.ts';
import { BandName, CaseLink, hours } from './effect-parts.tsx';

const FIELD_IDS: Record<string, string> = {
  change: 'whatif-add',
  'change.addCase': 'whatif-add',
  'change.addCase.band': 'whatif-band',
  'change.addCase.effortHours': 'whatif-effort',
  'change.addCase.deadlineWorkingDays': 'whatif-deadline',
  'change.capacityHours': 'whatif-capacity',
  'change.absentWeeks': 'whatif-week-1',
  'change.absentWeeks.0': 'whatif-week-1',
  userId: 'whatif-add',
};

const SHIFT_WORDS: Record<WhatIfResult['slipping'][number]['shift'], string> = {
  'newly breaching': 'Newly breaching',
  later: 'Attention later',
  unchanged: 'Unchanged',
  earlier: 'Attention earlier',
  'no longer breaching': 'No longer breaching',
};

const numberOrNull = (value: FormDataEntryValue | null): number | null => {
  const text = String(value ?? '').trim();
  if (text === '') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : Number.NaN;
};

export interface WhatIfFormProps {
  readonly api: ApiClient;
  /** Whose caseload (null: the signed-in person's). */
  readonly userId: string | null;
  readonly weeklyCapacityHours: number;
  readonly weeks: number;
}

export function WhatIfForm({ api, userId, weeklyCapacityHours, weeks }: WhatIfFormProps) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const change: CaseloadWhatIfRequest['change'] = {};
    if (data.get('addCase') === 'on') {
      const deadline = numberOrNull(data.get('deadline'));
      change.addCase = {
        band: String(data.get('band')) as 'red',
        effortHours: numberOrNull(data.get('effort')) ?? Number.NaN,
        ...(deadline === null ? {} : { deadlineWorkingDays: deadline }),
      };
    }
    const capacity = numberOrNull(data.get('capacity'));
    if (capacity === null || capacity !== weeklyCapacityHours) change.capacityHours = capacity ?? Number.NaN;
    const absent = data.getAll('absentWeek').map(Number);
    if (absent.length > 0) change.absentWeeks = absent;
    setPending(true);
    try {
      // NaN travels as null, which the server names as the field at fault.
      setResult(await caseloadEffectApi.whatIf(api, { ...(userId ? { userId } : {}), change }));
      setProblem(null);
    } catch (error) {
      setProblem(problemFromError(error));
      setResult(null);
    } finally {
      setPending(false);
    }
  }

  const error = (field: string) => problem?.fields[field];
  return (
    <section aria-labelledby="what-if-title" className="record-section">
      <h2 id="what-if-title" className="section-title">
        What if…
      </h2>
      <p className="section-hint">
        Try a change and see which cases slip. Nothing is saved; the forecast below stays as it is.
      </p>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate className="record-form">
        <fieldset className="form-section">
          <legend>A new case</legend>
          <label className="check-row" htmlFor="whatif-add">
            <input type="checkbox" id="whatif-add" name="addCase" defaultChecked />
            Add a hypothetical case
          </label>
          <div className="effect-fields effect-row">
            <NativeSelect
              id="whatif-band"
              name="band"
              label="Its band"
              defaultValue="red"
              error={error('change.addCase.band')}
              data={[
                { value: 'red', label: 'Red (urgent)' },
                { value: 'amber', label: 'Amber' },
                { value: 'green', label: 'Green' },
              ]}
            />
            <TextInput
              id="whatif-effort"
              name="effort"
              label="Effort (hours)"
              type="number"
              inputMode="decimal"
              defaultValue="3"
              error={error('change.addCase.effortHours')}
            />
            <TextInput
              id="whatif-deadline"
              name="deadline"
              label="Needs attention within (working days, optional)"
              description="Left empty: the first-contact timescale of its band"
              type="number"
              inputMode="numeric"
              error={error('change.addCase.deadlineWorkingDays')}
            />
          </div>
        </fieldset>
        <fieldset className="form-section">
          <legend>Time available</legend>
          <TextInput
            id="whatif-capacity"
            name="capacity"
            label="Weekly capacity (hours)"
            description={`Now ${hours(weeklyCapacityHours)} a week`}
            type="number"
            inputMode="decimal"
            defaultValue={String(weeklyCapacityHours)}
            error={error('change.capacityHours')}
            className="effect-number"
          />
          <fieldset className="effect-weeks">
            <legend>Weeks away (no time at all)</legend>
            {error('change.absentWeeks') || error('change.absentWeeks.0') ? (
              <p className="field-error">{error('change.absentWeeks') ?? error('change.absentWeeks.0')}</p>
            ) : null}
            <div className="check-grid">
              {Array.from({ length: weeks }, (_, i) => i + 1).map((week) => (
                <label key={week} className="check-row" htmlFor={`whatif-week-${week}`}>
                  <input type="checkbox" id={`whatif-week-${week}`} name="absentWeek" value={week} />
                  Week {week}
                </label>
              ))}
            </div>
          </fieldset>
        </fieldset>
        <Button type="submit" loading={pending}>
          Show the effect
        </Button>
      </form>
      {result && <WhatIfOutcome result={result} headingRef={resultHeading} />}
    </section>
  );
}

function WhatIfOutcome({
  result,
  headingRef,
}: {
  result: WhatIfResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const moved = [...result.slipping, ...result.improving];
  return (
    <section aria-labelledby="what-if-result-title" className="effect-outcome" data-testid="what-if-result">
      <h3 id="what-if-result-title" ref={headingRef} tabIndex={-1} className="subsection-title">
        The effect
      </h3>
      <p className="effect-headline">{result.summary}</p>
      {result.addedCase && (
        <p className="effect-reason">
          The hypothetical case (<BandName band={result.addedCase.band} />,{' '}
          {hours(result.addedCase.effortHours)}): {result.addedCase.reason}
        </p>
      )}
      <p className="meta">
        Hours available each week:{' '}
        {result.scenarioWeeks.map((w) => `week ${w.week} ${hours(w.capacityHours)}`).join(', ')}.
      </p>
      {moved.length === 0 ? (
        <p className="empty-text">No case moves.</p>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table className="data-table" verticalSpacing={6}>
            <Table.Caption>Cases that slip (or improve)</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Case</Table.Th>
                <Table.Th scope="col">Band</Table.Th>
                <Table.Th scope="col">Change</Table.Th>
                <Table.Th scope="col">Why</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {moved.map((d) => (
                <Table.Tr key={d.case.id}>
                  <Table.Th scope="row">
                    <CaseLink kase={d.case} />
                  </Table.Th>
                  <Table.Td>
                    <BandName band={d.band} />
                  </Table.Td>
                  <Table.Td>{SHIFT_WORDS[d.shift]}</Table.Td>
                  <Table.Td>{d.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </section>
  );
}
