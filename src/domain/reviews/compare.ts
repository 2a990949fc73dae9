/**
 * Comparing two caseload reviews' snapshots figure by figure — before, after and the change — so a
 * supervisor and practitioner can see what moved between reviews, not just count what is there now.
 *
 * A snapshot is plain JSON: the dashboard figures as they were when the review began (each figure a
 * `count` with the cases behind it; some lists of figures by type, category, outcome or age), the
 * capacity, and the cases proposed with their reasons. The figures are read from that JSON without
 * trusting its shape: anything that is not a number is left out.
 */
import { REASON_LABELS, REASON_ORDER, type ReviewReasonKind } from './proposals.ts';

export interface SnapshotFigure {
  /** A stable path, e.g. 'open.byBand.red' or 'ageing.31-90'. */
  readonly key: string;
  readonly label: string;
  /** null: the snapshot had the figure but no value (e.g. compliance with nothing measured). */
  readonly value: number | null;
}

export interface FigureChange {
  readonly key: string;
  readonly label: string;
  /** null when the earlier snapshot did not have the figure (or had no value). */
  readonly before: number | null;
  readonly after: number | null;
  /** after − before, rounded to two decimals; null when either is missing. */
  readonly change: number | null;
  /** "up 2", "down 1.5", "no change", "new", "no longer counted". */
  readonly words: string;
}

/** Labels of the dashboard's figures, by path. Figures not named here get a label from their path. */
const LABELS: Readonly<Record<string, string>> = {
  'open.total': 'Open and on-hold cases',
  'open.byBand.red': 'Red cases',
  'open.byBand.amber': 'Amber cases',
  'open.byBand.green': 'Green cases',
  'open.byBand.notAssessed': 'Cases not yet assessed',
  'open.byStatus.open': 'Open cases (not on hold)',
  'open.byStatus.onHold': 'Cases on hold',
  'open.byCaseType': 'Cases of type',
  ageing: 'Cases open for',
  overdueActions: 'Overdue actions',
  'keyDates.dueSoon': 'Key dates coming up',
  'keyDates.missed': 'Key dates missed',
  stalled: 'Stalled cases',
  neglect: 'Cases at risk of neglect',
  'obstacles.total': 'Open obstacles',
  'obstacles.byCategory': 'Open obstacles',
  'goalsAchieved.last30Days': 'Goals achieved in the last 30 days',
  'goalsAchieved.last90Days': 'Goals achieved in the last 90 days',
  'closed.last30Days': 'Cases closed in the last 30 days',
  'closed.last90Days': 'Cases closed in the last 90 days',
  'closed.last30Days.byOutcome': 'Closed in the last 30 days',
  'closed.last90Days.byOutcome': 'Closed in the last 90 days',
  'timescales.measured': 'Cases measured against a timescale',
  'timescales.compliancePercent': 'Timescale compliance (%)',
  'timescales.breached': 'Cases over a timescale',
  'timescales.within': 'Cases within their timescales',
  'capacity.load': 'Weighted load (points)',
  'capacity.capacity': 'Capacity (points)',
  'capacity.percent': 'Load as a share of capacity (%)',
};

/** Parts of the dashboard that are not figures (settings, dates, lists of cases, trends). */
const NOT_FIGURES = new Set([
  'scope',
  'today',
  'generatedAt',
  'settings',
  'trends',
  'externalFactors',
  'cases',
  'caseIds',
  'itemIds',
  'fromDays',
  'toDays',
  'hiddenCases',
  'userId',
  'dueSoonUntil',
  'positive',
]);

/** Figures whose value may be null (no value rather than no figure). */
const NULLABLE = new Set(['timescales.compliancePercent', 'capacity.percent']);

/** Fields that name one element of a list of figures, in order of preference. */
const ID_FIELDS = ['key', 'caseTypeId', 'category', 'outcomeKey'] as const;
const LABEL_FIELDS = ['label', 'name', 'category'] as const;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** 'goalsAchieved.last30Days' → 'Goals achieved last30 days': a fallback label from a path. */
function labelFromPath(path: readonly string[]): string {
  const words = path
    .join(' ')
    .replace(/([a-z])([A-Z0-9])/g, '$1 $2')
    .toLowerCase();
  return `${words[0]?.toUpperCase() ?? ''}${words.slice(1)}`;
}

