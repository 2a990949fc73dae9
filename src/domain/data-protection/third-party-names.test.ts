import { describe, expect, it } from 'vitest';
import { nameMatcher } from './third-party-names.ts';

const known = [
  { name: 'Marigold Quillfeather', source: 'client' },
  { name: 'Sam Adviser', source: 'staff' },
  { name: 'Jo', source: 'staff' },
  { name: 'Alex Example', source: 'client' },
];

describe('nameMatcher', () => {
  const find = nameMatcher(known, ['Alex Example', 'Lexi']);

  it('finds known names as whole words, case-insensitively, across line breaks', () => {
    const hits = find('Spoke to marigold\nQuillfeather and to Sam Adviser about it.');
    expect(hits.map((h) => [h.name, h.source, h.matched])).toEqual([
      ['Marigold Quillfeather', 'client', 'marigold\nQuillfeather'],
      ['Sam Adviser', 'staff', 'Sam Adviser'],
    ]);
    expect(find('Samuel Adviserson')).toEqual([]);
  });

  it('never flags the client’s own names, and ignores very short names', () => {
    expect(find('Alex Example (Lexi) rang. Jo took the call.')).toEqual([]);
  });

  it('detects titled people and family named in the text', () => {
    const hits = find(
      'Letter from Dr Ottoline Brackenbury. Her son, Tobias Example lives with her; Mrs Lexi came.',
    );
    expect(hits.map((h) => [h.name, h.source])).toEqual([
      ['Ottoline Brackenbury', 'detected'],
      ['Tobias Example', 'detected'],
    ]);
    expect(hits[0]?.index).toBe('Letter from Dr '.length);
  });

  it('does not report a known name twice through detection', () => {
    expect(find('Met Mrs Marigold Quillfeather.').map((h) => h.source)).toEqual(['client']);
  });

  it('detects family who share the client’s surname, but not the client', () => {
    const own = nameMatcher([], ['Zebedee Quillfeather', 'Zeb Quill']);
    expect(
      own(
        'Do not discuss with Marigold Quillfeather. Zebedee Quillfeather agreed. The Quillfeather home.',
      ).map((h) => h.name),
    ).toEqual(['Marigold Quillfeather']);
  });

  it('works with no known names', () => {
    expect(nameMatcher([], [])('Nothing here. Mr Smith called.').map((h) => h.name)).toEqual(['Smith']);
  });
});
