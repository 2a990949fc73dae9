import type { z } from 'zod';
import type { chronologyKindSchema } from '../../contract/chronology.ts';

export type ChronologyKind = z.infer<typeof chronologyKindSchema>;

/**
 * The PDF download address for the kinds chosen: all kinds (or none chosen) needs no filter.
 * @example chronologyPdfHref('c1', ['note'], ALL) === '/api/cases/c1/chronology.pdf?kinds=note'
 */
export function chronologyPdfHref(
  caseId: string,
  chosen: readonly ChronologyKind[],
  all: readonly ChronologyKind[],
): string {
  const base = `/api/cases/${encodeURIComponent(caseId)}/chronology.pdf`;
  const kinds = all.filter((k) => chosen.includes(k));
  if (kinds.length === 0 || kinds.length === all.length) return base;
  return `${base}?kinds=${kinds.join(',')}`;
}

/** Turns one kind on or off, keeping the kinds in their canonical order. */
export function toggleKind(
  chosen: readonly ChronologyKind[],
  kind: ChronologyKind,
  on: boolean,
  all: readonly ChronologyKind[],
): ChronologyKind[] {
  return all.filter((k) => (k === kind ? on : chosen.includes(k)));
}
