import { describe, expect, it } from 'vitest';
import { assignPseudonyms, createPseudonymiser, fnv1a, type KnownPerson, letters } from './pseudonymiser.ts';

const people: KnownPerson[] = [
  {
    key: 'client:1',
    role: 'client',
    names: ['Zebedee Quillfeather', 'Zeb'],
    dateOfBirth: '1961-02-03',
    identifiers: [
      { kind: 'phone', value: '07700 900123' },
      { kind: 'email', value: 'zq@example.org' },
      { kind: 'address', value: '12 Acacia Avenue, Sheffield, S1 2AB' },
      { kind: 'ni-number', value: 'QQ 12 34 56 C' },
    ],
  },
  { key: 'client:2', role: 'client', names: ['Harriet Vane'] },
  { key: 'family:1', role: 'family', names: ['Agatha Quillfeather'] },
  { key: 'third:1', role: 'third-party', names: ['Dr Ravi Menon'] },
  { key: 'user:1', role: 'staff', names: ['Priya Natarajan'] },
];
const dates = { anchor: '2026-01-05', reference: '2026-03-01' };

describe('pseudonyms', () => {
  it('labels people by their part in the case', () => {
    const labels = assignPseudonyms(people, 'seed');
    expect(new Set([labels.get('client:1'), labels.get('client:2')])).toEqual(
      new Set(['Client A', 'Client B']),
    );
    expect(labels.get('family:1')).toBe('Family member 1');
    expect(labels.get('third:1')).toBe('Third party 1');
    expect(labels.get('user:1')).toBe('Staff member 1');
  });

  it('the seed decides the order, the same seed gives the same labels', () => {
    const orders = new Set(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((seed) => assignPseudonyms(people, seed).get('client:1')),
    );
    expect(orders).toEqual(new Set(['Client A', 'Client B']));
    expect(assignPseudonyms(people, 'same')).toEqual(assignPseudonyms(people, 'same'));
  });

  it('counts letters like spreadsheet columns', () => {
    expect([1, 2, 26, 27, 52, 703].map(letters)).toEqual(['A', 'B', 'Z', 'AA', 'AZ', 'AAA']);
  });

  it('hashes strings stably', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });
});

describe('pseudonymiser', () => {
  const p = createPseudonymiser({ people, seed: 'fixed' });
  const a = p.pseudonymOf('client:1');

  it('replaces the same person with the same pseudonym everywhere', () => {
    expect(p.text('Zebedee Quillfeather rang.', dates)).toBe(`${a} rang.`);
    expect(p.text('ZEBEDEE confirmed; Zeb’s letter; Mr Zebedee Quillfeather.', dates)).toBe(
      `${a} confirmed; ${a}’s letter; ${a}.`,
    );
    expect(p.text('Agatha Quillfeather and Dr Menon and Priya', dates)).toBe(
      'Family member 1 and Third party 1 and Staff member 1',
    );
  });

  it('removes the identifiers held for a person in any spacing', () => {
    const out = p.text(
      'Call 0770 090 0123 or ZQ@EXAMPLE.ORG; lives 12 acacia avenue, Sheffield; NI qq123456c; born 03/02/61.',
      dates,
    );
    expect(out).toBe(
      'Call [phone removed] or [email removed]; lives [address removed], Sheffield; NI [NI number removed]; born [date of birth removed; aged 60–69].',
    );
  });

  it('reads a removed address held in several lines as one', () => {
    expect(p.text('Lives at 12 Acacia Avenue, Sheffield, S1 2AB now.', dates)).toBe(
      'Lives at [address removed], Sheffield, [address removed] now.',
    );
    expect(p.text('Lives at 12 Acacia Avenue, S1 2AB now.', dates)).toBe('Lives at [address removed] now.');
  });

  it('removes a street named like a person as an address, and a name holding digits as a name', () => {
    expect(p.text('Moved to 3 Quillfeather Road, Leeds.', dates)).toBe('Moved to [address removed], Leeds.');
    const q = createPseudonymiser({
      people: [{ key: 'u', role: 'staff', names: ['Test User 3f123456'] }],
      seed: 's',
    });
    expect(q.text('Test User 3f123456 attended.', dates)).toBe('Staff member 1 attended.');
  });

  it('turns the known date of birth into an age band without a "born" nearby', () => {
    expect(p.text('Checked 1961-02-03 against ID.', dates)).toBe(
      'Checked [date of birth removed; aged 60–69] against ID.',
    );
  });

  it('never rewrites its own replacements', () => {
    const q = createPseudonymiser({
      people: [{ key: 'x', role: 'client', names: ['Day Removed'] }],
      seed: 's',
    });
    expect(q.text('Day said on 14 March 2026 that Removed owes.', dates)).toBe(
      'Client A said on [day 68] that Client A owes.',
    );
  });

  it('an unknown key is a removed name, and counts are kept per kind', () => {
    expect(p.pseudonymOf('nobody')).toBe('[name removed]');
    const q = createPseudonymiser({ people, seed: 'fixed' });
    q.text('Zeb rang 07700 900123 and 07700 900124.', dates);
    expect(q.counts()).toEqual({ name: 1, phone: 2 });
  });
});
