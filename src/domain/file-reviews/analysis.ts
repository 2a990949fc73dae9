/**
 * The annual analysis of file reviews: for each checklist item, how often it was met, not met or
 * not applicable in the completed reviews, and the share met of those where it applied. Optionally
 * the same per practitioner. Counts only: no case data.
 */
import type { AnswerResult } from './answers.ts';

export interface AnalysisItem {
  readonly id: string;
  readonly key: string;
  readonly label: string;
  readonly sortOrder: number;
  readonly active: boolean;
}

export interface AnalysisAnswer {
  readonly reviewId: string;
  readonly practitionerId: string;
  readonly itemId: string;
  /** The item's wording when it was answered (used when the item is not in the list). */
  readonly itemLabel: string;
  readonly result: AnswerResult;
}

export interface ItemFigures {
  readonly itemId: string;
  readonly key: string | null;
  readonly label: string;
  readonly met: number;
  readonly notMet: number;
  readonly notApplicable: number;
  /** met + not met. */
  readonly applicable: number;
  /** Whole per cent met of applicable (half up), or null when it never applied. */
  readonly percentMet: number | null;
}

export interface Figures {
  readonly reviews: number;
  readonly items: readonly ItemFigures[];
  /** Over every item: met of applicable, whole per cent, or null. */
  readonly percentMet: number | null;
}

export interface Analysis extends Figures {
  /** Per practitioner, when asked for: the same figures over their reviews. */
  readonly practitioners?: readonly ({ readonly practitionerId: string } & Figures)[];
}

/** Whole per cent, half up; null when nothing applied. */
export const percentOf = (part: number, whole: number): number | null =>
  whole === 0 ? null : Math.round((part * 100) / whole + 1e-9);

function figures(
  items: readonly AnalysisItem[],
  answers: readonly AnalysisAnswer[],
  reviews: number,
): Figures {
  const counts = new Map<string, { met: number; notMet: number; notApplicable: number; label: string }>();
  for (const a of answers) {
    const c = counts.get(a.itemId) ?? { met: 0, notMet: 0, notApplicable: 0, label: a.itemLabel };
    if (a.result === 'met') c.met++;
    else if (a.result === 'not-met') c.notMet++;
    else c.notApplicable++;
    counts.set(a.itemId, c);
  }
  const known = new Set(items.map((i) => i.id));
  // Active items always; inactive ones only when they were answered.
  const listed = [...items]
    .filter((i) => i.active || counts.has(i.id))
    .sort((a, b) => a.sortOrder - b.sortOrder || a.label.localeCompare(b.label));
  const rows: ItemFigures[] = listed.map((i) => row(i.id, i.key, i.label, counts.get(i.id)));
  for (const [itemId, c] of counts) if (!known.has(itemId)) rows.push(row(itemId, null, c.label, c));
  const met = rows.reduce((s, r) => s + r.met, 0);
  const applicable = rows.reduce((s, r) => s + r.applicable, 0);
  return { reviews, items: rows, percentMet: percentOf(met, applicable) };
}

function row(
  itemId: string,
  key: string | null,
  label: string,
  c: { met: number; notMet: number; notApplicable: number } | undefined,
): ItemFigures {
  const met = c?.met ?? 0;
  const notMet = c?.notMet ?? 0;
  return {
    itemId,
    key,
    label,
    met,
    notMet,
    notApplicable: c?.notApplicable ?? 0,
    applicable: met + notMet,
    percentMet: percentOf(met, met + notMet),
  };
}

/**
 * The analysis of the completed reviews given (their ids) and their answers.
 * @param options.byPractitioner add the figures of each practitioner, ordered by id
 */
export function analyseFileReviews(
  items: readonly AnalysisItem[],
  reviews: readonly { readonly id: string; readonly practitionerId: string }[],
  answers: readonly AnalysisAnswer[],
  options: { byPractitioner?: boolean } = {},
): Analysis {
  const reviewIds = new Set(reviews.map((r) => r.id));
  const counted = answers.filter((a) => reviewIds.has(a.reviewId));
  const overall = figures(items, counted, reviewIds.size);
  if (!options.byPractitioner) return overall;
  const people = [...new Set(reviews.map((r) => r.practitionerId))].sort();
  return {
    ...overall,
    practitioners: people.map((practitionerId) => ({
      practitionerId,
      ...figures(
        items,
        counted.filter((a) => a.practitionerId === practitionerId),
        reviews.filter((r) => r.practitionerId === practitionerId).length,
      ),
    })),
  };
}
