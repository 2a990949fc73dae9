import { canContributeToCase } from '../../domain/cases/case-access.ts';
import { type ConsentFacts, liveReferralConsent } from '../../domain/exchange/referrals.ts';
import { calendarDateIn } from '../../domain/time/calendar.ts';
import type { CaseShareWithNames } from '../../store/case-shares.ts';
import { type CaseSpecialistWithNames, listCaseSpecialists } from '../../store/case-specialists.ts';
import { listConsents } from '../../store/clients.ts';
import { type HandoverWithNames, listCaseHandovers } from '../../store/handovers.ts';
import { listAllCaseShares } from '../../store/information-exchange.ts';
import { listCaseReferrals, type ReferralWithNames } from '../../store/referrals.ts';
import { listCaseSharingRecords, type SharingRecordWithNames } from '../../store/sharing-records.ts';
import { auditRead, loadCase } from '../cases/load-case.ts';
import { requireActor, type ServiceContext } from '../context.ts';
import { organisationCalendar } from '../organisation-calendar.ts';
import { consentFacts } from './consent-facts.ts';

export type ExchangeItem =
  | {
      readonly kind: 'referral';
      readonly date: string;
      readonly at: Date;
      readonly referral: ReferralWithNames;
    }
  | {
      readonly kind: 'sharing-record';
      readonly date: string;
      readonly at: Date;
      readonly sharingRecord: SharingRecordWithNames;
    }
  | {
      readonly kind: 'colleague-share';
      readonly date: string;
      readonly at: Date;
      readonly share: CaseShareWithNames;
    }
  | {
      readonly kind: 'specialist';
      readonly date: string;
      readonly at: Date;
      readonly specialist: CaseSpecialistWithNames;
    }
  | {
      readonly kind: 'handover';
      readonly date: string;
      readonly at: Date;
      readonly handover: HandoverWithNames;
    };

export interface InformationExchange {
  readonly caseId: string;
  readonly today: string;
  readonly referralConsent: ConsentFacts | null;
  /** Newest first: by day, then by time recorded. */
  readonly items: readonly ExchangeItem[];
  readonly canContribute: boolean;
}

/**
 * Of two things recorded at the same moment, which comes first (newest first): a handover after
 * whatever it follows, a specialist's share after the specialist, a referral's sharing record
 * after the referral.
 */
const TIE_RANK: Readonly<Record<ExchangeItem['kind'], number>> = {
  handover: 0,
  specialist: 1,
  'colleague-share': 2,
  'sharing-record': 3,
  referral: 4,
};

const idOf = (i: ExchangeItem): string => {
  switch (i.kind) {
    case 'referral':
      return i.referral.id;
    case 'sharing-record':
      return i.sharingRecord.id;
    case 'colleague-share':
      return i.share.id;
    case 'specialist':
      return i.specialist.id;
    case 'handover':
      return i.handover.id;
  }
};

/**
 * One dated view of how information about a case moved: referrals out and in, information-sharing
 * decisions, colleague shares (break-glass included), specialists and handovers — newest first —
 * with the client's live consent to referral today. Anyone who may see the case may read it; the
 * read is audited (counts only).
 * @throws AppError UNAUTHENTICATED, CASE_NOT_FOUND
 */
export async function getInformationExchange(
  ctx: ServiceContext,
  caseId: string,
): Promise<InformationExchange> {
  const actor = requireActor(ctx);
  const { row, access } = await loadCase(ctx, caseId, 'view');
  const now = ctx.clock.now();
  const [calendar, referrals, records, shares, specialists, handovers, consents] = await Promise.all([
    organisationCalendar(ctx.db, actor.orgId, now),
    listCaseReferrals(ctx.db, actor.orgId, row.id),
    listCaseSharingRecords(ctx.db, actor.orgId, row.id),
    listAllCaseShares(ctx.db, actor.orgId, row.id),
    listCaseSpecialists(ctx.db, actor.orgId, row.id),
    listCaseHandovers(ctx.db, actor.orgId, row.id),
    listConsents(ctx.db, actor.orgId, row.client_id),
  ]);
  const day = (at: Date) => calendarDateIn(at, calendar.timeZone);
  const items: ExchangeItem[] = [
    ...referrals.map((r) => ({
      kind: 'referral' as const,
      date: r.referred_on,
      at: r.created_at,
      referral: r,
    })),
    ...records.map((s) => ({
      kind: 'sharing-record' as const,
      date: s.decided_on,
      at: s.recorded_at,
      sharingRecord: s,
    })),
    ...shares.map((s) => ({
      kind: 'colleague-share' as const,
      date: day(s.granted_at),
      at: s.granted_at,
      share: s,
    })),
    ...specialists.map((s) => ({
      kind: 'specialist' as const,
      date: day(s.added_at),
      at: s.added_at,
      specialist: s,
    })),
    ...handovers.map((h) => ({
      kind: 'handover' as const,
      date: day(h.handed_over_at),
      at: h.handed_over_at,
      handover: h,
    })),
  ];
  items.sort(
    (a, b) =>
      b.date.localeCompare(a.date) ||
      b.at.getTime() - a.at.getTime() ||
      TIE_RANK[a.kind] - TIE_RANK[b.kind] ||
      idOf(a).localeCompare(idOf(b)),
  );
  await auditRead(ctx, {
    action: 'information_exchange.viewed',
    entityType: 'case',
    entityId: row.id,
    details: {
      referrals: referrals.length,
      sharingRecords: records.length,
      shares: shares.length,
      specialists: specialists.length,
      handovers: handovers.length,
    },
  });
  return {
    caseId: row.id,
    today: calendar.today,
    referralConsent: liveReferralConsent(consents.map(consentFacts), calendar.today) ?? null,
    items,
    canContribute: canContributeToCase(actor, access, now),
  };
}
