/**
 * Administrators' "Complexity factors": the multipliers of a case type's base weight, each applying
 * by a rule the software checks or ticked on the case by hand. List, add, and change the label,
 * multiplier, rule or whether a factor is in use. Every case's weight changes at once.
 */
import '../capacity/capacity.css';
import { NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  type ComplexityFactorListResponse,
  type ComplexityFactorResponse,
  createComplexityFactorRequestSchema,
  updateComplexityFactorRequestSchema,
} from '../../contract/weighting.ts';
import type { ApiClient } from '../api-client.ts';
import { capacityApi } from '../capacity/capacity-api.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import type { FormProblem } from '../form-problem.tsx';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

type Rules = ComplexityFactorListResponse['rules'];

/** A number field's value: '' stays NaN, so the contract says what is wrong. */
const numberOf = (text: string): number => (text === '' ? Number.NaN : Number(text));

export function ComplexityFactorsPage({ api }: { api: ApiClient }) {
  const { loaded, reload } = useLoad(() => capacityApi.factors(api), 'complexity-factors');
  const [announcement, setAnnouncement] = useState('');
  const done = (message: string) => {
    setAnnouncement(message);
    void reload();
  };

  return (
    <>
      <PageHeading>Complexity factors</PageHeading>
      <p className="section-hint cap-intro">
        A case’s weight is its case type’s base weight multiplied by every complexity factor that applies to
        it (and by the case’s own adjustment). A factor applies by a rule Caseload checks from the record, or
        when the practitioner ticks it on the case. Weights are worked out when they are read, so a change
        here shows on every case, and in everyone’s capacity, at once. Factors are never deleted: take one out
        of use instead, and ticks on cases are kept for when it is back in use.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      {loaded.state === 'loading' && <PageLoading what="complexity factors" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <section aria-labelledby="factors-heading" className="record-section">
            <h2 id="factors-heading" className="section-title">
              Factors
            </h2>
            <ul className="record-list" aria-labelledby="factors-heading">
              {loaded.data.factors.map((f) => (
                <FactorItem key={f.id} api={api} factor={f} rules={loaded.data.rules} onDone={done} />
              ))}
            </ul>
          </section>
          <section aria-labelledby="add-factor-heading" className="record-section">
            <h2 id="add-factor-heading" className="section-title">
              Add a factor
            </h2>
            <AddFactor api={api} rules={loaded.data.rules} onDone={done} />
          </section>
          <section aria-labelledby="rules-heading" className="record-section">
            <h2 id="rules-heading" className="section-title">
              When a factor applies
            </h2>
            <dl className="detail-list">
              {loaded.data.rules.map((r) => (
                <div key={r.rule} className="detail-row">
                  <dt>{ruleName(r.rule)}</dt>
                  <dd>{r.words}</dd>
                </div>
              ))}
            </dl>
          </section>
        </>
      )}
    </>
  );
}

const RULE_NAMES: Record<Rules[number]['rule'], string> = {
  manual: 'Ticked by hand',
  'vulnerability-high': 'High vulnerability',
  'interpreter-needed': 'Interpreter needed',
  'safeguarding-open': 'Open safeguarding concern',
};
const ruleName = (rule: Rules[number]['rule']) => RULE_NAMES[rule];

function FactorItem({
  api,
  factor: f,
  rules,
  onDone,
}: {
  api: ApiClient;
  factor: ComplexityFactorResponse;
  rules: Rules;
  onDone: (message: string) => void;
}) {
  const prefix = `factor-${f.id}`;
  return (
    <li className="record-item" data-testid="complexity-factor">
      <div className="item-head">
        <span className="item-title">
          {f.label} ×{f.multiplier}
        </span>
        <span className="status-tag">{f.active ? 'In use' : 'Not in use'}</span>
      </div>
      <div className="meta">
        Applies when {f.appliesWhenWords}. Key: {f.key}.
      </div>
      <InlineForm
        compact
        label={`Change ${f.label}`}
        submitLabel="Save factor"
        fieldIds={{
          label: `${prefix}-label`,
          multiplier: `${prefix}-multiplier`,
          appliesWhen: `${prefix}-rule`,
          active: `${prefix}-active`,
        }}
        onSubmit={async (d) => {
          const body = parseOrThrow(
            updateComplexityFactorRequestSchema.safeParse({
              label: textOf(d, 'label'),
              multiplier: numberOf(textOf(d, 'multiplier')),
              appliesWhen: textOf(d, 'appliesWhen'),
              active: d.get('active') === 'on',
            }),
          );
          await capacityApi.updateFactor(api, f.id, body);
        }}
        onDone={() => onDone(`Saved ${f.label}. Every case’s weight uses it now.`)}
      >
        {(p) => <FactorFields prefix={prefix} rules={rules} problem={p} factor={f} />}
      </InlineForm>
    </li>
  );
}

function AddFactor({ api, rules, onDone }: { api: ApiClient; rules: Rules; onDone: (m: string) => void }) {
  const prefix = 'new-factor';
  return (
    <InlineForm
      label="Add a complexity factor"
      submitLabel="Add factor"
      fieldIds={{
        key: `${prefix}-key`,
        label: `${prefix}-label`,
        multiplier: `${prefix}-multiplier`,
        appliesWhen: `${prefix}-rule`,
        active: `${prefix}-active`,
      }}
      onSubmit={async (d) => {
        const body = parseOrThrow(
          createComplexityFactorRequestSchema.safeParse({
            key: textOf(d, 'key'),
            label: textOf(d, 'label'),
            multiplier: numberOf(textOf(d, 'multiplier')),
            appliesWhen: textOf(d, 'appliesWhen'),
            active: d.get('active') === 'on',
          }),
        );
        await capacityApi.createFactor(api, body);
      }}
      onDone={() => onDone('Factor added.')}
    >
      {(p) => (
        <>
          <TextInput
            id={`${prefix}-key`}
            name="key"
            label="Key"
            description="Lower-case letters, digits and hyphens, e.g. court-hearing; it cannot change later"
            required
            error={p?.fields.key}
            mb="xs"
          />
          <FactorFields prefix={prefix} rules={rules} problem={p} />
        </>
      )}
    </InlineForm>
  );
}

function FactorFields({
  prefix,
  rules,
  problem: p,
  factor,
}: {
  prefix: string;
  rules: Rules;
  problem: FormProblem | null;
  factor?: ComplexityFactorResponse;
}) {
  return (
    <div className="form-grid">
      <TextInput
        id={`${prefix}-label`}
        name="label"
        label="Label"
        required
        defaultValue={factor?.label ?? ''}
        error={p?.fields.label}
      />
      <TextInput
        id={`${prefix}-multiplier`}
        name="multiplier"
        label="Multiplier"
        description="From 0.1 to 5: 1.25 makes a case a quarter heavier"
        type="number"
        step={0.05}
        min={0.1}
        max={5}
        required
        defaultValue={factor?.multiplier ?? ''}
        error={p?.fields.multiplier}
      />
      <NativeSelect
        id={`${prefix}-rule`}
        name="appliesWhen"
        label="Applies when"
        defaultValue={factor?.appliesWhen ?? 'manual'}
        error={p?.fields.appliesWhen}
        data={rules.map((r) => ({ value: r.rule, label: `${ruleName(r.rule)}: ${r.words}` }))}
        className="span-2"
      />
      <label className="check-row span-2" htmlFor={`${prefix}-active`}>
        <input
          type="checkbox"
          id={`${prefix}-active`}
          name="active"
          defaultChecked={factor?.active ?? true}
        />
        In use (a factor not in use applies to no case)
      </label>
    </div>
  );
}
