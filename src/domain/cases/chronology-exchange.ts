/**
 * Information exchange in a case's chronology: referrals (made or received, and where they went),
 * information-sharing decisions (shared and not shared) and handovers (and when the new owner
 * read the note).
 */
import type { ChronologyEntry } from './chronology.ts';

export interface ChronologyReferral {
  readonly id: string;
  readonly direction: 'out' | 'in';
  readonly organisation: string;
  readonly service: string | null;
  readonly reason: string;
  readonly status: string;
  readonly outcome: string | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
  readonly createdByName: string | undefined;
}

export interface ChronologySharingRecord {
  readonly id: string;
  readonly decision: 'shared' | 'not-shared';
  readonly recipient: string;
  readonly information: string;
  readonly purpose: string;
  readonly lawfulBasis: string | null;
  readonly withConsent: boolean;
  readonly rationale: string;
  readonly correctsId: string | null;
  readonly recordedAt: Date;
  readonly recordedByName: string | undefined;
}

export interface ChronologyHandover {
  readonly id: string;
  readonly fromName: string;
  readonly toName: string;
  readonly note: string;
  readonly byName: string | undefined;
  readonly handedOverAt: Date;
  readonly acknowledgedAt: Date | null;
}

const words = (s: string) => s.replaceAll('-', ' ');
const by = (name: string | undefined) => (name ? { by: name } : {});

/**
 * A referral's entry when it was recorded, and one for where it stands now once it has moved on.
 * @example referralEntries([{ direction: 'out', organisation: 'StepChange', status: 'accepted', … }])
 * // [{ title: 'Referral made to StepChange', … }, { title: 'Referral to StepChange: accepted', … }]
 */
export function referralEntries(referrals: readonly ChronologyReferral[]): ChronologyEntry[] {
  return referrals.flatMap((r) => {
    const where = r.service ? `${r.organisation} (${r.service})` : r.organisation;
    const first: ChronologyEntry = {
      kind: 'referral',
      at: r.createdAt,
      id: `referral:${r.id}`,
      title: r.direction === 'out' ? `Referral made to ${where}` : `Referral received from ${where}`,
      detail: r.reason,
      ...by(r.createdByName),
    };
    if (r.status === 'made' || r.status === 'received') return [first];
    const moved: ChronologyEntry = {
      kind: 'referral',
      at: r.updatedAt,
      id: `referral:${r.id}:${r.status}`,
      title: `Referral ${r.direction === 'out' ? 'to' : 'from'} ${where}: ${words(r.status)}`,
      ...(r.outcome ? { detail: r.outcome } : {}),
    };
    return [first, moved];
  });
}

/** One entry per information-sharing decision, saying what was (or was not) shared, why and on what basis. */
export function sharingEntries(records: readonly ChronologySharingRecord[]): ChronologyEntry[] {
  return records.map((s) => {
    const basis = [
      s.withConsent ? 'with the client’s consent' : undefined,
      s.lawfulBasis ? `lawful basis: ${words(s.lawfulBasis)}` : undefined,
    ].filter(Boolean);
    return {
      kind: 'sharing' as const,
      at: s.recordedAt,
      id: `sharing:${s.id}`,
      title: `${s.correctsId ? 'Correction: ' : ''}${
        s.decision === 'shared' ? 'Information shared with' : 'Decided not to share information with'
      } ${s.recipient}`,
      detail: [
        `Information: ${s.information}`,
        `Purpose: ${s.purpose}`,
        ...(basis.length > 0 ? [`Basis: ${basis.join('; ')}`] : []),
        `Rationale: ${s.rationale}`,
      ].join('\n'),
      ...by(s.recordedByName),
    };
  });
}

/** A handover's entry, and one when the new owner read it. */
export function handoverEntries(handovers: readonly ChronologyHandover[]): ChronologyEntry[] {
  return handovers.flatMap((h) => {
    const handed: ChronologyEntry = {
      kind: 'handover',
      at: h.handedOverAt,
      id: `handover:${h.id}`,
      title: `Handed over from ${h.fromName} to ${h.toName}`,
      detail: h.note,
      ...by(h.byName),
    };
    if (!h.acknowledgedAt) return [handed];
    return [
      handed,
      {
        kind: 'handover' as const,
        at: h.acknowledgedAt,
        id: `handover:${h.id}:read`,
        title: `Handover note read by ${h.toName}`,
        by: h.toName,
      },
    ];
  });
}
