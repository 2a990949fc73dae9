import { describe, expect, it } from 'vitest';
import { calendarDateIn, canChangeAction, isActionOverdue } from './action-rules.ts';

const LONDON = 'Europe/London';
const open = (dueDate: string | null) => ({ status: 'open' as const, dueDate });

describe('calendarDateIn', () => {
  it('gives the local calendar date, which differs from UTC across midnight in summer time', () => {
    const lateEvening = new Date('2026-06-14T23:30:00Z'); // 00:30 on the 15th in London (BST)
    expect(calendarDateIn(lateEvening, 'UTC')).toBe('2026-06-14');
    expect(calendarDateIn(lateEvening, LONDON)).toBe('2026-06-15');
  });

  it('matches UTC in winter (GMT)', () => {
    expect(calendarDateIn(new Date('2026-01-14T23:30:00Z'), LONDON)).toBe('2026-01-14');
    expect(calendarDateIn(new Date('2026-01-15T00:00:00Z'), LONDON)).toBe('2026-01-15');
  });

  it('refuses an unknown time zone', () => {
    expect(() => calendarDateIn(new Date(), 'Mars/Olympus_Mons')).toThrow(RangeError);
  });
});

describe('isActionOverdue', () => {
  it('turns overdue at local midnight in Europe/London, not at UTC midnight', () => {
    const action = open('2026-06-14');
    // 23:59 BST on the 14th is 22:59 UTC: still due today.
    expect(isActionOverdue(action, new Date('2026-06-14T22:59:00Z'), LONDON)).toBe(false);
    // 00:00 BST on the 15th is 23:00 UTC on the 14th: overdue in London, not yet in UTC.
    expect(isActionOverdue(action, new Date('2026-06-14T23:00:00Z'), LONDON)).toBe(true);
    expect(isActionOverdue(action, new Date('2026-06-14T23:00:00Z'), 'UTC')).toBe(false);
  });

  it('in winter turns overdue at midnight GMT', () => {
    const action = open('2026-01-14');
    expect(isActionOverdue(action, new Date('2026-01-14T23:59:59Z'), LONDON)).toBe(false);
    expect(isActionOverdue(action, new Date('2026-01-15T00:00:00Z'), LONDON)).toBe(true);
  });

  it('is never overdue when due today, undated, done or cancelled', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    expect(isActionOverdue(open('2026-03-10'), now, LONDON)).toBe(false);
    expect(isActionOverdue(open(null), now, LONDON)).toBe(false);
    expect(isActionOverdue({ status: 'done', dueDate: '2026-01-01' }, now, LONDON)).toBe(false);
    expect(isActionOverdue({ status: 'cancelled', dueDate: '2026-01-01' }, now, LONDON)).toBe(false);
    expect(isActionOverdue(open('2026-03-09'), now, LONDON)).toBe(true);
  });

  it('compares across month and year ends', () => {
    expect(isActionOverdue(open('2025-12-31'), new Date('2026-01-01T00:30:00Z'), LONDON)).toBe(true);
    expect(isActionOverdue(open('2026-02-28'), new Date('2026-03-01T09:00:00Z'), LONDON)).toBe(true);
  });
});

describe('canChangeAction', () => {
  it('allows changes to open actions only', () => {
    expect(canChangeAction('open')).toBe(true);
    expect(canChangeAction('done')).toBe(false);
    expect(canChangeAction('cancelled')).toBe(false);
  });
});
