import { describe, expect, it } from 'vitest';
import {
  type ConsentFacts,
  canMoveReferral,
  consentStanding,
  decideSharingBasis,
  initialReferralStatus,
  liveReferralConsent,
  nextReferralStatuses,
  REFERRAL_STATUSES,
} from './referrals.ts';

const DAY = '2026-11-20';
const consent = (over: Partial<ConsentFacts> = {}): ConsentFacts => ({
  id: 'c1',
  purpose: 'referral',
  lawfulBasis: 'consent',
  givenAt: '2026-10-01',
  expiresAt: null,
  withdrawnAt: null,
  ...over,
});

describe('referral statuses', () => {
  it('starts a referral out as made and one in as received', () => {
    expect(initialReferralStatus('out')).toBe('made');
    expect(initialReferralStatus('in')).toBe('received');
  });

  it('moves made/received → accepted/declined → completed, or withdrawn until it ends', () => {
    expect(nextReferralStatuses('made')).toEqual(['accepted', 'declined', 'withdrawn']);
    expect(nextReferralStatuses('received')).toEqual(['accepted', 'declined', 'withdrawn']);
    expect(nextReferralStatuses('accepted')).toEqual(['completed', 'withdrawn']);
    for (const end of ['declined', 'completed', 'withdrawn'] as const)
      expect(nextReferralStatuses(end)).toEqual([]);
  });

  it('never allows a move to the same status, back to the start, or completing what was not accepted', () => {
    for (const s of REFERRAL_STATUSES) expect(canMoveReferral(s, s)).toBe(false);
    expect(canMoveReferral('accepted', 'made')).toBe(false);
    expect(canMoveReferral('made', 'completed')).toBe(false);
    expect(canMoveReferral('declined', 'accepted')).toBe(false);
    expect(canMoveReferral('accepted', 'completed')).toBe(true);
  });
});

describe('consentStanding', () => {
  it.each([
    [consent(), 'live'],
    [consent({ expiresAt: DAY }), 'live'], // the expiry day is still covered
    [consent({ expiresAt: '2026-11-19' }), 'expired'],
    [consent({ withdrawnAt: DAY }), 'withdrawn'],
    [consent({ withdrawnAt: '2026-11-21' }), 'live'], // withdrawn later than the day
    [consent({ withdrawnAt: '2026-11-01', expiresAt: '2026-10-15' }), 'withdrawn'], // withdrawal outranks expiry
    [consent({ givenAt: '2026-11-21' }), 'not-yet-given'],
    [consent({ purpose: 'recording' }), 'other-purpose'],
  ] as const)('%j is %s', (c, standing) => {
    expect(consentStanding(c, DAY)).toBe(standing);
  });

  it('finds the most recently given live referral consent', () => {
    const list = [
      consent({ id: 'old', givenAt: '2026-01-01' }),
      consent({ id: 'new', givenAt: '2026-09-01' }),
      consent({ id: 'gone', givenAt: '2026-10-01', withdrawnAt: '2026-10-02' }),
      consent({ id: 'rec', givenAt: '2026-11-01', purpose: 'recording' }),
    ];
    expect(liveReferralConsent(list, DAY)?.id).toBe('new');
    expect(liveReferralConsent([list[2] as ConsentFacts], DAY)).toBeUndefined();
  });
});

describe('decideSharingBasis (a referral without consent is refused unless a lawful basis and rationale are recorded)', () => {
  it('refuses when there is no consent and no lawful basis, naming consentId', () => {
    expect(decideSharingBasis({}, [], DAY)).toEqual({
      ok: false,
      refusal: { code: 'CONSENT_REQUIRED', field: 'consentId' },
    });
  });

  it('uses the client’s live referral consent when none is named', () => {
    const decision = decideSharingBasis({}, [consent()], DAY);
    expect(decision).toEqual({
      ok: true,
      basis: { consent: consent(), lawfulBasis: 'consent', rationale: null },
    });
  });

  it.each(['withdrawn', 'expired'] as const)('does not count a %s consent', (standing) => {
    const c =
      standing === 'withdrawn'
        ? consent({ withdrawnAt: '2026-11-01' })
        : consent({ expiresAt: '2026-11-01' });
    expect(decideSharingBasis({}, [c], DAY)).toMatchObject({
      ok: false,
      refusal: { code: 'CONSENT_REQUIRED' },
    });
    expect(decideSharingBasis({ consentId: 'c1' }, [c], DAY)).toEqual({
      ok: false,
      refusal: { code: 'CONSENT_REQUIRED', field: 'consentId', standing },
    });
  });

  it('refuses a named consent that is not the client’s, or not to referral, even with a lawful basis', () => {
    expect(decideSharingBasis({ consentId: 'other' }, [consent()], DAY)).toEqual({
      ok: false,
      refusal: { code: 'CONSENT_NOT_FOUND', field: 'consentId' },
    });
    expect(
      decideSharingBasis(
        { consentId: 'c1', lawfulBasis: 'vital-interests', rationale: 'Risk to life' },
        [consent({ purpose: 'feedback' })],
        DAY,
      ),
    ).toMatchObject({ ok: false, refusal: { code: 'CONSENT_REQUIRED', standing: 'other-purpose' } });
  });

  it('accepts a lawful basis with a rationale instead of consent', () => {
    expect(
      decideSharingBasis({ lawfulBasis: 'vital-interests', rationale: '  Risk of serious harm  ' }, [], DAY),
    ).toEqual({
      ok: true,
      basis: { consent: null, lawfulBasis: 'vital-interests', rationale: 'Risk of serious harm' },
    });
  });

  it('names the missing half of a lawful-basis ground', () => {
    expect(decideSharingBasis({ lawfulBasis: 'public-task' }, [], DAY)).toMatchObject({
      refusal: { code: 'VALIDATION_FAILED', field: 'sharingRationale' },
    });
    expect(decideSharingBasis({ lawfulBasis: 'public-task', rationale: '  ' }, [], DAY)).toMatchObject({
      refusal: { field: 'sharingRationale' },
    });
    expect(decideSharingBasis({ rationale: 'Safeguarding' }, [], DAY)).toMatchObject({
      refusal: { code: 'VALIDATION_FAILED', field: 'lawfulBasis' },
    });
  });

  it('does not take the lawful basis "consent" as a ground without a consent', () => {
    expect(decideSharingBasis({ lawfulBasis: 'consent', rationale: 'They said yes' }, [], DAY)).toMatchObject(
      {
        refusal: { code: 'VALIDATION_FAILED', field: 'lawfulBasis' },
      },
    );
  });

  it('keeps a lawful basis and rationale given alongside a live consent', () => {
    const decision = decideSharingBasis(
      { consentId: 'c1', lawfulBasis: 'legal-obligation', rationale: 'Court order' },
      [consent()],
      DAY,
    );
    expect(decision).toMatchObject({
      ok: true,
      basis: { lawfulBasis: 'legal-obligation', rationale: 'Court order' },
    });
  });
});
