/**
 * The corpus test: realistic notes holding every kind of identifier go through one pseudonymiser;
 * none of the identifiers may remain, the ordinary words must, and the text must stay readable.
 */
import { describe, expect, it } from 'vitest';
import { CORPUS_IDENTIFIERS, CORPUS_NOTES, CORPUS_PEOPLE, CORPUS_SURVIVORS } from './corpus.ts';
import { createPseudonymiser } from './pseudonymiser.ts';

const p = createPseudonymiser({ people: CORPUS_PEOPLE, seed: 'corpus' });
const outputs = CORPUS_NOTES.map((n) => p.text(n.text, { anchor: n.anchor, reference: n.reference }));
const all = outputs.join('\n');
const squash = (s: string) => s.toLowerCase().replace(/[\s-]/g, '');

describe('the anonymisation corpus', () => {
  it.each(CORPUS_IDENTIFIERS)('holds no trace of %s', (identifier) => {
    expect(all.toLowerCase()).not.toContain(identifier.toLowerCase());
    if (/\d/.test(identifier)) expect(squash(all)).not.toContain(squash(identifier));
  });

  it('every identifier is in the original notes (so the test proves something)', () => {
    const original = CORPUS_NOTES.map((n) => n.text).join('\n');
    for (const identifier of CORPUS_IDENTIFIERS) {
      expect(squash(original), identifier).toContain(squash(identifier));
    }
  });

  it.each(CORPUS_SURVIVORS)('keeps %s', (phrase) => {
    expect(all).toContain(phrase);
  });

  it('gives each person one pseudonym across every note', () => {
    const zebedee = p.pseudonymOf('client:zebedee');
    const may = p.pseudonymOf('client:may');
    expect(outputs[0]).toContain(`${zebedee} (DOB [date of birth removed; aged 60–69]`);
    expect(outputs[0]).toContain(`${zebedee}'s Universal Credit`);
    expect(outputs[1]).toContain(`about ${zebedee}'s fit note`);
    expect(outputs[2]).toContain(`${zebedee}'s bank`);
    expect(outputs[3]).toContain(`${may} (born [date of birth removed; aged 30–39])`);
    expect(outputs[6]).toContain(`The tenant, ${may}, is worried`);
    expect(outputs[0]).toContain('his sister Family member');
    expect(outputs[3]).toContain('from her landlord Third party');
    expect(outputs[0]).toContain('Staff member');
  });

  it('reads as text: replacements are bracketed, nothing is left half-replaced', () => {
    for (const [i, out] of outputs.entries()) {
      expect(out).not.toMatch(/[\uE000-\uF8FF]/);
      expect(out).not.toMatch(/\]\[/);
      const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w) && !/[[\]]/.test(w));
      const kept = words(out).length / words(CORPUS_NOTES[i]?.text ?? '').length;
      expect(kept, CORPUS_NOTES[i]?.title).toBeGreaterThan(0.6);
    }
  });

  it('counts what it replaced by kind, for the audit', () => {
    const counts = p.counts();
    for (const kind of [
      'name',
      'email',
      'link',
      'date-of-birth',
      'date',
      'ni-number',
      'sort-code',
      'bank-account',
      'phone',
      'nhs-number',
      'postcode',
      'address',
      'reference',
    ] as const) {
      expect(counts[kind], kind).toBeGreaterThan(0);
    }
  });
});
