import { describe, expect, it } from 'vitest';
import { daysAgo, formatDate, fromLocalInputValue, todayIso, toLocalInputValue } from './format.ts';

describe('formatDate', () => {
  it('shows a calendar date the UK way, without shifting it by a time zone', () => {
    expect(formatDate('2026-03-02')).toBe('2 Mar 2026');
    expect(formatDate('2026-12-31')).toBe('31 Dec 2026');
    expect(formatDate('2026-11-24T23:30:00.000Z')).toBe('24 Nov 2026');
  });

  it('gives back what it cannot read', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('date-time inputs', () => {
  it('round-trips an instant through the datetime-local value, to the minute', () => {
    const at = new Date(2026, 10, 24, 10, 42, 37);
    const value = toLocalInputValue(at);
    expect(value).toBe('2026-11-24T10:42');
    expect(fromLocalInputValue(value)).toBe(new Date(2026, 10, 24, 10, 42).toISOString());
  });

  it('refuses a value that is not a whole date and time', () => {
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('2026-11-24')).toBeNull();
  });
});

describe('todayIso and daysAgo', () => {
  const now = new Date(2026, 10, 24, 9, 0);

  it('says today in the browser’s zone', () => {
    expect(todayIso(now)).toBe('2026-11-24');
  });

  it('counts calendar days, not 24-hour spans', () => {
    expect(daysAgo(new Date(2026, 10, 24, 8, 0).toISOString(), now)).toBe('today');
    expect(daysAgo(new Date(2026, 10, 23, 23, 59).toISOString(), now)).toBe('yesterday');
    expect(daysAgo(new Date(2026, 10, 12, 12, 0).toISOString(), now)).toBe('12 days ago');
    expect(daysAgo(new Date(2026, 10, 25, 12, 0).toISOString(), now)).toBe('today');
  });
});
