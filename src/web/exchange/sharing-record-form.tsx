import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Checkbox, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { createSharingRecordRequestSchema } from '../../contract/exchange.ts';
import type { SectionProps } from '../case/case-data.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { formatDate, todayIso } from '../lib/format.ts';
import { exchangeApi } from './exchange-api.ts';
import { LAWFUL_BASIS_LABELS } from './exchange-labels.ts';

type Decision = 'shared' | 'not-shared';

const idsOf = (d: Decision) => ({
  recipient: `sr-${d}-recipient`,
  information: `sr-${d}-information`,
  purpose: `sr-${d}-purpose`,
  lawfulBasis: `sr-${d}-basis`,
  consentId: `sr-${d}-consent`,
  rationale: `sr-${d}-rationale`,
  decidedOn: `sr-${d}-date`,
});

/**
 * Record a decision to share a client's information (with its lawful basis or the client's
 * consent) or not to share it — safeguarding practice asks for both. Records are never changed.
 */
export function SharingRecordForm({ api, data, changed, decision }: SectionProps & { decision: Decision }) {
  const ids = idsOf(decision);
  const consent = data.exchange.referralConsent;
  const shared = decision === 'shared';
  return (
    <InlineForm
      label={shared ? 'Record a decision to share' : 'Record a decision not to share'}
      submitLabel={shared ? 'Record the disclosure' : 'Record the decision not to share'}
      fieldIds={ids}
      onSubmit={async (d) => {
        const lawfulBasis = textOf(d, 'lawfulBasis');
        const body = parseOrThrow(
          createSharingRecordRequestSchema.safeParse({
            decision,
            recipient: textOf(d, 'recipient'),
            information: textOf(d, 'information'),
            purpose: textOf(d, 'purpose'),
            rationale: textOf(d, 'rationale'),
            decidedOn: textOf(d, 'decidedOn'),
            ...(lawfulBasis ? { lawfulBasis } : {}),
            ...(consent && d.get('useConsent') === 'yes' ? { consentId: consent.id } : {}),
          }),
        );
        await exchangeApi.addSharingRecord(api, data.kase.id, body);
      }}
      onDone={() => changed(shared ? 'Disclosure recorded.' : 'Decision not to share recorded.')}
    >
      {(p) => (
        <>
          <div className="form-grid">
            <TextInput
              id={ids.recipient}
              name="recipient"
              label={shared ? 'Shared with' : 'Who asked (not shared with)'}
              required
              error={p?.fields.recipient}
            />
            <TextInput
              id={ids.decidedOn}
              name="decidedOn"
              type="date"
              label="Date of the decision"
              defaultValue={todayIso()}
              required
              error={p?.fields.decidedOn}
            />
          </div>
          <Textarea
            id={ids.information}
            name="information"
            label={shared ? 'Information shared' : 'Information asked for'}
            required
            autosize
            minRows={2}
            error={p?.fields.information}
          />
          <Textarea
            id={ids.purpose}
            name="purpose"
            label="Purpose"
            description="What the information was for, or what it was asked for"
            required
            autosize
            minRows={2}
            mt="xs"
            error={p?.fields.purpose}
          />
          {shared && (
            <fieldset className="form-fieldset">
              <legend>Basis for sharing</legend>
              <NativeSelect
                id={ids.lawfulBasis}
                name="lawfulBasis"
                label="Lawful basis"
                description="A disclosure needs its lawful basis, the client’s consent, or both"
                data={[
                  { value: '', label: 'None: the client’s consent only' },
                  ...Object.entries(LAWFUL_BASIS_LABELS).map(([value, label]) => ({ value, label })),
                ]}
                error={p?.fields.lawfulBasis}
              />
              {consent ? (
                <Checkbox
                  id={ids.consentId}
                  name="useConsent"
                  value="yes"
                  mt="xs"
                  label={`With the client’s consent to referral (given ${formatDate(consent.givenAt)})`}
                  error={p?.fields.consentId}
                />
              ) : (
                <p className="meta">No consent to referral is recorded for the client.</p>
              )}
            </fieldset>
          )}
          <Textarea
            id={ids.rationale}
            name="rationale"
            label={shared ? 'Why you shared it' : 'Why you decided not to share'}
            required
            autosize
            minRows={3}
            mt="xs"
            error={p?.fields.rationale}
          />
        </>
      )}
    </InlineForm>
  );
}
