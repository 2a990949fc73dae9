import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarDays, fromEpochDay, toEpochDay } from '../time/calendar.ts';
import {
  describePeriod,
  isActiveInPeriod,
  isPeriodLabel,
  PERIOD_KINDS,
  type Period,
  parsePeriod,
  periodContaining,
  periodLabelProblem,
  periodRange,
} from './periods.ts';

const parsed = (label: string): Period => {
  const p = parsePeriod(label);
  if (!p) throw new Error(`not a period: ${label}`);
  return p;
};

describe('the period containing a date', () => {
  it.each([
    ['2026-11-24', 'month', '2026-11', '2026-11-01', '2026-11-30'],
    ['2026-11-24', 'quarter', '2026-Q4', '2026-10-01', '2026-12-31'],
    ['2026-11-24', 'half-year', '2026-H2', '2026-07-01', '2026-12-31'],
    ['2026-11-24', 'year', '2026', '2026-01-01', '2026-12-31'],
    ['2026-01-01', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-03-31', 'quarter', '2026-Q1', '2026-01-01', '2026-03-31'],
    ['2026-04-01', 'quarter', '2026-Q2', '2026-04-01', '2026-06-30'],
    ['2026-09-30', 'quarter', '2026-Q3', '2026-07-01', '2026-09-30'],
    ['2026-06-30', 'half-year', '2026-H1', '2026-01-01', '2026-06-30'],
    ['2028-02-10', 'month', '2028-02', '2028-02-01', '2028-02-29'],
    ['2027-02-10', 'month', '2027-02', '2027-02-01', '2027-02-28'],
  ] as const)('%s by %s is %s (%s to %s)', (date, kind, label, first, last) => {
    expect(periodContaining(date, kind)).toEqual({
      kind,
      label,
      year: Number(date.slice(0, 4)),
      first,
      last,
    });
  });

  it('refuses a malformed date', () => {
    expect(() => periodContaining('2026-02-30', 'month')).toThrow(RangeError);
  });

  it('contains the date, and its label parses back to the same period, for any date and kind', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: toEpochDay('1990-01-01'), max: toEpochDay('2099-12-31') }),
        fc.constantFrom(...PERIOD_KINDS),
        (day, kind) => {
          const date = fromEpochDay(day);
          const p = periodContaining(date, kind);
          expect(p.first <= date && date <= p.last).toBe(true);
          expect(parsePeriod(p.label)).toEqual(p);
          // The day after the last is in the next period; the day before the first in the previous.
          expect(periodContaining(addCalendarDays(p.last, 1), kind).label).not.toBe(p.label);
          expect(periodContaining(addCalendarDays(p.first, -1), kind).label).not.toBe(p.label);
        },
      ),
    );
  });
});

describe('parsing a period label', () => {
  it.each([
    ['2026-11', 'month'],
    ['2026-01', 'month'],
    ['2026-Q1', 'quarter'],
    ['2026-H1', 'half-year'],
    ['2026', 'year'],
  ] as const)('%s is a %s', (label, kind) => {
    expect(parsed(label).kind).toBe(kind);
    expect(isPeriodLabel(label)).toBe(true);
    expect(isPeriodLabel(label, kind)).toBe(true);
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-Q0',
    '2026-Q5',
    '2026-H3',
    '2026-q4',
    '2026-h2',
    '26-Q1',
    '0999',
    '2026-1',
    '2026-Q4 ',
    '',
    '2026-11-01',
  ])('%j names no period', (label) => {
    expect(parsePeriod(label)).toBeUndefined();
    expect(isPeriodLabel(label)).toBe(false);
  });

  it('tells a label of another kind apart, in words', () => {
    expect(isPeriodLabel('2026-11', 'quarter')).toBe(false);
    expect(periodLabelProblem('2026-11', 'quarter')).toBe(
      'Your organisation samples by quarter: use a label such as 2026-Q4',
    );
    expect(periodLabelProblem('2026-Q9', 'month')).toBe('Use a period label such as 2026-11 (a month)');
    expect(periodLabelProblem('2026-Q4', 'quarter')).toBeUndefined();
  });
});

describe('periods in words', () => {
  it.each([
    ['2026-11', 'November 2026'],
    ['2026-Q4', 'October to December 2026'],
    ['2026-H1', 'January to June 2026'],
    ['2026', 'January to December 2026'],
  ])('%s is %s', (label, words) => {
    expect(describePeriod(parsed(label))).toBe(words);
  });

  it('gives the range of days', () => {
    expect(periodRange(parsed('2026-Q4'))).toBe('1 Oct 2026 – 31 Dec 2026');
  });
});

describe('a case active in a period', () => {
  const q4 = parsed('2026-Q4');
  it.each([
    ['opened before, still open', '2026-01-05', null, true],
    ['opened on the last day', '2026-12-31', null, true],
    ['opened after the period', '2027-01-01', null, false],
    ['closed on the first day', '2026-02-01', '2026-10-01', true],
    ['closed the day before it began', '2026-02-01', '2026-09-30', false],
    ['opened and closed inside it', '2026-10-10', '2026-10-11', true],
    ['open across the whole period', '2025-01-01', '2027-06-01', true],
  ] as const)('%s: %s', (_what, openedOn, closedOn, active) => {
    expect(isActiveInPeriod({ openedOn, closedOn }, q4)).toBe(active);
  });
});
