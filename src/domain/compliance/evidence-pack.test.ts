import { describe, expect, it } from 'vitest';
import {
  type EvidenceFileReview,
  fileReviewTotals,
  keyDateCounts,
  keyDateOutcome,
  supervisionFigures,
} from './evidence-pack.ts';

describe('the evidence pack figures', () => {
  it('counts a key date still pending after its day as missed', () => {
    const k = {
      reference: 'CL-2026-000001',
      kind: 'hearing',
      dueDate: '2026-11-20',
      status: 'pending' as const,
    };
    expect(keyDateOutcome(k, '2026-11-20')).toBe('pending');
    expect(keyDateOutcome(k, '2026-11-21')).toBe('missed');
    expect(
      keyDateCounts(
        [
          k,
          { ...k, status: 'met' },
          { ...k, status: 'missed' },
          { ...k, status: 'cancelled' },
          { ...k, dueDate: '2026-12-01' },
        ],
        '2026-11-24',
      ),
    ).toEqual({ met: 1, missed: 2, pending: 1, cancelled: 1 });
  });

  it('counts caseload reviews per practitioner, on time when completed by the day due', () => {
    expect(
      supervisionFigures([
        { practitionerId: 'b', practitionerName: 'Bea', completedOn: '2026-05-01', dueOn: '2026-05-01' },
        { practitionerId: 'b', practitionerName: 'Bea', completedOn: '2026-06-10', dueOn: '2026-06-01' },
        { practitionerId: 'a', practitionerName: 'Al', completedOn: '2026-03-01', dueOn: null },
      ]),
    ).toEqual([
      { practitionerId: 'a', practitionerName: 'Al', held: 1, onTime: 1, late: 0 },
      { practitionerId: 'b', practitionerName: 'Bea', held: 2, onTime: 1, late: 1 },
    ]);
  });

  it('totals file reviews, with the share of answered items met', () => {
    const r: EvidenceFileReview = {
      reference: 'CL-2026-000001',
      practitionerName: 'Bea',
      reviewerName: 'Sam',
      period: '2026-Q2',
      selection: 'random',
      status: 'completed',
      completedOn: '2026-06-01',
      met: 8,
      notMet: 2,
      notApplicable: 1,
      correctiveActions: 2,
      correctiveActionsDone: 2,
      correctiveActionsVerified: 1,
    };
    expect(
      fileReviewTotals([
        r,
        { ...r, status: 'due', met: 0, notMet: 0, correctiveActions: 0, correctiveActionsVerified: 0 },
      ]),
    ).toEqual({
      reviews: 2,
      completed: 1,
      met: 8,
      notMet: 2,
      percentMet: 80,
      correctiveActions: 2,
      correctiveActionsVerified: 1,
    });
    expect(fileReviewTotals([]).percentMet).toBeNull();
  });
});
