/**
 * One case as it appears in an anonymised export: every free text through the pseudonymiser, every
 * date as a day number from the case's opening, people as pseudonyms, restricted notes left out
 * (only counted), the case reference replaced by "Case n".
 */
import { type CalendarDate, calendarDaysBetween } from '../time/calendar.ts';
import { ageBand } from './dates.ts';
import type { Pseudonymiser } from './pseudonymiser.ts';

/** In words, for the export itself: what was removed and how. */
export const ANONYMISATION_METHOD =
  'People are replaced by pseudonyms (Client A, Family member 1, Third party 1, Staff member 1), the same person ' +
  'with the same pseudonym throughout this export only. Names the system holds are removed wherever they appear, ' +
  'and names after a title or a family word. Dates of birth become age bands; other dates become days counted ' +
  'from the opening of each case (day 0). E-mail addresses, links, phone numbers, National Insurance and NHS ' +
  'numbers, bank details, postcodes, street addresses and reference numbers are removed. Restricted notes are ' +
  'left out. Removal is automatic and can miss a rare identifier written in an unusual way: a person must ' +
  'review the export before it is used.';

export interface NoteForAnonymising {
  readonly occurredOn: CalendarDate;
  readonly type: string;
  readonly contactChannel: string | null;
  readonly authorKey: string;
  readonly sensitivity: 'normal' | 'restricted';
  readonly isAmendment: boolean;
  readonly amendmentReason: string | null;
  readonly facts: string;
  readonly advice: string;
  readonly actionsAgreed: string;
  readonly judgement: string;
}

export interface CaseForAnonymising {
  readonly caseType: string;
  readonly openedOn: CalendarDate;
  readonly closedOn: CalendarDate | null;
  readonly status: string;
  readonly presentingIssue: string;
  readonly desiredOutcome: string | null;
  readonly vulnerabilityIndicators: readonly string[];
  readonly outcome: string | null;
  readonly outcomeDetails: string | null;
  readonly closureReason: string | null;
  readonly clientKey: string;
  readonly clientPronouns: string | null;
  readonly clientDateOfBirth: CalendarDate | null;
  readonly ownerKey: string;
  readonly notes: readonly NoteForAnonymising[];
  readonly actions: readonly {
    readonly description: string;
    readonly ownerKind: 'practitioner' | 'client' | 'third_party';
    readonly ownerKey: string | null;
    readonly dueOn: CalendarDate | null;
    readonly status: string;
    readonly completedOn: CalendarDate | null;
    readonly result: string | null;
  }[];
  readonly goals: readonly {
    readonly description: string;
    readonly measure: string | null;
    readonly targetOn: CalendarDate | null;
    readonly status: string;
    readonly resultNote: string | null;
    readonly resultOn: CalendarDate | null;
    readonly progress: readonly { readonly on: CalendarDate; readonly text: string }[];
  }[];
  readonly keyDates: readonly {
    readonly kind: string;
    readonly dueOn: CalendarDate;
    readonly description: string;
    readonly source: string | null;
    readonly status: string;
  }[];
}

export interface AnonymisedNote {
  day: number;
  type: string;
  contactChannel: string | null;
  author: string;
  isAmendment: boolean;
  amendmentReason: string | null;
  facts: string;
  advice: string;
  actionsAgreed: string;
  judgement: string;
}

export interface AnonymisedCaseRecord {
  label: string;
  caseType: string;
  client: { pseudonym: string; ageBandAtOpening: string | null; pronouns: string | null };
  adviser: string;
  status: string;
  presentingIssue: string;
  desiredOutcome: string | null;
  vulnerabilityIndicators: string[];
  closedDay: number | null;
  outcome: string | null;
  outcomeDetails: string | null;
  closureReason: string | null;
  notes: AnonymisedNote[];
  restrictedNotesLeftOut: number;
  actions: {
    description: string;
    ownerKind: 'practitioner' | 'client' | 'third_party';
    owner: string | null;
    dueDay: number | null;
    status: string;
    completedDay: number | null;
    result: string | null;
  }[];
  goals: {
    description: string;
    measure: string | null;
    targetDay: number | null;
    status: string;
    result: string | null;
    resultDay: number | null;
    progress: { day: number; text: string }[];
  }[];
  keyDates: { kind: string; dueDay: number; description: string; source: string | null; status: string }[];
}

