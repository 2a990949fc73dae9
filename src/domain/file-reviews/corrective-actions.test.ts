import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, fromEpochDay, toEpochDay } from '../time/calendar.ts';
import {
  CORRECTIVE_ACTION_DAYS,
  correctiveActionDueOn,
  correctiveActionStatus,
} from './corrective-actions.ts';

describe('the due date of a corrective action', () => {
  it('is 28 calendar days after the day it is raised, across months and years', () => {
    expect(CORRECTIVE_ACTION_DAYS).toBe(28);
    expect(correctiveActionDueOn('2026-11-10')).toBe('2026-12-08');
    expect(correctiveActionDueOn('2026-12-20')).toBe('2027-01-17');
    expect(correctiveActionDueOn('2028-02-01')).toBe('2028-02-29');
  });
});

describe('the state of a corrective action', () => {
  const raised = { dueOn: '2026-12-08', doneOn: null, verifiedOn: null };

  it('is open until the due day itself, counting the days left', () => {
    expect(correctiveActionStatus(raised, '2026-11-10')).toEqual({
      state: 'open',
      daysOverdue: 0,
      daysLeft: 28,
      daysLate: 0,
      words: 'Open: due in 28 days (8 Dec 2026)',
    });
    expect(correctiveActionStatus(raised, '2026-12-07').words).toBe('Open: due tomorrow (8 Dec 2026)');
    expect(correctiveActionStatus(raised, '2026-12-08')).toMatchObject({
      state: 'open',
      daysLeft: 0,
      words: 'Open: due today (8 Dec 2026)',
    });
  });

  it('is overdue from the day after the due date, by so many days', () => {
    expect(correctiveActionStatus(raised, '2026-12-09')).toEqual({
      state: 'overdue',
      daysOverdue: 1,
      daysLeft: 0,
      daysLate: 0,
      words: 'Overdue by 1 day: it was due on 8 Dec 2026',
    });
    expect(correctiveActionStatus(raised, '2026-12-20').words).toBe(
      'Overdue by 12 days: it was due on 8 Dec 2026',
    );
  });

  it('once done, awaits verification whatever the day, and says when it was done late', () => {
    expect(correctiveActionStatus({ ...raised, doneOn: '2026-12-01' }, '2027-03-01')).toEqual({
      state: 'awaiting-verification',
      daysOverdue: 0,
      daysLeft: 0,
      daysLate: 0,
      words: 'Done on 1 Dec 2026; awaiting verification by a supervisor',
    });
    expect(correctiveActionStatus({ ...raised, doneOn: '2026-12-11' }, '2026-12-11')).toMatchObject({
      state: 'awaiting-verification',
      daysLate: 3,
      words: 'Done on 11 Dec 2026 (3 days after it was due); awaiting verification by a supervisor',
    });
  });

  it('once verified, is verified', () => {
    expect(
      correctiveActionStatus({ ...raised, doneOn: '2026-12-09', verifiedOn: '2026-12-10' }, '2027-01-01'),
    ).toMatchObject({
      state: 'verified',
      daysLate: 1,
      words: 'Verified on 10 Dec 2026; done on 9 Dec 2026 (1 day after it was due)',
    });
  });

  it('is overdue exactly when not done and today is after the due date', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('2026-01-01'), max: toEpochDay('2027-12-31') }),
        fc.integer({ min: -60, max: 60 }),
        fc.boolean(),
        (raisedDay, offset, done) => {
          const raisedOn = fromEpochDay(raisedDay);
          const dueOn = correctiveActionDueOn(raisedOn);
          const today = addCalendarDays(dueOn, offset);
          const s = correctiveActionStatus(
            { dueOn, doneOn: done ? raisedOn : null, verifiedOn: null },
            today,
          );
          expect(s.state === 'overdue').toBe(!done && offset > 0);
          expect(s.daysOverdue).toBe(!done && offset > 0 ? offset : 0);
        },
      ),
    );
  });
});
