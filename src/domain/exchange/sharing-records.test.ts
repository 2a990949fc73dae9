import { describe, expect, it } from 'vitest';
import type { ConsentFacts } from './referrals.ts';
import { sharingRecordProblem } from './sharing-records.ts';

const TODAY = '2026-11-20';
const live: ConsentFacts = {
  id: 'c1',
  purpose: 'referral',
  lawfulBasis: 'consent',
  givenAt: '2026-10-01',
  expiresAt: '2026-12-31',
  withdrawnAt: null,
};

describe('sharingRecordProblem', () => {
  it('accepts a disclosure on a lawful basis, on consent, or both', () => {
    expect(
      sharingRecordProblem(
        { decision: 'shared', lawfulBasis: 'vital-interests', decidedOn: TODAY },
        [],
        TODAY,
      ),
    ).toBeUndefined();
    expect(
      sharingRecordProblem({ decision: 'shared', consentId: 'c1', decidedOn: TODAY }, [live], TODAY),
    ).toBeUndefined();
    expect(
      sharingRecordProblem(
        { decision: 'shared', consentId: 'c1', lawfulBasis: 'consent', decidedOn: TODAY },
        [live],
        TODAY,
      ),
    ).toBeUndefined();
  });

  it('needs a lawful basis or consent for a disclosure, but neither for a decision not to share', () => {
    expect(sharingRecordProblem({ decision: 'shared', decidedOn: TODAY }, [], TODAY)).toEqual({
      field: 'lawfulBasis',
      reason: 'basis-or-consent-required',
    });
    expect(sharingRecordProblem({ decision: 'not-shared', decidedOn: TODAY }, [], TODAY)).toBeUndefined();
  });

  it('refuses a decision dated after today', () => {
    expect(sharingRecordProblem({ decision: 'not-shared', decidedOn: '2026-11-21' }, [], TODAY)).toEqual({
      field: 'decidedOn',
      reason: 'in-future',
    });
  });

  it('checks the consent named: the client’s, and live on the day of the decision', () => {
    expect(
      sharingRecordProblem({ decision: 'shared', consentId: 'x', decidedOn: TODAY }, [live], TODAY),
    ).toEqual({
      field: 'consentId',
      reason: 'not-found',
    });
    const withdrawn = { ...live, withdrawnAt: '2026-11-10' };
    expect(
      sharingRecordProblem({ decision: 'shared', consentId: 'c1', decidedOn: TODAY }, [withdrawn], TODAY),
    ).toEqual({
      field: 'consentId',
      reason: 'not-live',
    });
    // Live on the day of the decision, withdrawn since: the record stands as it was then.
    expect(
      sharingRecordProblem(
        { decision: 'shared', consentId: 'c1', decidedOn: '2026-11-05' },
        [withdrawn],
        TODAY,
      ),
    ).toBeUndefined();
  });

  it('needs the consent itself for the lawful basis "consent"', () => {
    expect(
      sharingRecordProblem({ decision: 'shared', lawfulBasis: 'consent', decidedOn: TODAY }, [], TODAY),
    ).toEqual({
      field: 'consentId',
      reason: 'needed-for-consent-basis',
    });
  });
});
