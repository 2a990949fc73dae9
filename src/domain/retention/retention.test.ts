import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION_YEARS,
  destructionDate,
  identifierPatterns,
  monthOf,
  reviewMonthEnd,
} from './retention.ts';

/** Applies the patterns the way erasure does in PostgreSQL (case-insensitive, every match). */
const redact = (text: string, patterns: string[]) =>
  patterns.reduce((t, p) => t.replace(new RegExp(p, 'gi'), '[erased]'), text);

describe('destructionDate', () => {
  it('adds whole years to the closing day', () => {
    expect(destructionDate('2026-11-24', DEFAULT_RETENTION_YEARS)).toBe('2032-11-24');
    expect(destructionDate('2026-01-01', 1)).toBe('2027-01-01');
  });
  it('moves 29 February to 28 February in a common year', () => {
    expect(destructionDate('2028-02-29', 1)).toBe('2029-02-28');
    expect(destructionDate('2028-02-29', 4)).toBe('2032-02-29');
  });
  it('refuses less than a year or fractions', () => {
    expect(() => destructionDate('2026-11-24', 0)).toThrow(RangeError);
    expect(() => destructionDate('2026-11-24', 1.5)).toThrow(RangeError);
  });
});

describe('reviewMonthEnd and monthOf', () => {
  it('gives the last day of the month', () => {
    expect(reviewMonthEnd('2027-02')).toBe('2027-02-28');
    expect(reviewMonthEnd('2028-02')).toBe('2028-02-29');
    expect(reviewMonthEnd('2026-12')).toBe('2026-12-31');
  });
  it('refuses what is not a month', () => {
    expect(() => reviewMonthEnd('2026-13')).toThrow(RangeError);
    expect(() => reviewMonthEnd('26-01')).toThrow(RangeError);
  });
  it('names the month of a date', () => expect(monthOf('2026-11-24')).toBe('2026-11'));
});

describe('identifierPatterns', () => {
  const client = {
    legalName: 'Zebedee Quillfeather',
    preferredName: 'Zeb Quill',
    dateOfBirth: '1961-02-03',
    email: 'zebedee.quillfeather@example.net',
    phone: '07700 900123',
    address: '12 Larkspur Row, Exeter EX1 9ZZ',
  };
  const patterns = identifierPatterns(client);

  it('finds names, email, phone in any spacing, both date forms and address lines', () => {
    const text =
      'Met zebedee  QUILLFEATHER (Zeb Quill), born 3/2/1961 or 1961-02-03, tel 07700900123 / 077 00 900 123, ' +
      'mail zebedee.quillfeather@example.net, lives at 12 Larkspur Row, Exeter EX1 9ZZ.';
    const out = redact(text, patterns);
    for (const gone of ['quillfeather', 'Zeb Quill', '1961', '900123', '900 123', 'Larkspur', 'EX1 9ZZ']) {
      expect(out.toLowerCase()).not.toContain(gone.toLowerCase());
    }
    expect(out).toContain('Met [erased]');
  });

  it('leaves other text alone and escapes regex characters', () => {
    const p = identifierPatterns({ ...client, legalName: 'A.B (C)', preferredName: null, address: null });
    expect(redact('AxB (C) and A.B (C)', p)).toBe('AxB (C) and [erased]');
  });

  it('skips identifiers too short to be safe and nulls', () => {
    expect(
      identifierPatterns({
        legalName: 'Al',
        preferredName: null,
        dateOfBirth: null,
        email: null,
        phone: '12',
        address: null,
      }),
    ).toEqual([]);
  });
});
