import { describe, expect, it } from 'vitest';
import { reviewDueReminder } from './review-due.ts';
import { reviewSchedule } from './schedule.ts';

const pat = { id: 'p', displayName: 'Pat Practitioner' };
const scheduled = (scheduledOn: string | null, lastCompletedOn: string | null = null) =>
  reviewSchedule({
    today: '2026-11-26',
    ownCadenceWeeks: null,
    organisationCadenceWeeks: 4,
    scheduledOn,
    lastCompletedOn,
  });

describe('reviewDueReminder', () => {
  it('reminds from a week before the due date, once per date', () => {
    expect(reviewDueReminder(pat, scheduled('2026-12-04'), false)).toBeUndefined();
    expect(reviewDueReminder(pat, scheduled('2026-12-03'), false)).toEqual({
      subjectKey: 'p:2026-12-03',
      message: 'Caseload review of Pat Practitioner: due in 7 days (Thu 3 Dec).',
    });
    expect(reviewDueReminder(pat, scheduled('2026-11-26'), false)?.message).toBe(
      'Caseload review of Pat Practitioner: due today (Thu 26 Nov).',
    );
  });

  it('keeps reminding of an overdue review under the same key', () => {
    const r = reviewDueReminder(pat, scheduled(null, '2026-10-22'), false);
    expect(r).toEqual({
      subjectKey: 'p:2026-11-19',
      message: 'Caseload review of Pat Practitioner: overdue by 7 days (was due Thu 19 Nov).',
    });
  });

  it('stays quiet while a review is in progress, and for someone never reviewed or scheduled', () => {
    expect(reviewDueReminder(pat, scheduled('2026-11-27'), true)).toBeUndefined();
    expect(reviewDueReminder(pat, scheduled(null), false)).toBeUndefined();
  });
});
