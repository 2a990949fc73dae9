/**
 * Notifications in a case's chronology: who was told what, when, by whom, and when each read it.
 * The notifications one event created (same kind, moment, sender and words) make one entry.
 */
import { notificationKindLabel } from '../notifications/notification-kinds.ts';
import type { ChronologyEntry } from './chronology.ts';

export interface CaseNotificationRecord {
  readonly id: string;
  readonly kind: string;
  readonly recipientName: string;
  readonly message: string;
  readonly createdAt: Date;
  readonly readAt: Date | null;
  /** The colleague who wrote it, by name; undefined when Caseload sent it. */
  readonly sentByName: string | undefined;
}

/** "A", "A and B", "A, B and C". */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The chronology entries of a case's notifications, one per event. The title says what and whom
 * ("Key date reminder sent to Sam Adviser"); `by` is the colleague who wrote it, or "Caseload".
 * @example notificationEntries([{ id: 'n1', kind: 'informed', recipientName: 'Sam', message: 'Call back', createdAt, readAt: null, sentByName: 'Alex' }])
 * // [{ kind: 'notification', title: 'Message from a colleague sent to Sam', detail: 'Call back', by: 'Alex', … }]
 */
export function notificationEntries(records: readonly CaseNotificationRecord[]): ChronologyEntry[] {
  const groups = new Map<string, CaseNotificationRecord[]>();
  for (const r of records) {
    const key = JSON.stringify([r.kind, r.createdAt.getTime(), r.sentByName ?? null, r.message]);
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as CaseNotificationRecord;
    const recipients = [...group]
      .sort((a, b) => a.recipientName.localeCompare(b.recipientName) || a.id.localeCompare(b.id))
      .map((r) => ({ name: r.recipientName, readAt: r.readAt }));
    const what = notificationKindLabel(first.kind);
    const ids = group.map((r) => r.id).sort();
    return {
      kind: 'notification' as const,
      at: first.createdAt,
      id: `notification:${ids[0]}`,
      title: `${what.charAt(0).toUpperCase()}${what.slice(1)} sent to ${joinNames(recipients.map((r) => r.name))}`,
      detail: first.message,
      by: first.sentByName ?? 'Caseload',
      notification: { kind: first.kind, recipients },
    };
  });
}
