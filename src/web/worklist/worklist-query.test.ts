import { describe, expect, it } from 'vitest';
import { isFiltered, scopeOfValue, scopeValue, searchOfView, viewFromSearch } from './worklist-query.ts';
import { clockDue, keyDateWhen, shortDate } from './worklist-words.ts';

const TEAM = '0b9e4d1c-2f3a-4b5c-8d6e-7f8091a2b3c4';

describe('the worklist view in the address', () => {
  it('reads scope and filters, repeated or comma-separated, and writes them back in a fixed order', () => {
    const view = viewFromSearch(
      `?flag=resources&band=green,red&scope=team&teamId=${TEAM}&type=debt&status=on_hold`,
    );
    expect(view).toEqual({
      scope: { kind: 'team', teamId: TEAM },
      bands: ['red', 'green'],
      type: 'debt',
      status: 'on_hold',
      flag: 'resources',
    });
    expect(searchOfView(view)).toBe(
      `?scope=team&teamId=${TEAM}&band=red&band=green&type=debt&status=on_hold&flag=resources`,
    );
    expect(viewFromSearch(searchOfView(view))).toEqual(view);
    expect(isFiltered(view)).toBe(true);
  });

  it('falls back to the default view for anything unknown or malformed', () => {
    const view = viewFromSearch(
      '?scope=user&userId=nobody&band=purple&status=closed&flag=x&type=Not%20a%20key',
    );
    expect(view).toEqual({ scope: { kind: 'mine' }, bands: [], type: '', status: '', flag: '' });
    expect(searchOfView(view)).toBe('');
    expect(isFiltered(view)).toBe(false);
  });

  it('turns the "Whose worklist" choice into a scope and back', () => {
    expect(scopeOfValue(`team:${TEAM}`)).toEqual({ kind: 'team', teamId: TEAM });
    expect(scopeValue({ kind: 'user', userId: TEAM })).toBe(`user:${TEAM}`);
    expect(scopeOfValue('mine')).toEqual({ kind: 'mine' });
    expect(scopeOfValue('user:oops')).toEqual({ kind: 'mine' });
  });
});

describe('the worklist in words', () => {
  it('says dates briefly, with the year only when it is not this year', () => {
    expect(shortDate('2026-11-27', '2026-11-26')).toBe('27 Nov');
    expect(shortDate('2027-01-22', '2026-11-26')).toBe('22 Jan 2027');
  });
  it('says how far a key date is, and plainly when it was missed', () => {
    expect(keyDateWhen({ workingDaysAway: 3, missed: false })).toBe('in 3 working days');
    expect(keyDateWhen({ workingDaysAway: 0, missed: false })).toBe('today');
    expect(keyDateWhen({ workingDaysAway: -1, missed: true })).toBe('missed, 1 working day ago');
    // Passed on Saturday, seen on Monday: 0 working days, still missed.
    expect(keyDateWhen({ workingDaysAway: 0, missed: true })).toBe('missed');
  });
  it('says when a timescale falls due and how far off it is', () => {
    const clock = { status: 'near' as const, dueDate: '2026-11-27', workingDaysLeft: 1, workingDays: 5 };
    expect(clockDue(clock, '2026-11-26')).toBe('due 27 Nov, 1 working day left');
    expect(clockDue({ ...clock, status: 'breached', workingDaysLeft: -2 }, '2026-12-01')).toBe(
      'due 27 Nov, 2 working days over',
    );
    expect(clockDue({ ...clock, status: 'breached', workingDaysLeft: 0 }, '2026-11-28')).toBe(
      'due 27 Nov, past due',
    );
  });
});
