import { describe, expect, it } from 'vitest';
import { hasRecordedContent, isLateEntry, noteHeadingProblems, occurredInFuture } from './note-rules.ts';

describe('note rules', () => {
  it('needs facts, advice or actions; judgement alone is not enough', () => {
    const empty = { facts: '', advice: '', actionsAgreed: '', judgement: '' };
    expect(hasRecordedContent(empty)).toBe(false);
    expect(hasRecordedContent({ ...empty, judgement: 'I think…' })).toBe(false);
    expect(hasRecordedContent({ ...empty, facts: '  ' })).toBe(false);
    expect(hasRecordedContent({ ...empty, advice: 'Ask for a mandatory reconsideration.' })).toBe(true);
    expect(hasRecordedContent({ ...empty, actionsAgreed: 'Client to send the letter.' })).toBe(true);
  });

  it('marks a note recorded more than the threshold after the event as late', () => {
    const occurred = new Date('2026-11-23T09:00:00Z');
    expect(isLateEntry(occurred, new Date('2026-11-24T09:00:00Z'))).toBe(false);
    expect(isLateEntry(occurred, new Date('2026-11-24T09:00:01Z'))).toBe(true);
    expect(isLateEntry(occurred, new Date('2026-11-23T15:00:01Z'), 6)).toBe(true);
  });

  it('refuses events more than five minutes in the future', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    expect(occurredInFuture(new Date('2026-11-24T10:04:59Z'), now)).toBe(false);
    expect(occurredInFuture(new Date('2026-11-24T10:05:01Z'), now)).toBe(true);
  });

  it('asks a contact note for its channel and refuses events in the future, naming the fields', () => {
    const now = new Date('2026-11-24T10:00:00Z');
    const past = new Date('2026-11-24T09:00:00Z');
    expect(noteHeadingProblems({ type: 'advice', contactChannel: null, occurredAt: past }, now)).toEqual([]);
    expect(
      noteHeadingProblems({ type: 'contact', contactChannel: null, occurredAt: past }, now, 'draft'),
    ).toEqual([]);
    expect(
      noteHeadingProblems({ type: 'contact', contactChannel: null, occurredAt: past }, now, 'filing'),
    ).toEqual([expect.objectContaining({ field: 'contactChannel' })]);
    expect(noteHeadingProblems({ type: 'contact', contactChannel: 'phone', occurredAt: past }, now)).toEqual(
      [],
    );
    const problems = noteHeadingProblems(
      { type: 'contact', contactChannel: null, occurredAt: new Date('2026-11-24T10:06:00Z') },
      now,
    );
    expect(problems.map((p) => p.field)).toEqual(['contactChannel', 'occurredAt']);
    expect(problems[0]?.message).toMatch(/phone, face-to-face, video, email or letter/);
  });
});
