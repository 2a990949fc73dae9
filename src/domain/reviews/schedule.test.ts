import { describe, expect, it } from 'vitest';
import { checkCadence, dueStatus, nextDueAfter, reviewSchedule } from './schedule.ts';

const base = {
  today: '2026-11-26',
  ownCadenceWeeks: null,
  organisationCadenceWeeks: 4,
  scheduledOn: null,
  lastCompletedOn: null,
} as const;

describe('nextDueAfter', () => {
  it('adds whole weeks in calendar days, across months and years', () => {
    expect(nextDueAfter('2026-11-26', 4)).toBe('2026-12-24');
    expect(nextDueAfter('2026-12-17', 2)).toBe('2026-12-31');
    expect(nextDueAfter('2026-12-31', 1)).toBe('2027-01-07');
    expect(nextDueAfter('2026-01-01', 52)).toBe('2026-12-31');
  });

  it('refuses a cadence outside 1–52 whole weeks', () => {
    expect(() => nextDueAfter('2026-11-26', 0)).toThrow(RangeError);
    expect(() => nextDueAfter('2026-11-26', 53)).toThrow(RangeError);
    expect(() => nextDueAfter('2026-11-26', 1.5)).toThrow(RangeError);
    expect(checkCadence(1)).toBe(1);
    expect(checkCadence(52)).toBe(52);
  });
});

describe('dueStatus', () => {
  it('is overdue from the day after the due date, with the days in words', () => {
    expect(dueStatus('2026-11-26', '2026-11-25')).toEqual({
      status: 'overdue',
      daysUntilDue: -1,
      words: 'Overdue by 1 day (was due Wed 25 Nov).',
    });
    expect(dueStatus('2026-11-26', '2026-11-23').words).toBe('Overdue by 3 days (was due Mon 23 Nov).');
  });

  it('is due today on the day', () => {
    expect(dueStatus('2026-11-26', '2026-11-26')).toEqual({
      status: 'due-today',
      daysUntilDue: 0,
      words: 'Due today (Thu 26 Nov).',
    });
  });

  it('is due soon up to 7 days ahead, then scheduled', () => {
    expect(dueStatus('2026-11-26', '2026-11-27')).toMatchObject({ status: 'due-soon', daysUntilDue: 1 });
    expect(dueStatus('2026-11-26', '2026-12-03')).toEqual({
      status: 'due-soon',
      daysUntilDue: 7,
      words: 'Due in 7 days (Thu 3 Dec).',
    });
    expect(dueStatus('2026-11-26', '2026-12-04')).toEqual({
      status: 'scheduled',
      daysUntilDue: 8,
      words: 'Next review Fri 4 Dec.',
    });
  });

  it('names the year of a date in another year', () => {
    expect(dueStatus('2026-12-30', '2027-01-21').words).toBe('Next review Thu 21 Jan 2027.');
  });
});

describe('reviewSchedule', () => {
  it('follows the organisation’s cadence after the last completed review', () => {
    expect(reviewSchedule({ ...base, lastCompletedOn: '2026-10-22' })).toEqual({
      cadenceWeeks: 4,
      cadenceSource: 'organisation',
      nextDueOn: '2026-11-19',
      dueSource: 'cadence',
      daysUntilDue: -7,
      status: 'overdue',
      words: 'Overdue by 7 days (was due Thu 19 Nov).',
    });
  });

  it('uses the practitioner’s own cadence when they have one', () => {
    const s = reviewSchedule({ ...base, ownCadenceWeeks: 2, lastCompletedOn: '2026-11-19' });
    expect(s).toMatchObject({ cadenceWeeks: 2, cadenceSource: 'own', nextDueOn: '2026-12-03' });
    expect(s.status).toBe('due-soon');
  });

  it('prefers the date set (by a supervisor or at the last review) to the cadence', () => {
    const s = reviewSchedule({ ...base, scheduledOn: '2027-01-14', lastCompletedOn: '2026-11-19' });
    expect(s).toMatchObject({ nextDueOn: '2027-01-14', dueSource: 'scheduled', status: 'scheduled' });
    expect(s.words).toBe('Next review Thu 14 Jan 2027.');
  });

  it('is due now for someone never reviewed and not scheduled', () => {
    expect(reviewSchedule(base)).toMatchObject({
      nextDueOn: '2026-11-26',
      dueSource: 'never-reviewed',
      status: 'due-today',
      words: 'No caseload review yet: one is due now.',
    });
  });

  it('refuses a bad cadence from either source', () => {
    expect(() => reviewSchedule({ ...base, organisationCadenceWeeks: 0 })).toThrow(RangeError);
    expect(() => reviewSchedule({ ...base, ownCadenceWeeks: 60 })).toThrow(RangeError);
  });
});
