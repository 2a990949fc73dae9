/**
 * Small-number suppression of a frequency table with its total, as statistical disclosure control
 * does it (e.g. ONS, NHS Digital): a count below the threshold (5) is never shown ("fewer than 5")
 * — primary suppression — and, because the total is shown, further cells are hidden so that no
 * suppressed count can be worked out by subtracting the others from the total — secondary
 * (complementary) suppression. Rules:
 * 1. every count below the threshold is suppressed (0 included: "every cell of fewer than 5");
 * 2. when any cell is suppressed, at least two are, and together they hold at least `threshold`
 *    people — otherwise total − shown cells would pin them down; complements are taken smallest
 *    first (the least information lost), ties by position;
 * 3. a total below the threshold is itself suppressed, and with it every cell.
 */
export const SUPPRESSION_THRESHOLD = 5;

export type ShownCount = { readonly shown: true; readonly count: number } | { readonly shown: false };

export interface SuppressedTable {
  readonly cells: readonly ShownCount[];
  readonly total: ShownCount;
  /** Cells hidden because they are small (primary) and to protect them (secondary). */
  readonly primary: number;
  readonly secondary: number;
}

/**
 * Suppresses a one-way table of `counts` whose total is their sum.
 * @example suppressTable([12, 3, 20]).cells // [{shown:false}, {shown:false}, {shown:true,count:20}]
 */
export function suppressTable(counts: readonly number[], threshold = SUPPRESSION_THRESHOLD): SuppressedTable {
  const total = counts.reduce((a, b) => a + b, 0);
  if (total < threshold) {
    return {
      cells: counts.map(() => ({ shown: false })),
      total: { shown: false },
      primary: counts.length,
      secondary: 0,
    };
  }
  const hidden = counts.map((c) => c < threshold);
  const primary = hidden.filter(Boolean).length;
  let secondary = 0;
  const hiddenSum = () => counts.reduce((sum, c, i) => (hidden[i] ? sum + c : sum), 0);
  const hiddenCount = () => hidden.filter(Boolean).length;
  while (
    hiddenCount() > 0 &&
    hiddenCount() < counts.length &&
    (hiddenCount() < 2 || hiddenSum() < threshold)
  ) {
    let pick = -1;
    counts.forEach((c, i) => {
      if (!hidden[i] && (pick === -1 || c < (counts[pick] ?? Number.POSITIVE_INFINITY))) pick = i;
    });
    hidden[pick] = true;
    secondary += 1;
  }
  return {
    cells: counts.map((count, i) => (hidden[i] ? { shown: false } : { shown: true, count })),
    total: { shown: true, count: total },
    primary,
    secondary,
  };
}
