/**
 * Referrals: out (we refer the client on) and in (someone referred the client to us), their life
 * (made or received → accepted or declined → completed, or withdrawn), and the consent rule of a
 * referral out: it needs the client's live consent to referral, or else a lawful basis and the
 * referrer's rationale for sharing without consent (e.g. a safeguarding concern). Pure.
 */
import { consentState } from '../clients/consent-state.ts';

export const REFERRAL_DIRECTIONS = ['out', 'in'] as const;
export type ReferralDirection = (typeof REFERRAL_DIRECTIONS)[number];

export const REFERRAL_STATUSES = [
  'made',
  'received',
  'accepted',
  'declined',
  'completed',
  'withdrawn',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

/** A new referral out is 'made'; one in is 'received'. */
export const initialReferralStatus = (direction: ReferralDirection): ReferralStatus =>
  direction === 'out' ? 'made' : 'received';

const NEXT: Readonly<Record<ReferralStatus, readonly ReferralStatus[]>> = {
  made: ['accepted', 'declined', 'withdrawn'],
  received: ['accepted', 'declined', 'withdrawn'],
  accepted: ['completed', 'withdrawn'],
  declined: [],
  completed: [],
  withdrawn: [],
};

/** The statuses a referral may move to from `status` (none once declined, completed or withdrawn). */
export const nextReferralStatuses = (status: ReferralStatus): readonly ReferralStatus[] => NEXT[status];

/** Whether a referral may move from one status to another (a status to itself is no move). */
export const canMoveReferral = (from: ReferralStatus, to: ReferralStatus): boolean => NEXT[from].includes(to);

/** A consent record as the rule sees it (dates 'YYYY-MM-DD'). */
export interface ConsentFacts {
  readonly id: string;
  readonly purpose: string;
  readonly lawfulBasis: string;
  readonly givenAt: string;
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
}

/** Why a consent does not count for sharing on a day, or 'live' when it does. */
export type ConsentStanding = 'live' | 'other-purpose' | 'not-yet-given' | 'withdrawn' | 'expired';

/**
 * Whether a consent counts as the client's consent to referral (and so to share information for
 * it) on `day`: purpose 'referral', given on or before the day, not withdrawn, not expired.
 * @example consentStanding({ purpose: 'referral', givenAt: '2026-01-05', expiresAt: '2026-06-30', … }, '2026-07-01') // 'expired'
 */
export function consentStanding(c: ConsentFacts, day: string): ConsentStanding {
  if (c.purpose !== 'referral') return 'other-purpose';
  if (c.givenAt > day) return 'not-yet-given';
  const state = consentState(c, day);
  return state === 'active' ? 'live' : state;
}

/** The client's live referral consent on `day` (the most recently given one), if any. */
export function liveReferralConsent<C extends ConsentFacts>(
  consents: readonly C[],
  day: string,
): C | undefined {
  return consents
    .filter((c) => consentStanding(c, day) === 'live')
    .sort((a, b) => b.givenAt.localeCompare(a.givenAt))[0];
}

/** What the referrer offers as the ground for sharing. */
export interface SharingGround {
  readonly consentId?: string | undefined;
  readonly lawfulBasis?: string | undefined;
  readonly rationale?: string | undefined;
}

/** The ground a referral out (or a disclosure) rests on. */
export interface SharingBasis {
  /** The live referral consent relied on, if any. */
  readonly consent: ConsentFacts | null;
  /** The UK GDPR Article 6 basis: the one given, else the consent's. */
  readonly lawfulBasis: string | null;
  /** Why sharing is justified; required without consent. */
  readonly rationale: string | null;
}

export type SharingBasisRefusal =
  /** A named consent is not one of the client's. */
  | { readonly code: 'CONSENT_NOT_FOUND'; readonly field: 'consentId' }
  /** No live consent, and no lawful basis with a rationale: the referral is refused. */
  | { readonly code: 'CONSENT_REQUIRED'; readonly field: 'consentId'; readonly standing?: ConsentStanding }
  /** Half a lawful-basis ground (basis without rationale or the other way round), or basis 'consent' without one. */
  | { readonly code: 'VALIDATION_FAILED'; readonly field: 'lawfulBasis' | 'sharingRationale' };

export type SharingBasisDecision =
  | { readonly ok: true; readonly basis: SharingBasis }
  | { readonly ok: false; readonly refusal: SharingBasisRefusal };

const refuse = (refusal: SharingBasisRefusal): SharingBasisDecision => ({ ok: false, refusal });

/**
 * The consent rule of sharing a client's information (a referral out), on `day`:
 *
 * 1. A consent named by id must be one of the client's (CONSENT_NOT_FOUND) and live for referral
 *    on the day; a withdrawn, expired, not yet given or other-purpose consent is refused
 *    (CONSENT_REQUIRED with its standing) — it never counts, whatever else is given.
 * 2. Without a named one, the client's live referral consent is used when there is one.
 * 3. Without consent, a lawful basis and a rationale for sharing without consent are both needed
 *    (VALIDATION_FAILED naming the missing one when only one is given); the basis 'consent' is
 *    not a ground without a consent (field lawfulBasis).
 * 4. Otherwise: CONSENT_REQUIRED (field consentId).
 *
 * A lawful basis and rationale given alongside a consent are kept with it (both or neither).
 * @example decideSharingBasis({}, [], '2026-11-20') // { ok: false, refusal: { code: 'CONSENT_REQUIRED', field: 'consentId' } }
 * @example decideSharingBasis({ lawfulBasis: 'vital-interests', rationale: 'Risk of harm' }, [], day) // ok, consent null
 */
export function decideSharingBasis(
  ground: SharingGround,
  consents: readonly ConsentFacts[],
  day: string,
): SharingBasisDecision {
  const lawfulBasis = ground.lawfulBasis?.trim() || null;
  const rationale = ground.rationale?.trim() || null;
  if (lawfulBasis && !rationale) return refuse({ code: 'VALIDATION_FAILED', field: 'sharingRationale' });
  if (rationale && !lawfulBasis) return refuse({ code: 'VALIDATION_FAILED', field: 'lawfulBasis' });
  let consent: ConsentFacts | undefined;
  if (ground.consentId) {
    consent = consents.find((c) => c.id === ground.consentId);
    if (!consent) return refuse({ code: 'CONSENT_NOT_FOUND', field: 'consentId' });
    const standing = consentStanding(consent, day);
    if (standing !== 'live') return refuse({ code: 'CONSENT_REQUIRED', field: 'consentId', standing });
  } else {
    consent = liveReferralConsent(consents, day);
  }
  if (consent) {
    return { ok: true, basis: { consent, lawfulBasis: lawfulBasis ?? consent.lawfulBasis, rationale } };
  }
  if (lawfulBasis === 'consent') return refuse({ code: 'VALIDATION_FAILED', field: 'lawfulBasis' });
  if (lawfulBasis && rationale) return { ok: true, basis: { consent: null, lawfulBasis, rationale } };
  return refuse({ code: 'CONSENT_REQUIRED', field: 'consentId' });
}

/** Plain words for why a consent does not count, for problem details and forms. */
export function consentStandingWords(standing: ConsentStanding): string {
  switch (standing) {
    case 'live':
      return 'is live';
    case 'other-purpose':
      return 'is not a consent to referral';
    case 'not-yet-given':
      return 'is dated after the referral';
    case 'withdrawn':
      return 'was withdrawn';
    case 'expired':
      return 'has expired';
  }
}
