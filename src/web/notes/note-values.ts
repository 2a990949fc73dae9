/** The note editor's values, and their conversion to and from the API's note shapes. Pure. */
import type { CONTACT_CHANNELS, CreateNoteRequest, NOTE_TYPES, NoteResponse } from '../../contract/notes.ts';
import { fromLocalInputValue, toLocalInputValue } from '../lib/format.ts';

export type NoteType = (typeof NOTE_TYPES)[number];
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export type SectionKey = 'facts' | 'advice' | 'actionsAgreed' | 'judgement';

export interface NoteValues {
  type: NoteType;
  /** '' until chosen; only contact notes have one. */
  contactChannel: ContactChannel | '';
  /** The value of the datetime-local input (browser time zone). */
  occurredAt: string;
  facts: string;
  advice: string;
  actionsAgreed: string;
  judgement: string;
  sensitivity: 'normal' | 'restricted';
  goalIds: string[];
  actionIds: string[];
}

export const SECTION_KEYS: readonly SectionKey[] = ['facts', 'advice', 'actionsAgreed', 'judgement'];

/** A new contact note that happened now; how the contact happened is for the person to say. */
export function blankNote(now: Date = new Date()): NoteValues {
  return {
    type: 'contact',
    contactChannel: '',
    occurredAt: toLocalInputValue(now),
    facts: '',
    advice: '',
    actionsAgreed: '',
    judgement: '',
    sensitivity: 'normal',
    goalIds: [],
    actionIds: [],
  };
}

/** The editor's values for a note read from the API (a draft to continue, or a note to amend). */
export function valuesFromNote(note: NoteResponse): NoteValues {
  return {
    type: note.type,
    contactChannel: note.contactChannel ?? '',
    occurredAt: toLocalInputValue(new Date(note.occurredAt)),
    facts: note.facts,
    advice: note.advice,
    actionsAgreed: note.actionsAgreed,
    judgement: note.professionalJudgement,
    sensitivity: note.sensitivity,
    goalIds: [...note.goalIds],
    actionIds: [...note.actionIds],
  };
}

/** Why the values cannot be saved as a draft yet, by field, or null when they can. */
export function unsavableFields(values: NoteValues): Record<string, string> | null {
  return fromLocalInputValue(values.occurredAt) === null
    ? { occurredAt: 'Enter the date and time it happened' }
    : null;
}

/** Why the values cannot be filed (or amended) yet: a draft's problems, and a contact note's channel. */
export function unfileableFields(values: NoteValues): Record<string, string> | null {
  const fields: Record<string, string> = { ...unsavableFields(values) };
  if (values.type === 'contact' && values.contactChannel === '') {
    fields.contactChannel = 'Choose how the contact happened';
  }
  return Object.keys(fields).length > 0 ? fields : null;
}

/** The request body for the values (create, update and amendment all take these fields). */
export function requestFromValues(values: NoteValues): CreateNoteRequest {
  return {
    type: values.type,
    contactChannel: values.type === 'contact' && values.contactChannel !== '' ? values.contactChannel : null,
    occurredAt: fromLocalInputValue(values.occurredAt) ?? '',
    facts: values.facts,
    advice: values.advice,
    actionsAgreed: values.actionsAgreed,
    judgement: values.judgement,
    sensitivity: values.sensitivity,
    goalIds: values.goalIds,
    actionIds: values.actionIds,
  };
}

/** Whether a filed note would have content: facts, advice given or actions agreed (opinion alone is not enough). */
export function hasRecordedContent(values: Pick<NoteValues, 'facts' | 'advice' | 'actionsAgreed'>): boolean {
  return [values.facts, values.advice, values.actionsAgreed].some((s) => s.trim() !== '');
}

/** The text the clarity hints read, as a stable key: hints are asked for again only when it changes. */
export function hintKey(values: NoteValues): string {
  return JSON.stringify([values.type, values.facts, values.advice, values.actionsAgreed, values.judgement]);
}