/**
 * Anonymises one case. Notes are kept in time order; restricted notes are never included, whoever
 * asks — an export leaves the protection of the case's access rules.
 */
export function anonymiseCase(c: CaseForAnonymising, label: string, p: Pseudonymiser): AnonymisedCaseRecord {
  const anchor = c.openedOn;
  const dayOf = (d: CalendarDate) => calendarDaysBetween(anchor, d);
  const dayOrNull = (d: CalendarDate | null) => (d === null ? null : dayOf(d));
  const text = (value: string, on: CalendarDate = anchor) => p.text(value, { anchor, reference: on });
  const textOrNull = (value: string | null, on?: CalendarDate) => (value === null ? null : text(value, on));
  const filed = [...c.notes].sort((a, b) => a.occurredOn.localeCompare(b.occurredOn));
  const visible = filed.filter((n) => n.sensitivity === 'normal');
  return {
    label,
    caseType: c.caseType,
    client: {
      pseudonym: p.pseudonymOf(c.clientKey),
      ageBandAtOpening: c.clientDateOfBirth ? ageBand(c.clientDateOfBirth, anchor) : null,
      pronouns: c.clientPronouns,
    },
    adviser: p.pseudonymOf(c.ownerKey),
    status: c.status,
    presentingIssue: text(c.presentingIssue),
    desiredOutcome: textOrNull(c.desiredOutcome),
    vulnerabilityIndicators: c.vulnerabilityIndicators.map((v) => text(v)),
    closedDay: dayOrNull(c.closedOn),
    outcome: c.outcome,
    outcomeDetails: textOrNull(c.outcomeDetails, c.closedOn ?? anchor),
    closureReason: textOrNull(c.closureReason, c.closedOn ?? anchor),
    notes: visible.map((n) => ({
      day: dayOf(n.occurredOn),
      type: n.type,
      contactChannel: n.contactChannel,
      author: p.pseudonymOf(n.authorKey),
      isAmendment: n.isAmendment,
      amendmentReason: textOrNull(n.amendmentReason, n.occurredOn),
      facts: text(n.facts, n.occurredOn),
      advice: text(n.advice, n.occurredOn),
      actionsAgreed: text(n.actionsAgreed, n.occurredOn),
      judgement: text(n.judgement, n.occurredOn),
    })),
    restrictedNotesLeftOut: filed.length - visible.length,
    actions: c.actions.map((a) => ({
      description: text(a.description),
      ownerKind: a.ownerKind,
      owner: a.ownerKey ? p.pseudonymOf(a.ownerKey) : null,
      dueDay: dayOrNull(a.dueOn),
      status: a.status,
      completedDay: dayOrNull(a.completedOn),
      result: textOrNull(a.result, a.completedOn ?? anchor),
    })),
    goals: c.goals.map((g) => ({
      description: text(g.description),
      measure: textOrNull(g.measure),
      targetDay: dayOrNull(g.targetOn),
      status: g.status,
      result: textOrNull(g.resultNote, g.resultOn ?? anchor),
      resultDay: dayOrNull(g.resultOn),
      progress: [...g.progress]
        .sort((a, b) => a.on.localeCompare(b.on))
        .map((pr) => ({ day: dayOf(pr.on), text: text(pr.text, pr.on) })),
    })),
    keyDates: [...c.keyDates]
      .sort((a, b) => a.dueOn.localeCompare(b.dueOn))
      .map((k) => ({
        kind: k.kind,
        dueDay: dayOf(k.dueOn),
        description: text(k.description, k.dueOn),
        source: textOrNull(k.source, k.dueOn),
        status: k.status,
      })),
  };
}

/** The key of a third party known only by the name written on an action. */
export const thirdPartyKey = (name: string) => `third:${name.trim().toLowerCase().replace(/\s+/g, ' ')}`;
