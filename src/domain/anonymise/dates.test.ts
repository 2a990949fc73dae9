import { describe, expect, it } from 'vitest';
import { ageBand, ageOn, formatRelativeDay, monthNumber, relativeDay, resolveDate } from './dates.ts';

describe('ageBand', () => {
  it.each([
    ['2010-06-01', '2026-11-24', 'under 18'],
    ['2008-11-24', '2026-11-24', '18–29'],
    ['2008-11-25', '2026-11-24', 'under 18'],
    ['1997-01-01', '2026-11-24', '18–29'],
    ['1996-11-24', '2026-11-24', '30–39'],
    ['1986-01-01', '2026-11-24', '40–49'],
    ['1961-02-03', '2026-11-24', '60–69'],
    ['1936-11-24', '2026-11-24', '90 or over'],
    ['1936-11-25', '2026-11-24', '80–89'],
  ])('born %s, on %s → %s', (dob, on, band) => {
    expect(ageBand(dob, on)).toBe(band);
  });

  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1961-02-03', '2026-02-02')).toBe(64);
    expect(ageOn('1961-02-03', '2026-02-03')).toBe(65);
    expect(ageOn('2000-02-29', '2026-02-28')).toBe(25);
  });

  it('refuses malformed dates', () => {
    expect(() => ageBand('03/02/1961', '2026-11-24')).toThrow(RangeError);
  });
});

describe('relative days', () => {
  it('counts from the anchor, negative before it', () => {
    expect(relativeDay('2026-01-05', '2026-01-05')).toBe(0);
    expect(relativeDay('2026-03-14', '2026-01-05')).toBe(68);
    expect(relativeDay('2026-01-02', '2026-01-05')).toBe(-3);
    expect(formatRelativeDay(-3)).toBe('day -3');
  });
});

describe('resolveDate', () => {
  it('reads full dates and refuses impossible ones', () => {
    expect(resolveDate({ day: 3, month: 2, year: 1961 }, '2026-01-01')).toBe('1961-02-03');
    expect(resolveDate({ day: 31, month: 2, year: 2026 }, '2026-01-01')).toBeUndefined();
    expect(resolveDate({ day: 1, month: 13, year: 2026 }, '2026-01-01')).toBeUndefined();
  });

  it('puts a two-digit year in the century window of the reference date', () => {
    expect(resolveDate({ day: 3, month: 2, year: 61, twoDigitYear: true }, '2026-01-01')).toBe('1961-02-03');
    expect(resolveDate({ day: 3, month: 2, year: 26, twoDigitYear: true }, '2026-01-01')).toBe('2026-02-03');
    expect(resolveDate({ day: 3, month: 2, year: 27, twoDigitYear: true }, '2026-01-01')).toBe('2027-02-03');
    expect(resolveDate({ day: 3, month: 2, year: 28, twoDigitYear: true }, '2026-01-01')).toBe('1928-02-03');
  });

  it('gives a year-less date the year nearest the reference date', () => {
    expect(resolveDate({ day: 3, month: 1 }, '2026-12-20')).toBe('2027-01-03');
    expect(resolveDate({ day: 20, month: 12 }, '2027-01-03')).toBe('2026-12-20');
    expect(resolveDate({ day: 14, month: 3 }, '2026-03-01')).toBe('2026-03-14');
    expect(resolveDate({ day: 29, month: 2 }, '2027-03-01')).toBe('2028-02-29');
  });

  it('knows month names and abbreviations', () => {
    expect(monthNumber('Sept')).toBe(9);
    expect(monthNumber('FEBRUARY')).toBe(2);
    expect(monthNumber('Foo')).toBeUndefined();
  });
});
