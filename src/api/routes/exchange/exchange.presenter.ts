import type {
  ExchangeEntry,
  HandoverResponse,
  InformationExchangeResponse,
  ReferralResponse,
  SharingRecordResponse,
} from '../../../contract/exchange.ts';
import { nextReferralStatuses } from '../../../domain/exchange/referrals.ts';
import type {
  ExchangeItem,
  InformationExchange,
} from '../../../services/exchange/get-information-exchange.ts';
import type { HandoverWithNames } from '../../../store/handovers.ts';
import type { ReferralWithNames } from '../../../store/referrals.ts';
import type { LawfulBasis } from '../../../store/schema.ts';
import type { SharingRecordWithNames } from '../../../store/sharing-records.ts';
import { presentShare } from '../cases/cases.presenter.ts';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const basis = (b: string | null) => b as LawfulBasis | null;

export function presentHandover(h: HandoverWithNames, readerId: string | undefined): HandoverResponse {
  return {
    id: h.id,
    caseId: h.case_id,
    from: { id: h.from_user_id, displayName: h.from_name },
    to: { id: h.to_user_id, displayName: h.to_name },
    handedOverBy: { id: h.handed_over_by, displayName: h.by_name },
    handedOverAt: h.handed_over_at.toISOString(),
    note: h.note,
    acknowledgedAt: iso(h.acknowledged_at),
    toYou: readerId === h.to_user_id,
  };
}

export function presentReferral(r: ReferralWithNames): ReferralResponse {
  return {
    id: r.id,
    caseId: r.case_id,
    direction: r.direction,
    organisation: r.organisation,
    service: r.service,
    reason: r.reason,
    informationShared: r.information_shared,
    consentId: r.consent_id,
    lawfulBasis: basis(r.lawful_basis),
    sharingRationale: r.sharing_rationale,
    status: r.status,
    nextStatuses: [...nextReferralStatuses(r.status)],
    outcome: r.outcome,
    referredOn: r.referred_on,
    createdBy: { id: r.created_by, displayName: r.created_by_name },
    createdAt: r.created_at.toISOString(),
    updatedAt: r.updated_at.toISOString(),
  };
}

export function presentSharingRecord(s: SharingRecordWithNames): SharingRecordResponse {
  return {
    id: s.id,
    caseId: s.case_id,
    decision: s.decision,
    recipient: s.recipient,
    information: s.information,
    purpose: s.purpose,
    lawfulBasis: basis(s.lawful_basis),
    consentId: s.consent_id,
    rationale: s.rationale,
    decidedOn: s.decided_on,
    referralId: s.referral_id,
    correctsId: s.corrects_id,
    recordedBy: { id: s.recorded_by, displayName: s.recorded_by_name },
    recordedAt: s.recorded_at.toISOString(),
  };
}

function presentItem(i: ExchangeItem, readerId: string | undefined): ExchangeEntry {
  const dated = { date: i.date, at: i.at.toISOString() };
  switch (i.kind) {
    case 'referral':
      return { kind: i.kind, ...dated, referral: presentReferral(i.referral) };
    case 'sharing-record':
      return { kind: i.kind, ...dated, sharingRecord: presentSharingRecord(i.sharingRecord) };
    case 'colleague-share':
      return { kind: i.kind, ...dated, share: presentShare(i.share) };
    case 'specialist': {
      const s = i.specialist;
      return {
        kind: i.kind,
        ...dated,
        specialist: {
          id: s.id,
          user: { id: s.user_id, displayName: s.user_name },
          role: s.role,
          addedBy: { id: s.added_by, displayName: s.added_by_name },
          addedAt: s.added_at.toISOString(),
          removedAt: iso(s.removed_at),
        },
      };
    }
    case 'handover':
      return { kind: i.kind, ...dated, handover: presentHandover(i.handover, readerId) };
  }
}

export function presentInformationExchange(
  view: InformationExchange,
  readerId: string | undefined,
): InformationExchangeResponse {
  const c = view.referralConsent;
  return {
    caseId: view.caseId,
    today: view.today,
    referralConsent: c ? { id: c.id, givenAt: c.givenAt, expiresAt: c.expiresAt } : null,
    entries: view.items.map((i) => presentItem(i, readerId)),
    yourAccess: { contribute: view.canContribute },
  };
}
