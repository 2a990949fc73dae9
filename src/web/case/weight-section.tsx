/**
 * "Weight and complexity": the case's weight with how it is made, and checkboxes for the manual
 * complexity factors (saved with a button). Rule-based factors apply by themselves and say why.
 */
import '../capacity/capacity.css';
import { Button } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { CaseWeightResponse } from '../../contract/weighting.ts';
import { capacityApi } from '../capacity/capacity-api.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import type { SectionProps } from './case-data.ts';

export function WeightSection({ api, data, changed }: SectionProps) {
  const { weight } = data;
  const ruleFactors = weight.factors.filter((f) => f.appliesWhen !== 'manual');
  const ticked = weight.manualFactors.filter((f) => f.ticked).map((f) => f.id);
  return (
    <section id="weight" aria-labelledby="weight-heading" className="record-section">
      <h2 id="weight-heading" className="section-title">
        Weight and complexity
      </h2>
      <dl className="detail-list">
        <div className="detail-row">
          <dt>Weight</dt>
          <dd>
            <span className="cap-weight" data-testid="case-weight">
              {weight.weight}
            </span>
            {weight.countsInLoad ? '' : ' (closed: it counts in nobody’s load)'}
          </dd>
        </div>
        <div className="detail-row">
          <dt>How it is made</dt>
          <dd data-testid="case-weight-explanation">{weight.explanation}</dd>
        </div>
        <div className="detail-row">
          <dt>Applied by rule</dt>
          <dd>
            {ruleFactors.length === 0 ? (
              'None'
            ) : (
              <ul className="plain-list">
                {ruleFactors.map((f) => (
                  <li key={f.id}>
                    {f.label} (×{f.multiplier}): {f.appliesWhenWords}
                  </li>
                ))}
              </ul>
            )}
          </dd>
        </div>
      </dl>
      <p className="section-hint">
        The weight is the case type’s base weight ({weight.baseWeight} for {weight.caseType.name}) times every
        complexity factor that applies
        {weight.adjustment === 1 ? '' : `, times the case’s own adjustment (${weight.adjustment})`}. It counts
        towards the owner’s capacity.
      </p>
      {weight.manualFactors.length === 0 ? (
        <p className="empty-text">Your organisation has no factors to tick by hand.</p>
      ) : (
        <FactorForm api={api} weight={weight} ticked={ticked} changed={changed} />
      )}
    </section>
  );
}

/** The manual factors as checkboxes, starting from those ticked; saved together by the button. */
function FactorForm({
  api,
  weight,
  ticked,
  changed,
}: Pick<SectionProps, 'api' | 'changed'> & { weight: CaseWeightResponse; ticked: readonly string[] }) {
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set(ticked));
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const firstBox = weight.manualFactors[0] ? `weight-factor-${weight.manualFactors[0].id}` : 'weight-save';

  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    try {
      const after = await capacityApi.setCaseFactors(
        api,
        weight.caseId,
        weight.manualFactors.filter((f) => chosen.has(f.id)).map((f) => f.id),
      );
      setProblem(null);
      changed(`Complexity factors saved. The case now weighs ${after.weight}.`);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={save} noValidate aria-label="Complexity factors ticked by hand">
      <ErrorSummary problem={problem} fieldIds={{ factorIds: firstBox }} />
      <fieldset className="form-section" disabled={!weight.yourAccess.contribute}>
        <legend>Factors ticked by hand</legend>
        {problem?.fields.factorIds && <p className="field-error">{problem.fields.factorIds}</p>}
        <div className="check-grid">
          {weight.manualFactors.map((f) => (
            <label key={f.id} className="check-row" htmlFor={`weight-factor-${f.id}`}>
              <input
                type="checkbox"
                id={`weight-factor-${f.id}`}
                checked={chosen.has(f.id)}
                onChange={(event) => {
                  const next = new Set(chosen);
                  if (event.currentTarget.checked) next.add(f.id);
                  else next.delete(f.id);
                  setChosen(next);
                }}
              />
              {f.label} (×{f.multiplier})
            </label>
          ))}
        </div>
      </fieldset>
      {weight.yourAccess.contribute ? (
        <Button id="weight-save" type="submit" size="compact-sm" mt="xs" loading={pending}>
          Save complexity factors
        </Button>
      ) : (
        <p className="meta">Only the case’s team may change these.</p>
      )}
    </form>
  );
}
