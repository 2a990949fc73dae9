/** A search snippet: the API's segments as text, the matching ones in <mark>. Never parsed as HTML. */

export interface Segment {
  text: string;
  match: boolean;
}

/** Joins neighbouring segments of the same kind and drops empty ones, so marks are whole. */
export function normaliseSegments(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  for (const segment of segments) {
    if (segment.text === '') continue;
    const last = out.at(-1);
    if (last && last.match === segment.match) last.text += segment.text;
    else out.push({ ...segment });
  }
  return out;
}

export function Snippet({ segments }: { segments: readonly Segment[] }) {
  return (
    <span className="snippet">
      {normaliseSegments(segments).map((segment, index) =>
        segment.match ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: segments have no identity beyond their place
          <mark key={index}>{segment.text}</mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}
