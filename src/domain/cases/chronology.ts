/**
 * One case history: every kind of record merged in time order. Pure: services gather the entries
 * (applying access rules to note content) and this module orders, filters and labels them.
 */
export const CHRONOLOGY_KINDS = [
  'note',
  'action',
  'goal',
  'key-date',
  'obstacle',
  'flag',
  'change',
  'share',
  'notification',
  'assessment',
  'referral',
  'sharing',
  'handover',
] as const;
export type ChronologyKind = (typeof CHRONOLOGY_KINDS)[number];

export const CHRONOLOGY_KIND_LABELS: Record<ChronologyKind, string> = {
  note: 'Notes',
  action: 'Actions',
  goal: 'Goals',
  'key-date': 'Key dates',
  obstacle: 'Obstacles',
  flag: 'Flags',
  change: 'Status and field changes',
  share: 'Access (shares)',
  notification: 'Notifications',
  assessment: 'Priority assessments',
  referral: 'Referrals',
  sharing: 'Information sharing',
  handover: 'Handovers',
};

export interface NoteSectionsView {
  readonly facts: string;
  readonly advice: string;
  readonly actionsAgreed: string;
  /** Opinion: always shown labelled as professional judgement. */
  readonly professionalJudgement: string;
}

export interface ChronologyEntry {
  readonly kind: ChronologyKind;
  /** When it happened (for notes: occurred at). */
  readonly at: Date;
  /** Stable id of the underlying record, with the event, e.g. `action:…:completed`. */
  readonly id: string;
  readonly title: string;
  readonly detail?: string;
  readonly by?: string;
  readonly note?: {
    readonly noteId: string;
    readonly type: string;
    readonly recordedAt: Date | null;
    readonly lateEntry: boolean;
    /** True when the reader may not see the content: sections are then absent. */
    readonly restricted: boolean;
    readonly sections?: NoteSectionsView;
    readonly amends?: { readonly noteId: string; readonly reason: string };
    readonly amendedBy: readonly { readonly noteId: string; readonly recordedAt: Date | null }[];
  };
  /** Who was told (kind 'notification'): each recipient and when they read it. */
  readonly notification?: {
    readonly kind: string;
    readonly recipients: readonly { readonly name: string; readonly readAt: Date | null }[];
  };
}

/**
 * Oldest first (a case history reads forwards). Entries of the same moment come in the order they
 * were recorded (an amendment keeps its original's time, and follows it), then by id.
 */
export function orderChronology(
  entries: readonly ChronologyEntry[],
  kinds?: readonly ChronologyKind[],
): ChronologyEntry[] {
  const wanted = kinds && kinds.length > 0 ? new Set(kinds) : undefined;
  return entries
    .filter((e) => !wanted || wanted.has(e.kind))
    .sort(
      (a, b) => a.at.getTime() - b.at.getTime() || writtenAt(a) - writtenAt(b) || a.id.localeCompare(b.id),
    );
}

/** When an entry was written down: a note's recorded time, else the time it happened. */
function writtenAt(e: ChronologyEntry): number {
  return (e.note?.recordedAt ?? e.at).getTime();
}

const human = (s: string) => s.replaceAll('_', ' ').replaceAll('-', ' ');

/** Plain words for a field change, e.g. "Status changed from open to on hold". */
export function describeFieldChange(field: string, oldValue: unknown, newValue: unknown): string {
  const label = human(field.replace(/([a-z])([A-Z])/g, '$1 $2')).toLowerCase();
  const show = (v: unknown) =>
    v === null || v === undefined || v === ''
      ? 'nothing'
      : Array.isArray(v)
        ? v.map((x) => human(String(x))).join(', ') || 'none'
        : human(String(v));
  return `${label.charAt(0).toUpperCase()}${label.slice(1)} changed from ${show(oldValue)} to ${show(newValue)}`;
}
