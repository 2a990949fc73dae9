import { describe, expect, it } from 'vitest';
import {
  calendarDateIn,
  consentState,
  consentStateWithDefault,
  effectiveExpiry,
  recordingConsentStanding,
  recordingConsentWords,
  withdrawalRefusal,
} from './consent-state.ts';

const consent = (over: Partial<{ expiresAt: string | null; withdrawnAt: string | null }> = {}) => ({
  givenAt: '2026-01-10',
  expiresAt: null,
  withdrawnAt: null,
  ...over,
});

describe('consent state', () => {
  it('is active from the day given with no expiry or withdrawal', () => {
    expect(consentState(consent(), '2026-01-10')).toBe('active');
    expect(consentState(consent(), '2030-01-01')).toBe('active');
  });

  it('covers the expiry day itself and expires the day after', () => {
    expect(consentState(consent({ expiresAt: '2026-06-30' }), '2026-06-30')).toBe('active');
    expect(consentState(consent({ expiresAt: '2026-06-30' }), '2026-07-01')).toBe('expired');
  });

  it('is withdrawn from the withdrawal day, which outranks an expiry', () => {
    expect(consentState(consent({ withdrawnAt: '2026-03-01' }), '2026-02-28')).toBe('active');
    expect(consentState(consent({ withdrawnAt: '2026-03-01' }), '2026-03-01')).toBe('withdrawn');
    expect(consentState(consent({ withdrawnAt: '2026-03-01', expiresAt: '2026-04-01' }), '2027-01-01')).toBe(
      'withdrawn',
    );
  });
});

describe('withdrawal refusal', () => {
  it('allows a withdrawal from the day given up to today', () => {
    expect(withdrawalRefusal(consent(), '2026-01-10', '2026-02-01')).toBeUndefined();
    expect(withdrawalRefusal(consent(), '2026-02-01', '2026-02-01')).toBeUndefined();
  });

  it('refuses a second withdrawal, one before the consent, and one in the future', () => {
    expect(withdrawalRefusal(consent({ withdrawnAt: '2026-01-20' }), '2026-02-01', '2026-02-01')).toBe(
      'already-withdrawn',
    );
    expect(withdrawalRefusal(consent(), '2026-01-09', '2026-02-01')).toBe('before-given');
    expect(withdrawalRefusal(consent(), '2026-02-02', '2026-02-01')).toBe('in-future');
  });
});

describe('calendar date in a time zone', () => {
  it('gives London’s date, which differs from UTC’s late in a summer evening', () => {
    const instant = new Date('2026-07-01T23:30:00Z');
    expect(calendarDateIn(instant, 'UTC')).toBe('2026-07-01');
    expect(calendarDateIn(instant, 'Europe/London')).toBe('2026-07-02');
    expect(calendarDateIn(new Date('2026-12-31T23:30:00Z'), 'Europe/London')).toBe('2026-12-31');
  });
});

describe('consent to recording with the organisation default period', () => {
  const rec = (
    over: Partial<{
      id: string;
      purpose: string;
      givenAt: string;
      expiresAt: string | null;
      withdrawnAt: string | null;
    }> = {},
  ) => ({
    id: 'a',
    purpose: 'recording',
    givenAt: '2026-03-15',
    expiresAt: null,
    withdrawnAt: null,
    ...over,
  });

  it('lasts the period from the day given, up to the day before the corresponding date', () => {
    expect(effectiveExpiry(rec(), 12)).toBe('2027-03-14');
    expect(effectiveExpiry(rec({ givenAt: '2028-02-29' }), 12)).toBe('2029-02-27');
    expect(effectiveExpiry(rec(), 6)).toBe('2026-09-14');
    expect(consentStateWithDefault(rec(), '2027-03-14', 12)).toBe('active');
    expect(consentStateWithDefault(rec(), '2027-03-15', 12)).toBe('expired');
  });

  it('keeps a record’s own expiry date, and gives other purposes no default', () => {
    expect(effectiveExpiry(rec({ expiresAt: '2030-01-01' }), 12)).toBe('2030-01-01');
    expect(effectiveExpiry(rec({ purpose: 'referral' }), 12)).toBeNull();
    expect(consentStateWithDefault(rec({ purpose: 'referral' }), '2035-01-01', 12)).toBe('active');
  });

  it('is none without a recording consent given by today', () => {
    expect(recordingConsentStanding([], '2026-05-01', 12)).toEqual({
      status: 'none',
      consentId: null,
      expiresOn: null,
      flagged: true,
    });
    expect(recordingConsentStanding([rec({ purpose: 'referral' })], '2026-05-01', 12).status).toBe('none');
    expect(recordingConsentStanding([rec({ givenAt: '2026-06-01' })], '2026-05-01', 12).status).toBe('none');
  });

  it('is active while any recording consent is, naming the one covering longest', () => {
    const s = recordingConsentStanding(
      [rec({ id: 'old', givenAt: '2025-06-01' }), rec({ id: 'new', givenAt: '2026-03-15' })],
      '2026-05-01',
      12,
    );
    expect(s).toEqual({ status: 'active', consentId: 'new', expiresOn: '2027-03-14', flagged: false });
  });

  it('is expired or withdrawn as the latest given one is, when none is active', () => {
    const expired = recordingConsentStanding(
      [
        rec({ id: 'w', givenAt: '2024-01-01', withdrawnAt: '2024-02-01' }),
        rec({ id: 'e', givenAt: '2025-01-01' }),
      ],
      '2026-05-01',
      12,
    );
    expect(expired).toEqual({ status: 'expired', consentId: 'e', expiresOn: '2025-12-31', flagged: true });
    const withdrawn = recordingConsentStanding(
      [
        rec({ id: 'e', givenAt: '2024-01-01' }),
        rec({ id: 'w', givenAt: '2025-01-01', withdrawnAt: '2025-02-01' }),
      ],
      '2026-05-01',
      12,
    );
    expect(withdrawn.status).toBe('withdrawn');
    expect(withdrawn.consentId).toBe('w');
  });

  it('says where the client stands in words', () => {
    expect(
      recordingConsentWords({ status: 'expired', consentId: 'e', expiresOn: '2025-12-31', flagged: true }),
    ).toBe('Consent to recording ran out after 31 Dec 2025: renew it or record a new consent');
    expect(
      recordingConsentWords({ status: 'none', consentId: null, expiresOn: null, flagged: true }),
    ).toMatch(/No consent to recording/);
    expect(
      recordingConsentWords({ status: 'withdrawn', consentId: 'w', expiresOn: null, flagged: true }),
    ).toMatch(/withdrawn/);
    expect(
      recordingConsentWords({ status: 'active', consentId: 'a', expiresOn: '2027-03-14', flagged: false }),
    ).toBe('Consent to recording given, up to 14 Mar 2027');
  });
});
