import { describe, expect, it } from 'vitest';
import type { KeyDateRegisterRow } from '../../contract/key-date-register.ts';
import { groupRegister, longDate, mondayOf, whenOf } from './register-groups.ts';

const row = (
  id: string,
  dueDate: string,
  overdue = false,
  status: KeyDateRegisterRow['status'] = 'pending',
) =>
  ({
    id,
    dueDate,
    overdue,
    status,
    workingDaysAway: overdue ? -2 : 3,
  }) as KeyDateRegisterRow;

describe('grouping the key dates register', () => {
  it('finds the Monday of a week, across months and years', () => {
    expect(mondayOf('2026-11-26')).toBe('2026-11-23');
    expect(mondayOf('2026-11-23')).toBe('2026-11-23');
    expect(mondayOf('2026-11-29')).toBe('2026-11-23');
    expect(mondayOf('2027-01-01')).toBe('2026-12-28');
    expect(longDate('2026-11-30')).toBe('Mon 30 Nov 2026');
  });

  it('puts missed pending dates first, then one group per week with a heading saying which', () => {
    const groups = groupRegister(
      [
        row('a', '2026-11-24', true),
        row('b', '2026-11-27'),
        row('c', '2026-11-30'),
        row('d', '2026-12-04'),
        row('e', '2026-12-21'),
      ],
      '2026-11-26',
    );
    expect(groups.map((g) => [g.heading, g.rows.map((r) => r.id).join('')])).toEqual([
      ['Missed — still pending', 'a'],
      ['This week (week of Mon 23 Nov 2026)', 'b'],
      ['Next week (week of Mon 30 Nov 2026)', 'cd'],
      ['Week of Mon 21 Dec 2026', 'e'],
    ]);
    expect(groupRegister([], '2026-11-26')).toEqual([]);
  });

  it('keeps past dates that were met in their week, not among the missed', () => {
    const groups = groupRegister([row('m', '2026-11-10', true, 'met')], '2026-11-26');
    expect(groups.map((g) => g.heading)).toEqual(['Week of Mon 9 Nov 2026']);
  });

  it('says when, in words, with a tag for what needs attention', () => {
    expect(whenOf({ overdue: true, workingDaysAway: -2, status: 'pending' })).toEqual({
      tag: 'Missed',
      text: '2 working days ago',
    });
    expect(whenOf({ overdue: true, workingDaysAway: -1, status: 'met' })).toEqual({
      tag: null,
      text: 'Passed 1 working day ago',
    });
    expect(whenOf({ overdue: true, workingDaysAway: 0, status: 'pending' })).toEqual({
      tag: 'Missed',
      text: 'over the weekend or a bank holiday',
    });
    expect(whenOf({ overdue: false, workingDaysAway: 0, status: 'pending' })).toEqual({
      tag: 'Today',
      text: '',
    });
    expect(whenOf({ overdue: false, workingDaysAway: 1, status: 'pending' })).toEqual({
      tag: null,
      text: 'In 1 working day',
    });
  });
});
