import './exchange.css';
import type { ExchangeEntry } from '../../contract/exchange.ts';
import type { SectionProps } from '../case/case-data.ts';
import { formatDate, formatDateTime } from '../lib/format.ts';
import { lawfulBasisWords, REFERRAL_STATUS_LABELS } from './exchange-labels.ts';
import { AddReferralForm, UpdateReferralForm } from './referral-form.tsx';
import { SharingRecordForm } from './sharing-record-form.tsx';

const KIND_WORDS: Record<ExchangeEntry['kind'], string> = {
  referral: 'Referral',
  'sharing-record': 'Information sharing',
  'colleague-share': 'Colleague access',
  specialist: 'Specialist',
  handover: 'Handover',
};

function EntryBody({ entry: e, ...props }: { entry: ExchangeEntry } & SectionProps) {
  switch (e.kind) {
    case 'referral': {
      const r = e.referral;
      const where = r.service ? `${r.organisation} (${r.service})` : r.organisation;
      return (
        <>
          <div className="item-head">
            <span className="item-title">
              {r.direction === 'out' ? `Referred to ${where}` : `Referred by ${where}`}
            </span>
            <span className="status-tag">{REFERRAL_STATUS_LABELS[r.status]}</span>
          </div>
          <div className="meta">
            {formatDate(r.referredOn)} · recorded by {r.createdBy.displayName}
            {r.direction === 'out' &&
              (r.consentId
                ? ' · with the client’s consent'
                : ` · without consent, lawful basis: ${lawfulBasisWords(r.lawfulBasis)}`)}
          </div>
          <p className="prose">Why: {r.reason}</p>
          {r.informationShared && (
            <p className="prose">
              {r.direction === 'out' ? 'Shared' : 'Received'}: {r.informationShared}
            </p>
          )}
          {r.sharingRationale && <p className="prose">Reason for sharing: {r.sharingRationale}</p>}
          {r.outcome && <p className="prose">Outcome: {r.outcome}</p>}
          {props.data.exchange.yourAccess.contribute && (r.nextStatuses.length > 0 || r.outcome === null) && (
            <UpdateReferralForm referral={r} api={props.api} changed={props.changed} />
          )}
        </>
      );
    }
    case 'sharing-record': {
      const s = e.sharingRecord;
      return (
        <>
          <div className="item-head">
            <span className="item-title">
              {s.decision === 'shared' ? `Shared with ${s.recipient}` : `Not shared with ${s.recipient}`}
            </span>
            <span className={`status-tag ${s.decision === 'shared' ? '' : 'status-blocking'}`}>
              {s.decision === 'shared' ? 'Shared' : 'Not shared'}
            </span>
          </div>
          <div className="meta">
            {formatDate(s.decidedOn)} · recorded by {s.recordedBy.displayName}
            {s.decision === 'shared' &&
              ` · ${[s.consentId ? 'with the client’s consent' : null, s.lawfulBasis ? `lawful basis: ${lawfulBasisWords(s.lawfulBasis)}` : null].filter(Boolean).join(', ')}`}
            {s.correctsId && ' · corrects an earlier record'}
            {s.referralId && ' · part of a referral'}
          </div>
          <p className="prose">Information: {s.information}</p>
          <p className="prose">Purpose: {s.purpose}</p>
          <p className="prose">Reasons: {s.rationale}</p>
        </>
      );
    }
    case 'colleague-share': {
      const s = e.share;
      const ended = s.revokedAt ? `, ended ${formatDateTime(s.revokedAt)}` : '';
      return (
        <>
          <div className="item-head">
            <span className="item-title">
              {s.kind === 'break-glass'
                ? `Emergency (break-glass) access by ${s.user.displayName}`
                : `Shared with ${s.user.displayName}`}
            </span>
          </div>
          <div className="meta">
            {formatDateTime(s.grantedAt)}
            {s.kind === 'share' ? ` · by ${s.grantedBy.displayName}` : ''}
            {s.expiresAt ? ` · until ${formatDateTime(s.expiresAt)}` : ''}
            {ended}
          </div>
          <p className="prose">Reason: {s.reason}</p>
        </>
      );
    }
    case 'specialist': {
      const s = e.specialist;
      return (
        <>
          <div className="item-head">
            <span className="item-title">
              {s.user.displayName} — {s.role}
            </span>
          </div>
          <div className="meta">
            Added by {s.addedBy.displayName}, {formatDateTime(s.addedAt)}
            {s.removedAt ? ` · removed ${formatDateTime(s.removedAt)}` : ''}
          </div>
        </>
      );
    }
    case 'handover': {
      const h = e.handover;
      return (
        <>
          <div className="item-head">
            <span className="item-title">
              Handed over from {h.from.displayName} to {h.to.displayName}
            </span>
            <span className="status-tag">{h.acknowledgedAt ? 'Read' : 'Not yet read'}</span>
          </div>
          <div className="meta">
            {formatDateTime(h.handedOverAt)} · by {h.handedOverBy.displayName}
            {h.acknowledgedAt ? ` · read ${formatDateTime(h.acknowledgedAt)}` : ''}
          </div>
          <p className="prose">{h.note}</p>
        </>
      );
    }
  }
}

const keyOf = (e: ExchangeEntry): string => {
  switch (e.kind) {
    case 'referral':
      return `r-${e.referral.id}`;
    case 'sharing-record':
      return `s-${e.sharingRecord.id}`;
    case 'colleague-share':
      return `c-${e.share.id}`;
    case 'specialist':
      return `p-${e.specialist.id}`;
    case 'handover':
      return `h-${e.handover.id}`;
  }
};

/**
 * How information about the case moved, in one dated list (newest first): referrals out and in,
 * decisions to share and not to share, colleague shares (break-glass too), specialists and
 * handovers — with the forms to record referrals and sharing decisions.
 */
export function InformationExchangeSection(props: SectionProps) {
  const { exchange } = props.data;
  return (
    <section id="information-exchange" aria-labelledby="exchange-heading" className="record-section">
      <h2 id="exchange-heading" className="section-title">
        Information exchange
      </h2>
      <p className="meta">
        {exchange.referralConsent
          ? `Consent to referral: recorded, given ${formatDate(exchange.referralConsent.givenAt)}${
              exchange.referralConsent.expiresAt
                ? `, until ${formatDate(exchange.referralConsent.expiresAt)}`
                : ''
            }.`
          : 'Consent to referral: none recorded for the client.'}
      </p>
      {exchange.yourAccess.contribute && (
        <div className="exchange-columns">
          <AddReferralForm {...props} />
          <SharingRecordForm {...props} decision="shared" />
          <SharingRecordForm {...props} decision="not-shared" />
        </div>
      )}
      {exchange.entries.length === 0 ? (
        <p className="empty-text">No referrals, sharing decisions, shares or handovers yet.</p>
      ) : (
        <ul className="record-list" data-testid="exchange-list">
          {exchange.entries.map((e) => (
            <li key={keyOf(e)} className="record-item">
              <span className="exchange-kind">{KIND_WORDS[e.kind]}</span>
              <EntryBody entry={e} {...props} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
