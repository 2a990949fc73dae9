import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { normaliseSegments, Snippet } from './snippet.tsx';

describe('normaliseSegments', () => {
  it('joins neighbours of the same kind and drops empty ones', () => {
    expect(
      normaliseSegments([
        { text: 'the ', match: false },
        { text: '', match: true },
        { text: 'client', match: false },
        { text: ' was ', match: false },
        { text: 'aggres', match: true },
        { text: 'sive', match: true },
      ]),
    ).toEqual([
      { text: 'the client was ', match: false },
      { text: 'aggressive', match: true },
    ]);
  });
});

describe('Snippet', () => {
  it('marks the matching words and renders everything as text, never as HTML', () => {
    const html = renderToStaticMarkup(
      createElement(Snippet, {
        segments: [
          { text: '<img src=x onerror=alert(1)> said ', match: false },
          { text: 'reconsideration', match: true },
        ],
      }),
    );
    expect(html).toBe(
      '<span class="snippet"><span>&lt;img src=x onerror=alert(1)&gt; said </span><mark>reconsideration</mark></span>',
    );
  });
});
