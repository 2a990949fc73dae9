import { describe, expect, it } from 'vitest';
import { normaliseName, possibleDuplicates, sameLegalName } from './client-names.ts';

describe('client names', () => {
  it('ignores case, surrounding and repeated whitespace, and no-break spaces', () => {
    expect(normaliseName('  Jane \t  SMITH ')).toBe('jane smith');
    expect(sameLegalName('Jane\u00a0Smith', 'jane smith')).toBe(true);
    expect(sameLegalName('Jane Smith', 'Jane Smyth')).toBe(false);
    expect(sameLegalName('JaneSmith', 'Jane Smith')).toBe(false);
  });

  it('treats composed and decomposed accents alike', () => {
    expect(sameLegalName('Zoe\u0301 Brown', 'Zo\u00e9 Brown')).toBe(true);
  });
});

describe('possible duplicates', () => {
  const existing = [
    { id: 'a', legalName: 'Jane Smith', dateOfBirth: '1980-05-17' },
    { id: 'b', legalName: 'JANE  SMITH', dateOfBirth: '1980-05-17' },
    { id: 'c', legalName: 'Jane Smith', dateOfBirth: '1981-05-17' },
    { id: 'd', legalName: 'John Smith', dateOfBirth: '1980-05-17' },
    { id: 'e', legalName: 'Jane Smith', dateOfBirth: null },
  ];

  it('matches the same name and the same date of birth only', () => {
    const found = possibleDuplicates({ legalName: ' jane smith', dateOfBirth: '1980-05-17' }, existing);
    expect(found.map((c) => c.id)).toEqual(['a', 'b']);
  });

  it('matches nothing without a date of birth', () => {
    expect(possibleDuplicates({ legalName: 'Jane Smith', dateOfBirth: null }, existing)).toEqual([]);
    expect(possibleDuplicates({ legalName: 'Jane Smith', dateOfBirth: undefined }, existing)).toEqual([]);
  });
});
