/**
 * The state of a consent record on a calendar day (dates are 'YYYY-MM-DD' strings, which compare
 * in date order). The expiry date is the last day the consent covers.
 *
 * - withdrawn: withdrawn on or before the day (a withdrawal outranks an expiry);
 * - expired: the day is after the expiry date;
 * - active: otherwise.
 */
import { addCalendarDays, addCalendarMonths, formatDate } from '../time/calendar.ts';

export type ConsentState = 'active' | 'expired' | 'withdrawn';

export interface ConsentDates {
  readonly givenAt: string;
  readonly expiresAt: string | null;
  readonly withdrawnAt: string | null;
}

export function consentState(c: ConsentDates, today: string): ConsentState {
  if (c.withdrawnAt !== null && c.withdrawnAt <= today) return 'withdrawn';
  if (c.expiresAt !== null && c.expiresAt < today) return 'expired';
  return 'active';
}

/**
 * Why a withdrawal on `withdrawnAt` cannot be recorded, or undefined when it can: it must not be
 * already withdrawn, precede the consent, or lie in the future.
 */
export function withdrawalRefusal(
  c: ConsentDates,
  withdrawnAt: string,
  today: string,
): 'already-withdrawn' | 'before-given' | 'in-future' | undefined {
  if (c.withdrawnAt !== null) return 'already-withdrawn';
  if (withdrawnAt < c.givenAt) return 'before-given';
  if (withdrawnAt > today) return 'in-future';
  return undefined;
}

/** How long consent to recording lasts when the organisation has not said (months). */
export const DEFAULT_RECORDING_CONSENT_MONTHS = 12;

/** A consent record with its purpose, as the recording-consent rules see it. */
export interface PurposedConsentDates extends ConsentDates {
  readonly purpose: string;
}

/**
 * The last day a consent covers: its own expiry date when it has one; for consent to recording
 * without one, the day before the same date `recordingMonths` later (12 months from 2026-03-15
 * covers up to 2027-03-14); otherwise none.
 * @example effectiveExpiry({ purpose: 'recording', givenAt: '2026-03-15', expiresAt: null, withdrawnAt: null }, 12) // '2027-03-14'
 */
export function effectiveExpiry(c: PurposedConsentDates, recordingMonths: number): string | null {
  if (c.expiresAt !== null) return c.expiresAt;
  if (c.purpose !== 'recording') return null;
  return addCalendarDays(addCalendarMonths(c.givenAt, recordingMonths), -1);
}

/** The state of a consent on a day, with the organisation's default period for recording. */
export function consentStateWithDefault(
  c: PurposedConsentDates,
  today: string,
  recordingMonths: number,
): ConsentState {
  return consentState({ ...c, expiresAt: effectiveExpiry(c, recordingMonths) }, today);
}

/**
 * Where a client stands on consent to recording today:
 * - active: a recording consent given on or before today that is neither withdrawn nor expired;
 * - expired / withdrawn: none is active and the most recently given one is so;
 * - none: no recording consent has been given (yet).
 */
export type RecordingConsentStatus = ConsentState | 'none';

export interface RecordingConsentStanding {
  readonly status: RecordingConsentStatus;
  /** The consent that decides the status (the active one covering longest, else the latest given). */
  readonly consentId: string | null;
  /** The last day it covers (or covered); null with none or no expiry. */
  readonly expiresOn: string | null;
  /** True unless active: the case and the worklist flag it. */
  readonly flagged: boolean;
}

/** The client's standing on consent to recording on `today` (see RecordingConsentStatus). */
export function recordingConsentStanding(
  consents: readonly (PurposedConsentDates & { readonly id: string })[],
  today: string,
  recordingMonths: number,
): RecordingConsentStanding {
  const given = consents.filter((c) => c.purpose === 'recording' && c.givenAt <= today);
  const withState = given.map((c) => ({
    c,
    expiresOn: effectiveExpiry(c, recordingMonths),
    state: consentStateWithDefault(c, today, recordingMonths),
  }));
  const active = withState
    .filter((x) => x.state === 'active')
    .sort((a, b) => (b.expiresOn ?? '9999-12-31').localeCompare(a.expiresOn ?? '9999-12-31'))[0];
  if (active)
    return { status: 'active', consentId: active.c.id, expiresOn: active.expiresOn, flagged: false };
  const latest = [...withState].sort(
    (a, b) => b.c.givenAt.localeCompare(a.c.givenAt) || b.c.id.localeCompare(a.c.id),
  )[0];
  if (!latest) return { status: 'none', consentId: null, expiresOn: null, flagged: true };
  return { status: latest.state, consentId: latest.c.id, expiresOn: latest.expiresOn, flagged: true };
}

/** The standing in plain words, for the case page and the worklist tag. */
export function recordingConsentWords(s: RecordingConsentStanding): string {
  switch (s.status) {
    case 'active':
      return s.expiresOn
        ? `Consent to recording given, up to ${formatDate(s.expiresOn)}`
        : 'Consent to recording given';
    case 'expired':
      return s.expiresOn
        ? `Consent to recording ran out after ${formatDate(s.expiresOn)}: renew it or record a new consent`
        : 'Consent to recording has run out: renew it or record a new consent';
    case 'withdrawn':
      return 'Consent to recording was withdrawn: record a new consent before recording more';
    case 'none':
      return 'No consent to recording is on record: record it';
  }
}

/** Re-exported: "today" in a time zone comes from the one calendar module. */
export { calendarDateIn } from '../time/calendar.ts';
