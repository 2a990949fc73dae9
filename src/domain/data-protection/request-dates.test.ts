import { describe, expect, it } from 'vitest';
import { dueInWords, requestDueOn } from './request-dates.ts';

const EW = 'england-and-wales' as const;

describe('requestDueOn (ICO: one calendar month, last day when none corresponds, next working day)', () => {
  it('is the corresponding date of the next month', () => {
    expect(requestDueOn('2026-11-24', 1, EW)).toBe('2026-12-24');
    expect(requestDueOn('2027-03-10', 1, EW)).toBe('2027-04-12'); // 10 Apr 2027 is a Saturday
  });
  it('is the last day of a shorter month, moved to the next working day', () => {
    expect(requestDueOn('2028-01-31', 1, EW)).toBe('2028-02-29'); // leap year, a Tuesday
    expect(requestDueOn('2027-01-31', 1, EW)).toBe('2027-03-01'); // 28 Feb 2027 is a Sunday
    expect(requestDueOn('2026-01-31', 1, EW)).toBe('2026-03-02'); // 28 Feb 2026 is a Saturday
    expect(requestDueOn('2029-01-31', 1, EW)).toBe('2029-02-28'); // a Wednesday
    expect(requestDueOn('2027-08-31', 1, EW)).toBe('2027-09-30');
  });
  it('skips the bank holidays of the nation', () => {
    expect(requestDueOn('2027-11-25', 1, EW)).toBe('2027-12-29'); // 25 Dec Sat; 27, 28 substitute days
    expect(requestDueOn('2027-02-17', 1, 'northern-ireland')).toBe('2027-03-18'); // St Patrick's Day
    expect(requestDueOn('2027-02-17', 1, EW)).toBe('2027-03-17');
  });
  it('extends by up to two further months from receipt', () => {
    expect(requestDueOn('2026-11-30', 3, EW)).toBe('2027-03-01'); // 28 Feb 2027 Sunday
    expect(requestDueOn('2026-11-24', 2, EW)).toBe('2027-01-25'); // 24 Jan 2027 Sunday
    expect(() => requestDueOn('2026-11-24', 4, EW)).toThrow(RangeError);
    expect(() => requestDueOn('2026-11-24', 0, EW)).toThrow(RangeError);
  });
});

describe('dueInWords', () => {
  it('says how far off the due date is', () => {
    expect(dueInWords({ dueOn: '2026-12-24', closed: false, today: '2026-12-19' })).toEqual({
      state: 'due',
      words: 'Due in 5 days (24 Dec 2026)',
      daysLeft: 5,
    });
    expect(dueInWords({ dueOn: '2026-12-24', closed: false, today: '2026-12-23' }).words).toBe(
      'Due in 1 day (24 Dec 2026)',
    );
    expect(dueInWords({ dueOn: '2026-12-24', closed: false, today: '2026-12-24' }).state).toBe('due-today');
  });
  it('says overdue in words, and nothing is due once closed', () => {
    expect(dueInWords({ dueOn: '2027-03-01', closed: false, today: '2027-03-04' })).toEqual({
      state: 'overdue',
      words: 'Overdue by 3 days (due 1 Mar 2027)',
      daysLeft: -3,
    });
    expect(dueInWords({ dueOn: '2027-03-01', closed: true, today: '2027-03-04' })).toEqual({
      state: 'closed',
      words: 'Closed',
      daysLeft: null,
    });
  });
});
