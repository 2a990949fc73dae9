import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import {
  createReferralRequestSchema,
  type ReferralResponse,
  updateReferralRequestSchema,
} from '../../contract/exchange.ts';
import type { SectionProps } from '../case/case-data.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import type { FormProblem } from '../form-problem.tsx';
import { formatDate, todayIso } from '../lib/format.ts';
import { exchangeApi } from './exchange-api.ts';
import { BASES_WITHOUT_CONSENT, LAWFUL_BASIS_LABELS, REFERRAL_STATUS_LABELS } from './exchange-labels.ts';

const FIELD_IDS = {
  direction: 'ref-direction',
  organisation: 'ref-organisation',
  service: 'ref-service',
  reason: 'ref-reason',
  informationShared: 'ref-information',
  referredOn: 'ref-date',
  // CONSENT_REQUIRED names consentId: its message belongs with the lawful basis that can replace it.
  consentId: 'ref-basis',
  lawfulBasis: 'ref-basis',
  sharingRationale: 'ref-rationale',
};

/** Why consent matters, and what the client has given. */
function ConsentRule({ consent }: { consent: SectionProps['data']['exchange']['referralConsent'] }) {
  return (
    <div className="consent-rule" data-testid="consent-rule">
      <p>
        A referral out shares the client’s information. It needs the client’s consent to referral, or — when
        you share without consent, for example because of a safeguarding concern — the lawful basis and your
        reasons.
      </p>
      <p>
        {consent
          ? `The client’s consent to referral is recorded (given ${formatDate(consent.givenAt)}${
              consent.expiresAt ? `, until ${formatDate(consent.expiresAt)}` : ''
            }): this referral relies on it.`
          : 'No consent to referral is recorded for the client (withdrawn or expired consents do not count).'}
      </p>
    </div>
  );
}

function ReferralFields({ data, problem: p }: { data: SectionProps['data']; problem: FormProblem | null }) {
  const [direction, setDirection] = useState<'out' | 'in'>('out');
  const consent = data.exchange.referralConsent;
  const showBasis = direction === 'out' && (!consent || Boolean(p?.fields.consentId));
  return (
    <>
      <NativeSelect
        id={FIELD_IDS.direction}
        name="direction"
        label="Direction"
        value={direction}
        onChange={(e) => setDirection(e.currentTarget.value === 'in' ? 'in' : 'out')}
        data={[
          { value: 'out', label: 'Out: we refer the client to another organisation' },
          { value: 'in', label: 'In: another organisation referred the client to us' },
        ]}
        error={p?.fields.direction}
      />
      {direction === 'out' && <ConsentRule consent={consent} />}
      <div className="form-grid">
        <TextInput
          id={FIELD_IDS.organisation}
          name="organisation"
          label={direction === 'out' ? 'Organisation referred to' : 'Organisation that referred the client'}
          required
          error={p?.fields.organisation}
        />
        <TextInput
          id={FIELD_IDS.service}
          name="service"
          label="Service (optional)"
          error={p?.fields.service}
        />
        <TextInput
          id={FIELD_IDS.referredOn}
          name="referredOn"
          type="date"
          label="Date of the referral"
          defaultValue={todayIso()}
          required
          error={p?.fields.referredOn}
        />
      </div>
      <Textarea
        id={FIELD_IDS.reason}
        name="reason"
        label="Why"
        required
        autosize
        minRows={2}
        error={p?.fields.reason}
      />
      <Textarea
        id={FIELD_IDS.informationShared}
        name="informationShared"
        label={direction === 'out' ? 'Information you share with them' : 'Information they sent (optional)'}
        description={
          direction === 'out'
            ? 'For example: name, phone number, the decision letter. It is kept as an information-sharing record.'
            : undefined
        }
        required={direction === 'out'}
        autosize
        minRows={2}
        mt="xs"
        error={p?.fields.informationShared}
      />
      {showBasis && (
        <fieldset className="form-fieldset" data-testid="lawful-basis-fields">
          <legend>Sharing without the client’s consent</legend>
          <NativeSelect
            id={FIELD_IDS.lawfulBasis}
            name="lawfulBasis"
            label="Lawful basis for sharing"
            description="The UK GDPR basis that allows sharing without consent"
            data={[
              { value: '', label: 'Choose the lawful basis' },
              ...BASES_WITHOUT_CONSENT.map((b) => ({ value: b, label: LAWFUL_BASIS_LABELS[b] })),
            ]}
            error={p?.fields.lawfulBasis ?? p?.fields.consentId}
          />
          <Textarea
            id={FIELD_IDS.sharingRationale}
            name="sharingRationale"
            label="Why you share without consent"
            description="For example: a safeguarding concern — say what the risk is and why asking for consent would not do"
            autosize
            minRows={3}
            mt="xs"
            error={p?.fields.sharingRationale}
          />
        </fieldset>
      )}
    </>
  );
}

/** Record a referral out or in; the consent rule is explained, and the lawful-basis fields shown when needed. */
export function AddReferralForm({ api, data, changed }: SectionProps) {
  return (
    <InlineForm
      label="Record a referral"
      submitLabel="Record the referral"
      fieldIds={FIELD_IDS}
      onSubmit={async (d) => {
        const optional = (name: string) => {
          const value = textOf(d, name);
          return value ? { [name]: value } : {};
        };
        const body = parseOrThrow(
          createReferralRequestSchema.safeParse({
            direction: textOf(d, 'direction'),
            organisation: textOf(d, 'organisation'),
            reason: textOf(d, 'reason'),
            ...optional('service'),
            ...optional('informationShared'),
            ...optional('referredOn'),
            ...optional('lawfulBasis'),
            ...optional('sharingRationale'),
          }),
        );
        await exchangeApi.addReferral(api, data.kase.id, body);
      }}
      onDone={() => changed('Referral recorded.')}
    >
      {(p) => <ReferralFields data={data} problem={p} />}
    </InlineForm>
  );
}

/** Move a referral on, and say what came of it. */
export function UpdateReferralForm({
  referral: r,
  api,
  changed,
}: { referral: ReferralResponse } & Omit<SectionProps, 'data'>) {
  const ids = { status: `ref-status-${r.id}`, outcome: `ref-outcome-${r.id}` };
  return (
    <InlineForm
      compact
      label={`Update the referral to ${r.organisation}`}
      submitLabel="Save"
      fieldIds={ids}
      onSubmit={async (d) => {
        const status = textOf(d, 'status');
        const body = parseOrThrow(
          updateReferralRequestSchema.safeParse({
            ...(status ? { status } : {}),
            outcome: textOf(d, 'outcome'),
          }),
        );
        await exchangeApi.updateReferral(api, r.id, body);
      }}
      onDone={() => changed('Referral updated.')}
    >
      {(p) => (
        <>
          <NativeSelect
            id={ids.status}
            name="status"
            label="Status"
            data={[
              { value: '', label: `Keep: ${REFERRAL_STATUS_LABELS[r.status]}` },
              ...r.nextStatuses.map((s) => ({ value: s, label: REFERRAL_STATUS_LABELS[s] })),
            ]}
            error={p?.fields.status}
          />
          <Textarea
            id={ids.outcome}
            name="outcome"
            label="Outcome"
            description="What came of the referral"
            defaultValue={r.outcome ?? ''}
            autosize
            minRows={2}
            mt="xs"
            error={p?.fields.outcome}
          />
        </>
      )}
    </InlineForm>
  );
}
