/**
 * Information-sharing records: every disclosure of a client's information (decision 'shared') and
 * every decision not to disclose ('not-shared'), as safeguarding practice asks. A record is never
 * changed; a correction is a new record naming the one it corrects. Pure.
 */
import { type ConsentFacts, consentStanding } from './referrals.ts';

export const SHARING_DECISIONS = ['shared', 'not-shared'] as const;
export type SharingDecision = (typeof SHARING_DECISIONS)[number];

export interface SharingRecordDraft {
  readonly decision: SharingDecision;
  readonly lawfulBasis?: string | undefined;
  readonly consentId?: string | undefined;
  /** 'YYYY-MM-DD' */
  readonly decidedOn: string;
}

export type SharingRecordProblem =
  | { readonly field: 'consentId'; readonly reason: 'not-found' | 'not-live' | 'needed-for-consent-basis' }
  | { readonly field: 'lawfulBasis'; readonly reason: 'basis-or-consent-required' }
  | { readonly field: 'decidedOn'; readonly reason: 'in-future' };

/**
 * What is wrong with a sharing record before it is written, or undefined when nothing is:
 *
 * - the decision day is not after today;
 * - a disclosure ('shared') rests on a lawful basis or the client's consent (or both);
 * - a consent named must be the client's and live for referral (sharing) on the decision day;
 * - the lawful basis 'consent' needs the consent named.
 *
 * A decision not to share needs neither (its rationale says why not); the contract requires the
 * recipient, information, purpose and rationale of both.
 * @example sharingRecordProblem({ decision: 'shared', decidedOn: '2026-11-20' }, [], '2026-11-20')
 * // { field: 'lawfulBasis', reason: 'basis-or-consent-required' }
 */
export function sharingRecordProblem(
  draft: SharingRecordDraft,
  consents: readonly ConsentFacts[],
  today: string,
): SharingRecordProblem | undefined {
  if (draft.decidedOn > today) return { field: 'decidedOn', reason: 'in-future' };
  if (draft.consentId) {
    const consent = consents.find((c) => c.id === draft.consentId);
    if (!consent) return { field: 'consentId', reason: 'not-found' };
    if (consentStanding(consent, draft.decidedOn) !== 'live')
      return { field: 'consentId', reason: 'not-live' };
  }
  if (draft.decision === 'shared' && !draft.lawfulBasis && !draft.consentId)
    return { field: 'lawfulBasis', reason: 'basis-or-consent-required' };
  if (draft.lawfulBasis === 'consent' && !draft.consentId)
    return { field: 'consentId', reason: 'needed-for-consent-basis' };
  return undefined;
}
