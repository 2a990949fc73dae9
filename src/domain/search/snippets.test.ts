import { describe, expect, it } from 'vitest';
import { splitMarkedSnippet } from './snippets.ts';

describe('splitMarkedSnippet', () => {
  it('splits marked matches from plain text', () => {
    expect(splitMarkedSnippet('asked for ⟦mandatory⟧ ⟦reconsideration⟧ today')).toEqual([
      { text: 'asked for ', match: false },
      { text: 'mandatory', match: true },
      { text: ' ', match: false },
      { text: 'reconsideration', match: true },
      { text: ' today', match: false },
    ]);
  });
  it('keeps text without marks whole, and survives an unclosed mark', () => {
    expect(splitMarkedSnippet('no marks here')).toEqual([{ text: 'no marks here', match: false }]);
    expect(splitMarkedSnippet('a ⟦b')).toEqual([
      { text: 'a ', match: false },
      { text: 'b', match: true },
    ]);
    expect(splitMarkedSnippet('')).toEqual([]);
  });
  it('treats HTML in notes as text', () => {
    expect(splitMarkedSnippet('<b>x</b> ⟦y⟧')[0]).toEqual({ text: '<b>x</b> ', match: false });
  });
});