function walk(node: unknown, path: string[], label: string | undefined, out: SnapshotFigure[]): void {
  const key = path.join('.');
  const own = LABELS[key] ?? label ?? labelFromPath(path);
  if (typeof node === 'number' && Number.isFinite(node)) {
    out.push({ key, label: own, value: node });
    return;
  }
  if (node === null && NULLABLE.has(key)) {
    out.push({ key, label: own, value: null });
    return;
  }
  if (Array.isArray(node)) {
    for (const item of node) {
      if (!isRecord(item)) continue;
      const idField = ID_FIELDS.find((f) => typeof item[f] === 'string' || item[f] === null);
      if (!idField) continue;
      const id = item[idField] === null ? 'none' : String(item[idField]);
      const labelField = LABEL_FIELDS.find((f) => typeof item[f] === 'string');
      const itemLabel = labelField ? String(item[labelField]) : id;
      walk(item, [...path, id], `${LABELS[key] ?? labelFromPath(path)}: ${itemLabel}`, out);
    }
    return;
  }
  if (!isRecord(node)) return;
  if (typeof node.count === 'number' && Number.isFinite(node.count)) {
    out.push({ key, label: own, value: node.count });
  }
  for (const [field, value] of Object.entries(node)) {
    if (field === 'count' || NOT_FIGURES.has(field) || ID_FIELDS.includes(field as never)) continue;
    if (LABEL_FIELDS.includes(field as never) || field === 'summary' || field === 'rag') continue;
    walk(value, [...path, field], undefined, out);
  }
}

/**
 * The figures of a snapshot, in the order the dashboard shows them, then the proposals by reason.
 *
 * @example
 * snapshotFigures({ dashboard: { open: { total: { count: 12, caseIds: [] } } }, proposals: [] });
 * // [{ key: 'open.total', label: 'Open and on-hold cases', value: 12 },
 * //  { key: 'proposals.total', label: 'Cases proposed for discussion', value: 0 }, …]
 */
export function snapshotFigures(snapshot: unknown): SnapshotFigure[] {
  const out: SnapshotFigure[] = [];
  if (!isRecord(snapshot)) return out;
  if (isRecord(snapshot.dashboard)) walk(snapshot.dashboard, [], undefined, out);
  const proposals = Array.isArray(snapshot.proposals) ? snapshot.proposals : null;
  if (proposals) {
    out.push({ key: 'proposals.total', label: 'Cases proposed for discussion', value: proposals.length });
    const counts = new Map<ReviewReasonKind, number>(REASON_ORDER.map((k) => [k, 0]));
    for (const p of proposals) {
      if (!isRecord(p) || !Array.isArray(p.reasons)) continue;
      for (const r of p.reasons) {
        const kind = isRecord(r) ? (r.kind as ReviewReasonKind) : undefined;
        if (kind && counts.has(kind)) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      }
    }
    for (const kind of REASON_ORDER) {
      if (kind === 'added') continue;
      out.push({
        key: `proposals.${kind}`,
        label: `Proposed: ${REASON_LABELS[kind].toLowerCase()}`,
        value: counts.get(kind) ?? 0,
      });
    }
  }
  return out;
}

const round2 = (n: number) => Math.round(Number((n * 100).toPrecision(12))) / 100;

function changeWords(before: number | null, after: number | null, change: number | null): string {
  if (before === null && after === null) return 'no value';
  if (before === null) return 'new';
  if (after === null) return 'no longer counted';
  if (change === 0 || change === null) return 'no change';
  return change > 0 ? `up ${change}` : `down ${-change}`;
}

/**
 * Figure by figure: every figure of either snapshot once, in the later snapshot's order with those
 * only in the earlier one after, each with before, after and the change.
 *
 * @example
 * compareFigures([{ key: 'stalled', label: 'Stalled cases', value: 3 }], [{ key: 'stalled', label: 'Stalled cases', value: 1 }]);
 * // [{ key: 'stalled', label: 'Stalled cases', before: 3, after: 1, change: -2, words: 'down 2' }]
 */
export function compareFigures(
  before: readonly SnapshotFigure[],
  after: readonly SnapshotFigure[],
): FigureChange[] {
  const earlier = new Map(before.map((f) => [f.key, f]));
  const later = new Map(after.map((f) => [f.key, f]));
  const keys = [...later.keys(), ...[...earlier.keys()].filter((k) => !later.has(k))];
  return keys.map((key) => {
    const b = earlier.get(key)?.value ?? null;
    const a = later.get(key)?.value ?? null;
    const change = a !== null && b !== null ? round2(a - b) : null;
    const label = later.get(key)?.label ?? earlier.get(key)?.label ?? key;
    return { key, label, before: b, after: a, change, words: changeWords(b, a, change) };
  });
}

/** Both steps at once: the figures of two snapshots compared. */
export const compareSnapshots = (before: unknown, after: unknown): FigureChange[] =>
  compareFigures(snapshotFigures(before), snapshotFigures(after));
