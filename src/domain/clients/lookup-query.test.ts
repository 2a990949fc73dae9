import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseLookupQuery } from './lookup-query.ts';

describe('client look-up query', () => {
  it('reads ISO and UK dates as a date of birth', () => {
    expect(parseLookupQuery('1980-05-17')).toEqual({ kind: 'dateOfBirth', date: '1980-05-17' });
    expect(parseLookupQuery(' 17/05/1980 ')).toEqual({ kind: 'dateOfBirth', date: '1980-05-17' });
    expect(parseLookupQuery('7.5.1980')).toEqual({ kind: 'dateOfBirth', date: '1980-05-07' });
  });

  it('refuses impossible dates', () => {
    expect(parseLookupQuery('31/02/1980')).toBeUndefined();
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2025-02-29')).toBe(false);
    expect(isCalendarDate('2025-13-01')).toBe(false);
  });

  it('reads anything else as part of a name, normalised, of at least two characters', () => {
    expect(parseLookupQuery('  SMI  th ')).toEqual({ kind: 'name', text: 'smi th' });
    expect(parseLookupQuery('j')).toBeUndefined();
    expect(parseLookupQuery('   ')).toBeUndefined();
  });
});
