/** Turns a snippet with ⟦marked⟧ matches into segments, so the UI highlights without raw HTML. */
export interface SnippetSegment {
  readonly text: string;
  readonly match: boolean;
}

export function splitMarkedSnippet(snippet: string, start = '⟦', end = '⟧'): SnippetSegment[] {
  const segments: SnippetSegment[] = [];
  let rest = snippet;
  while (rest.length > 0) {
    const open = rest.indexOf(start);
    if (open === -1) {
      segments.push({ text: rest, match: false });
      break;
    }
    if (open > 0) segments.push({ text: rest.slice(0, open), match: false });
    const close = rest.indexOf(end, open + start.length);
    const stop = close === -1 ? rest.length : close;
    const text = rest.slice(open + start.length, stop);
    if (text) segments.push({ text, match: true });
    rest = close === -1 ? '' : rest.slice(close + end.length);
  }
  return segments;
}
