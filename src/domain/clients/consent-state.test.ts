import { describe, expect, it } from 'vitest';
import { calendarDateIn, consentState, withdrawalRefusal } from './consent-state.ts';

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
