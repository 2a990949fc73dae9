import { describe, expect, it } from 'vitest';
import { handoverEntries, referralEntries, sharingEntries } from './chronology-exchange.ts';

const t1 = new Date('2026-11-02T10:00:00Z');
const t2 = new Date('2026-11-09T15:00:00Z');

describe('referralEntries', () => {
  const base = {
    id: 'r1',
    direction: 'out' as const,
    organisation: 'StepChange',
    service: 'Debt advice',
    reason: 'Specialist debt advice',
    status: 'made',
    outcome: null,
    createdAt: t1,
    updatedAt: t1,
    createdByName: 'Asha Adviser',
  };

  it('records a referral made, and where it went once it moved on', () => {
    expect(referralEntries([base])).toEqual([
      {
        kind: 'referral',
        at: t1,
        id: 'referral:r1',
        title: 'Referral made to StepChange (Debt advice)',
        detail: 'Specialist debt advice',
        by: 'Asha Adviser',
      },
    ]);
    const accepted = referralEntries([
      { ...base, status: 'accepted', outcome: 'Appointment on 1 Dec', updatedAt: t2 },
    ]);
    expect(accepted[1]).toEqual({
      kind: 'referral',
      at: t2,
      id: 'referral:r1:accepted',
      title: 'Referral to StepChange (Debt advice): accepted',
      detail: 'Appointment on 1 Dec',
    });
  });

  it('says a referral in was received from someone', () => {
    const [entry] = referralEntries([{ ...base, direction: 'in', service: null, status: 'received' }]);
    expect(entry?.title).toBe('Referral received from StepChange');
  });
});

describe('sharingEntries', () => {
  it('says what was shared, why and on what basis, and marks decisions not to share and corrections', () => {
    const record = {
      id: 's1',
      decision: 'shared' as const,
      recipient: 'Housing Options',
      information: 'Name and tenancy details',
      purpose: 'Homelessness prevention',
      lawfulBasis: 'public-task',
      withConsent: true,
      rationale: 'Client asked us to',
      correctsId: null,
      recordedAt: t1,
      recordedByName: 'Asha Adviser',
    };
    const [shared, notShared] = sharingEntries([
      record,
      {
        ...record,
        id: 's2',
        decision: 'not-shared',
        lawfulBasis: null,
        withConsent: false,
        correctsId: 's0',
      },
    ]);
    expect(shared).toMatchObject({
      kind: 'sharing',
      title: 'Information shared with Housing Options',
      detail:
        'Information: Name and tenancy details\nPurpose: Homelessness prevention\nBasis: with the client’s consent; lawful basis: public task\nRationale: Client asked us to',
    });
    expect(notShared?.title).toBe('Correction: Decided not to share information with Housing Options');
    expect(notShared?.detail).not.toContain('Basis');
  });
});

describe('handoverEntries', () => {
  it('records the handover with its note, and when the new owner read it', () => {
    const h = {
      id: 'h1',
      fromName: 'Asha',
      toName: 'Tom',
      note: 'Tribunal on 3 Dec',
      byName: 'Asha',
      handedOverAt: t1,
    };
    expect(handoverEntries([{ ...h, acknowledgedAt: null }])).toHaveLength(1);
    expect(handoverEntries([{ ...h, acknowledgedAt: t2 }])).toEqual([
      {
        kind: 'handover',
        at: t1,
        id: 'handover:h1',
        title: 'Handed over from Asha to Tom',
        detail: 'Tribunal on 3 Dec',
        by: 'Asha',
      },
      { kind: 'handover', at: t2, id: 'handover:h1:read', title: 'Handover note read by Tom', by: 'Tom' },
    ]);
  });
});
