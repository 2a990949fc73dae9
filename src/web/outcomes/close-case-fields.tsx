import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ZodError } from 'zod';
import type { OutcomeTypeResponse } from '../../contract/outcomes.ts';
import { poundsToPence } from '../../domain/outcomes/money.ts';
import { FINANCIAL_KIND_LABELS } from '../../domain/outcomes/outcome-report.ts';
import type { ApiClient } from '../api-client.ts';
import { textOf } from '../case/inline-form.tsx';
import { exchangeApi } from '../exchange/exchange-api.ts';
import { FREQUENCY_LABELS } from '../exchange/exchange-labels.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';

/** Input ids of a financial outcome's fields, by the problem field names of `prefix`. */
const financialIds = (prefix: string, idPrefix: string) => ({
  [`${prefix}kind`]: `${idPrefix}-kind`,
  [`${prefix}amountPence`]: `${idPrefix}-amount`,
  [`${prefix}frequency`]: `${idPrefix}-frequency`,
  [`${prefix}description`]: `${idPrefix}-description`,
});

/** Problem field → input id of the close form. */
export const CLOSE_FIELD_IDS: Record<string, string> = {
  outcomeKey: 'close-outcome-key',
  outcome: 'close-outcome',
  closureReason: 'close-reason',
  ...financialIds('financialOutcomes.0.', 'close-fin'),
  financialOutcomes: 'close-fin-amount',
};

/** Problem field → input id of the "Add a financial outcome" form. */
export const FINANCIAL_FIELD_IDS: Record<string, string> = { ...financialIds('', 'fin'), body: 'fin-amount' };

/**
 * The financial outcome typed into a form (none when no amount is given, unless `required`); the
 * amount is typed in pounds and sent in whole pence.
 * @throws ZodError naming the amount when it is not pounds and pence (or missing but required)
 */
export function financialOutcomeOf(d: FormData, required = false): object[] {
  const amount = textOf(d, 'amount');
  if (!amount && !required) return [];
  const amountPence = poundsToPence(amount);
  if (amountPence === null) {
    throw new ZodError([
      {
        code: 'custom',
        path: required ? ['amountPence'] : ['financialOutcomes', 0, 'amountPence'],
        message: 'Enter the amount in pounds and pence, for example 25.50',
        input: amount,
      },
    ]);
  }
  const description = textOf(d, 'finDescription');
  return [
    {
      kind: textOf(d, 'finKind'),
      amountPence,
      frequency: textOf(d, 'finFrequency'),
      ...(description ? { description } : {}),
    },
  ];
}

/**
 * A financial outcome's fields: kind, amount in pounds, how often, description. `prefix` is how
 * problems name them ('financialOutcomes.0.' in the close form); `legend` null leaves out the box.
 */
export function CloseCaseFinancialFields({
  problem: p,
  prefix,
  legend,
}: {
  problem: FormProblem | null;
  prefix: string;
  legend: string | null;
}) {
  const ids = prefix ? CLOSE_FIELD_IDS : FINANCIAL_FIELD_IDS;
  const id = (name: string) => ids[`${prefix}${name}`];
  const f = (name: string) => p?.fields[`${prefix}${name}`];
  const fields = (
    <>
      <div className="financial-row">
        <NativeSelect
          id={id('kind')}
          name="finKind"
          label="Kind"
          data={Object.entries(FINANCIAL_KIND_LABELS).map(([value, label]) => ({ value, label }))}
          error={f('kind')}
        />
        <TextInput
          id={id('amountPence')}
          name="amount"
          label="Amount (£)"
          description={legend ? 'Leave empty for none' : 'In pounds, for example 25.50'}
          inputMode="decimal"
          error={f('amountPence') ?? (prefix ? p?.fields.financialOutcomes : p?.fields.body)}
        />
        <NativeSelect
          id={id('frequency')}
          name="finFrequency"
          label="How often"
          data={Object.entries(FREQUENCY_LABELS).map(([value, label]) => ({ value, label }))}
          error={f('frequency')}
        />
      </div>
      <TextInput
        id={id('description')}
        name="finDescription"
        label="Description (optional)"
        description="For example: PIP standard daily living"
        mt="xs"
        error={f('description')}
      />
    </>
  );
  if (!legend) return fields;
  return (
    <fieldset className="form-fieldset">
      <legend>{legend}</legend>
      {fields}
    </fieldset>
  );
}

/** The outcome list of the organisation (in use), loaded when the close form opens. */
function useOutcomeTypes(api: ApiClient) {
  const [types, setTypes] = useState<OutcomeTypeResponse[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    exchangeApi.outcomeTypes(api).then(
      (list) => live && setTypes(list.outcomeTypes),
      (error: unknown) => live && setProblem(problemFromError(error)?.detail ?? null),
    );
    return () => {
      live = false;
    };
  }, [api]);
  return { types, problem };
}

/**
 * The close form's fields: the outcome from the organisation's list, optional details, the
 * reason for closing and — where the organisation records them — a financial outcome.
 */
export function CloseCaseFields({
  api,
  recordsFinancial,
  problem: p,
}: {
  api: ApiClient;
  recordsFinancial: boolean;
  problem: FormProblem | null;
}) {
  const { types, problem } = useOutcomeTypes(api);
  return (
    <>
      <NativeSelect
        id={CLOSE_FIELD_IDS.outcomeKey}
        name="outcomeKey"
        label="Outcome"
        description={
          problem ?? (types ? 'From your organisation’s outcome list' : 'Loading the outcome list…')
        }
        data={[
          { value: '', label: 'Choose the outcome' },
          ...(types ?? []).map((t) => ({ value: t.key, label: t.label })),
        ]}
        error={p?.fields.outcomeKey}
      />
      <Textarea
        id={CLOSE_FIELD_IDS.outcome}
        name="outcome"
        label="Outcome details (optional)"
        description="What came of the case for the client, in your words"
        autosize
        minRows={2}
        mt="xs"
        error={p?.fields.outcome}
      />
      <Textarea
        id={CLOSE_FIELD_IDS.closureReason}
        name="closureReason"
        label="Why is the case closed?"
        description="For example: advice given and acted on; client no longer in contact"
        required
        autosize
        minRows={2}
        mt="xs"
        error={p?.fields.closureReason}
      />
      {recordsFinancial && (
        <CloseCaseFinancialFields
          problem={p}
          prefix="financialOutcomes.0."
          legend="Financial outcome (optional)"
        />
      )}
    </>
  );
}
