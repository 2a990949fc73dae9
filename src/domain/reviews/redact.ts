/**
 * A frozen snapshot names the cases behind its figures (ids in `caseIds`, the `cases` list with
 * references, the proposals). A reader sees the figures whole, but only the cases they may view
 * today are named: the rest are left out of those lists, never shown.
 */

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Fields whose value is a list of case ids; and lists of objects that each name one case. */
const ID_LISTS = new Set(['caseIds']);
const CASE_LISTS: Readonly<Record<string, string>> = { cases: 'id', proposals: 'caseId' };

/** Every case id a snapshot names, each once. */
export function caseIdsOfSnapshot(snapshot: unknown): string[] {
  const ids = new Set<string>();
  const visit = (node: unknown, field: string | null): void => {
    if (Array.isArray(node)) {
      if (field && ID_LISTS.has(field)) {
        for (const id of node) if (typeof id === 'string') ids.add(id);
        return;
      }
      const idField = field ? CASE_LISTS[field] : undefined;
      for (const item of node) {
        if (idField && isRecord(item) && typeof item[idField] === 'string') ids.add(item[idField] as string);
        visit(item, null);
      }
      return;
    }
    if (isRecord(node)) for (const [k, v] of Object.entries(node)) visit(v, k);
  };
  visit(snapshot, null);
  return [...ids];
}

/**
 * The snapshot with every case the reader may not view left out of its lists; the counts stay as
 * frozen. Returns a new object; the snapshot given is not changed.
 * @example redactSnapshot({ stalled: { count: 2, caseIds: ['a', 'b'] } }, new Set(['a']))
 * // { stalled: { count: 2, caseIds: ['a'] } }
 */
export function redactSnapshot<T>(snapshot: T, visible: ReadonlySet<string>): T {
  const copy = (node: unknown, field: string | null): unknown => {
    if (Array.isArray(node)) {
      if (field && ID_LISTS.has(field)) return node.filter((id) => typeof id === 'string' && visible.has(id));
      const idField = field ? CASE_LISTS[field] : undefined;
      const kept = idField
        ? node.filter(
            (item) => !isRecord(item) || typeof item[idField] !== 'string' || visible.has(item[idField]),
          )
        : node;
      return kept.map((item) => copy(item, null));
    }
    if (isRecord(node)) return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, copy(v, k)]));
    return node;
  };
  return copy(snapshot, null) as T;
}
