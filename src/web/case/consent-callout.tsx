import { NativeSelect, TextInput } from '@mantine/core';
import {
  consentSchema,
  recordConsentRequestSchema,
  renewConsentRequestSchema,
} from '../../contract/clients.ts';
import { todayIso } from '../lib/format.ts';
import type { SectionProps } from './case-data.ts';
import { InlineForm, parseOrThrow, textOf } from './inline-form.tsx';

const LAWFUL_BASES = [
  { value: 'consent', label: 'Consent' },
  { value: 'contract', label: 'Contract' },
  { value: 'legal-obligation', label: 'Legal obligation' },
  { value: 'vital-interests', label: 'Vital interests' },
  { value: 'public-task', label: 'Public task' },
  { value: 'legitimate-interests', label: 'Legitimate interests' },
];

/**
 * A client without live consent to recording (expired, withdrawn or never recorded): said in words
 * under the case heading, with a way to renew the expired consent or record a new one.
 */
export function ConsentCallout({ api, data, changed }: SectionProps) {
  const { kase } = data;
  const standing = kase.recordingConsent;
  if (!standing.flagged) return null;
  const renewing = standing.status === 'expired' && standing.consentId !== null;
  const clientPath = `/api/clients/${encodeURIComponent(kase.client.id)}/consents`;
  return (
    <section
      className="callout callout-warning"
      aria-labelledby="consent-callout-heading"
      data-testid="consent-callout"
    >
      <h2 id="consent-callout-heading" className="callout-title">
        Consent to recording needed
      </h2>
      <p className="callout-text">{standing.message}</p>
      {kase.yourAccess.contribute && (
        <InlineForm
          label={renewing ? 'Renew consent to recording' : 'Record consent to recording'}
          submitLabel={renewing ? 'Renew consent' : 'Record consent'}
          fieldIds={{ givenAt: 'consent-given-at', lawfulBasis: 'consent-lawful-basis' }}
          onSubmit={async (d) => {
            if (renewing) {
              const body = parseOrThrow(
                renewConsentRequestSchema.safeParse({ givenAt: textOf(d, 'givenAt') }),
              );
              await api.post(
                `${clientPath}/${encodeURIComponent(standing.consentId ?? '')}/renew`,
                consentSchema,
                {
                  body,
                },
              );
            } else {
              const body = parseOrThrow(
                recordConsentRequestSchema.safeParse({
                  purpose: 'recording',
                  lawfulBasis: textOf(d, 'lawfulBasis'),
                  givenAt: textOf(d, 'givenAt'),
                }),
              );
              await api.post(clientPath, consentSchema, { body });
            }
          }}
          onDone={() =>
            changed(renewing ? 'Consent to recording renewed.' : 'Consent to recording recorded.')
          }
        >
          {(p) => (
            <div className="form-grid">
              <TextInput
                id="consent-given-at"
                name="givenAt"
                type="date"
                label="Date the client gave consent"
                defaultValue={todayIso()}
                required
                error={p?.fields.givenAt}
              />
              {!renewing && (
                <NativeSelect
                  id="consent-lawful-basis"
                  name="lawfulBasis"
                  label="Lawful basis"
                  data={LAWFUL_BASES}
                  error={p?.fields.lawfulBasis}
                />
              )}
            </div>
          )}
        </InlineForm>
      )}
    </section>
  );
}
