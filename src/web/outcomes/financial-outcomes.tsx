import { financialOutcomeInputSchema } from '../../contract/outcomes.ts';
import { formatPence } from '../../domain/outcomes/money.ts';
import { FINANCIAL_KIND_LABELS } from '../../domain/outcomes/outcome-report.ts';
import type { SectionProps } from '../case/case-data.ts';
import { InlineForm, parseOrThrow } from '../case/inline-form.tsx';
import { exchangeApi } from '../exchange/exchange-api.ts';
import { FREQUENCY_LABELS } from '../exchange/exchange-labels.ts';
import { formatDateTime } from '../lib/format.ts';
import { CloseCaseFinancialFields, FINANCIAL_FIELD_IDS, financialOutcomeOf } from './close-case-fields.tsx';

/**
 * The case's financial outcomes (income gained, debt written off…), with "Add a financial
 * outcome" where the organisation records them. Nothing is shown where it does not and none exist.
 */
export function FinancialOutcomes({ api, data, changed }: SectionProps) {
  const { recorded, financialOutcomes: list } = data.financialOutcomes;
  const canAdd = recorded && data.kase.yourAccess.contribute;
  if (list.length === 0 && !canAdd) return null;
  return (
    <div className="financial-outcomes">
      <h3 className="subsection-title">Financial outcomes</h3>
      {list.length === 0 ? (
        <p className="empty-text">None recorded.</p>
      ) : (
        <ul className="record-list">
          {list.map((f) => (
            <li key={f.id} className="record-item">
              <div className="item-head">
                <span className="item-title">
                  {FINANCIAL_KIND_LABELS[f.kind]}: {formatPence(f.amountPence)}
                  {f.frequency === 'one-off' ? '' : ` ${FREQUENCY_LABELS[f.frequency].toLowerCase()}`}
                </span>
              </div>
              <div className="meta">
                {f.frequency === 'one-off' || f.frequency === 'annual'
                  ? ''
                  : `${formatPence(f.annualisedPence)} a year · `}
                Recorded by {f.recordedBy.displayName}, {formatDateTime(f.recordedAt)}
              </div>
              {f.description && <p className="prose">{f.description}</p>}
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <InlineForm
          label="Add a financial outcome"
          submitLabel="Add financial outcome"
          fieldIds={FINANCIAL_FIELD_IDS}
          onSubmit={async (d) => {
            const [draft] = financialOutcomeOf(d, true);
            const body = parseOrThrow(financialOutcomeInputSchema.safeParse(draft));
            await exchangeApi.addFinancialOutcome(api, data.kase.id, body);
          }}
          onDone={() => changed('Financial outcome recorded.')}
        >
          {(p) => <CloseCaseFinancialFields problem={p} prefix="" legend={null} />}
        </InlineForm>
      )}
    </div>
  );
}
