/**
 * Small helpers for the dashboard's figures: each is a count with the cases behind it, every case
 * named once, in the order first met.
 */

export interface CaseFigure {
  readonly count: number;
  readonly caseIds: string[];
}

export interface RecordFigure extends CaseFigure {
  readonly itemIds: string[];
}

/** Ids in the order first met, each once. */
export function uniqueIds(ids: Iterable<string>): string[] {
  return [...new Set(ids)];
}

/**
 * A figure counting cases.
 * @example caseFigure(['a', 'b', 'a']) // { count: 2, caseIds: ['a', 'b'] }
 */
export function caseFigure(caseIds: Iterable<string>): CaseFigure {
  const ids = uniqueIds(caseIds);
  return { count: ids.length, caseIds: ids };
}

/**
 * A figure counting records (actions, key dates…) on cases: the records counted, and their cases once each.
 * @example recordFigure([{ id: 'x', caseId: 'a' }, { id: 'y', caseId: 'a' }]) // { count: 2, caseIds: ['a'], itemIds: ['x', 'y'] }
 */
export function recordFigure(
  items: readonly { readonly id: string; readonly caseId: string }[],
): RecordFigure {
  const itemIds = uniqueIds(items.map((i) => i.id));
  return { count: itemIds.length, itemIds, caseIds: uniqueIds(items.map((i) => i.caseId)) };
}

/**
 * Records grouped by a key, in the order of `keys` first and any other key after (in the order met);
 * with `keepEmpty`, every key of `keys` appears even with no records.
 */
export function groupRecords<T extends { readonly id: string; readonly caseId: string }>(
  items: readonly T[],
  keyOf: (item: T) => string,
  keys: readonly string[] = [],
  keepEmpty = false,
): { key: string; figure: RecordFigure }[] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const item of items) {
    const k = keyOf(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return [...groups.entries()]
    .filter(([, list]) => keepEmpty || list.length > 0)
    .map(([key, list]) => ({ key, figure: recordFigure(list) }));
}
