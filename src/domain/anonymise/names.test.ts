import { describe, expect, it } from 'vitest';
import { createNameMatcher, findUnknownNames } from './names.ts';

const matcher = createNameMatcher([
  { key: 'client', names: ['Zebedee Quillfeather', 'Zeb'] },
  { key: 'mother', names: ['Agatha Quillfeather'] },
  { key: 'may', names: ['May Okafor-Lewis'] },
  { key: 'will', names: ['Will Brown'] },
  { key: 'irish', names: ["Siobhán O'Brien"] },
]);

const found = (text: string) =>
  matcher.find(text).map((m) => [text.slice(m.index, m.index + m.length), m.keys]);

describe('name matcher', () => {
  it('finds full names in any case, spacing and order, with titles and initials', () => {
    expect(found('ZEBEDEE QUILLFEATHER and zebedee  quillfeather')).toEqual([
      ['ZEBEDEE QUILLFEATHER', ['client']],
      ['zebedee  quillfeather', ['client']],
    ]);
    expect(found('Quillfeather, Zebedee; Z. Quillfeather; Mr Zebedee Quillfeather')).toEqual([
      ['Quillfeather, Zebedee', ['client']],
      ['Z. Quillfeather', ['client']],
      ['Mr Zebedee Quillfeather', ['client']],
    ]);
  });

  it('finds parts alone and keeps possessives outside the match', () => {
    expect(found("Zebedee's appeal; Zeb rang")).toEqual([
      ['Zebedee', ['client']],
      ['Zeb', ['client']],
    ]);
    expect(found('Zebedees and Zebedee’s')).toEqual([['Zebedee', ['client']]]);
  });

  it('gives a part shared by two people to both, so it cannot be attributed', () => {
    expect(found('Mrs Quillfeather came')).toEqual([['Mrs Quillfeather', ['client', 'mother']]]);
    expect(found('Agatha Quillfeather came')).toEqual([['Agatha Quillfeather', ['mother']]]);
  });

  it('handles double-barrelled names and apostrophes', () => {
    expect(found('Okafor-Lewis, Lewis and Ms Okafor')).toEqual([
      ['Okafor-Lewis', ['may']],
      ['Lewis', ['may']],
      ['Ms Okafor', ['may']],
    ]);
    expect(found('O’Brien and SIOBHÁN')).toEqual([
      ['O’Brien', ['irish']],
      ['SIOBHÁN', ['irish']],
    ]);
  });

  it('does not find names inside other words', () => {
    expect(found('Zebedeeland, Quillfeathers, preLewis')).toEqual([]);
  });

  it('replaces ordinary words that are names only when capitalised, and months only away from dates', () => {
    expect(found('she may appeal and will ring')).toEqual([]);
    expect(found('May said Will would ring. MAY agreed.')).toEqual([
      ['May', ['may']],
      ['Will', ['will']],
      ['MAY', ['may']],
    ]);
    expect(found('in May, by May, 3 May, May 2026, May [x]'.replace('[x]', '\uE000'))).toEqual([]);
    expect(found('Mr Brown and brown envelope')).toEqual([['Mr Brown', ['will']]]);
  });

  it('does not take a verb after or before a surname for a given name', () => {
    expect(found('Okafor-Lewis may need an interpreter')).toEqual([['Okafor-Lewis', ['may']]]);
    expect(found('she may Okafor-Lewis')).toEqual([['Okafor-Lewis', ['may']]]);
    expect(found('Okafor-Lewis, May')).toEqual([
      ['Okafor-Lewis', ['may']],
      ['May', ['may']],
    ]);
  });

  it('takes an unknown first name before a known surname as a relative, not attributed', () => {
    expect(found('Marigold Quillfeather helps with forms')).toEqual([['Marigold Quillfeather', []]]);
    expect(found('The Quillfeather file; Agatha Quillfeather')).toEqual([
      ['Quillfeather', ['client', 'mother']],
      ['Agatha Quillfeather', ['mother']],
    ]);
  });

  it('finds nothing without people', () => {
    expect(createNameMatcher([]).find('Zebedee')).toEqual([]);
  });
});

describe('names the system does not hold', () => {
  const spans = (text: string) => findUnknownNames(text).map((m) => text.slice(m.index, m.index + m.length));

  it('finds a name after a title, with the title', () => {
    expect(spans('Spoke to Mrs Hobbs and Dr. Ada Lovelace today')).toEqual(['Mrs Hobbs', 'Dr. Ada Lovelace']);
  });

  it('finds a name after a family word, without the family word', () => {
    expect(spans('her son Tobias is 15; neighbour, Kit Marlowe, helps; a friend called Ottoline')).toEqual([
      'Tobias',
      'Kit Marlowe',
      'Ottoline',
    ]);
  });

  it('stops at words that are not names and ignores lower case', () => {
    expect(spans('her mother The council; his partner is unwell; Mr I')).toEqual([]);
    expect(spans('her son On Monday')).toEqual([]);
    expect(spans('her son went to school; Her Son Tobias')).toEqual(['Tobias']);
  });
});
