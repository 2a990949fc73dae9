/** Words for the codes of information exchange and outcomes, as people read them. */
import type { ReferralStatus } from '../../domain/exchange/referrals.ts';
import type { FinancialFrequency } from '../../domain/outcomes/money.ts';

export const LAWFUL_BASIS_LABELS: Record<
  'consent' | 'contract' | 'legal-obligation' | 'vital-interests' | 'public-task' | 'legitimate-interests',
  string
> = {
  consent: 'Consent',
  contract: 'Contract',
  'legal-obligation': 'Legal obligation',
  'vital-interests': 'Vital interests (to protect someone’s life or safety)',
  'public-task': 'Public task',
  'legitimate-interests': 'Legitimate interests',
};

/** The bases one may share on without the client's consent (consent itself needs a consent record). */
export const BASES_WITHOUT_CONSENT = [
  'vital-interests',
  'legal-obligation',
  'public-task',
  'legitimate-interests',
  'contract',
] as const;

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  made: 'Made',
  received: 'Received',
  accepted: 'Accepted',
  declined: 'Declined',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const FREQUENCY_LABELS: Record<FinancialFrequency, string> = {
  'one-off': 'One-off',
  weekly: 'A week',
  monthly: 'A month',
  annual: 'A year',
};

export const lawfulBasisWords = (basis: string | null): string =>
  basis ? ((LAWFUL_BASIS_LABELS as Record<string, string>)[basis] ?? basis) : 'none given';
