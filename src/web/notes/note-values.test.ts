import { describe, expect, it } from 'vitest';
import type { NoteResponse } from '../../contract/notes.ts';
import {
  blankNote,
  hasRecordedContent,
  hintKey,
  requestFromValues,
  unfileableFields,
  unsavableFields,
  valuesFromNote,
} from './note-values.ts';

const now = new Date(2026, 10, 24, 10, 42);

describe('note values', () => {
  it('starts a contact note that happened now, with no channel chosen', () => {
    const v = blankNote(now);
    expect(v).toMatchObject({
      type: 'contact',
      contactChannel: '',
      occurredAt: '2026-11-24T10:42',
      sensitivity: 'normal',
    });
    // A draft saves before the channel is chosen; filing (and amending) needs it.
    expect(unsavableFields(v)).toBeNull();
    expect(unfileableFields(v)).toEqual({ contactChannel: 'Choose how the contact happened' });
    expect(unfileableFields({ ...v, contactChannel: 'phone' })).toBeNull();
    expect(unfileableFields({ ...v, type: 'file-note' })).toBeNull();
    expect(unsavableFields({ ...v, type: 'review', occurredAt: '' })).toEqual({
      occurredAt: 'Enter the date and time it happened',
    });
  });

  it('builds the request: an ISO instant, and a channel only for contact notes', () => {
    const v = { ...blankNote(now), contactChannel: 'phone' as const, facts: 'Said the letter came.' };
    expect(requestFromValues(v)).toMatchObject({
      type: 'contact',
      contactChannel: 'phone',
      occurredAt: now.toISOString(),
      facts: 'Said the letter came.',
      judgement: '',
    });
    expect(requestFromValues({ ...v, type: 'advice' }).contactChannel).toBeNull();
  });

  it('needs facts, advice or actions to file; opinion alone is not enough', () => {
    const v = blankNote(now);
    expect(hasRecordedContent(v)).toBe(false);
    expect(hasRecordedContent({ ...v, facts: '   ' })).toBe(false);
    expect(hasRecordedContent({ ...v, actionsAgreed: 'Call DWP.' })).toBe(true);
  });

  it('reads a note back, naming the opinion section as the request does', () => {
    const note = {
      type: 'contact',
      contactChannel: 'video',
      occurredAt: now.toISOString(),
      facts: 'f',
      advice: 'a',
      actionsAgreed: 'x',
      professionalJudgement: 'j',
      sensitivity: 'restricted',
      goalIds: ['g'],
      actionIds: [],
    } as unknown as NoteResponse;
    expect(valuesFromNote(note)).toEqual({
      type: 'contact',
      contactChannel: 'video',
      occurredAt: '2026-11-24T10:42',
      facts: 'f',
      advice: 'a',
      actionsAgreed: 'x',
      judgement: 'j',
      sensitivity: 'restricted',
      goalIds: ['g'],
      actionIds: [],
    });
  });

  it('asks for hints again only when the words or the type change', () => {
    const v = blankNote(now);
    expect(hintKey({ ...v, sensitivity: 'restricted', goalIds: ['g'] })).toBe(hintKey(v));
    expect(hintKey({ ...v, facts: 'x' })).not.toBe(hintKey(v));
    expect(hintKey({ ...v, type: 'review' })).not.toBe(hintKey(v));
  });
});
