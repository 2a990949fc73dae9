import { describe, expect, it } from 'vitest';
import { type ChronologyKind, chronologyPdfHref, toggleKind } from './chronology.ts';

const ALL: ChronologyKind[] = ['note', 'action', 'goal', 'key-date', 'obstacle', 'flag', 'change', 'share'];

describe('chronologyPdfHref', () => {
  it('asks for every kind without a filter, and for some kinds by name in order', () => {
    expect(chronologyPdfHref('c1', ALL, ALL)).toBe('/api/cases/c1/chronology.pdf');
    expect(chronologyPdfHref('c1', [], ALL)).toBe('/api/cases/c1/chronology.pdf');
    expect(chronologyPdfHref('c1', ['flag', 'note'], ALL)).toBe(
      '/api/cases/c1/chronology.pdf?kinds=note,flag',
    );
  });
});

describe('toggleKind', () => {
  it('turns a kind off and on again, keeping the canonical order', () => {
    const off = toggleKind(ALL, 'note', false, ALL);
    expect(off).not.toContain('note');
    expect(toggleKind(off, 'note', true, ALL)).toEqual(ALL);
  });
});
