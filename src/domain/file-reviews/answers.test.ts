import { describe, expect, it } from 'vitest';
import { answerProblems, type ChecklistItem, completionCheck, isComplete } from './answers.ts';

const items: ChecklistItem[] = [
  { id: 'i1', key: 'notes', label: 'Notes are clear', active: true },
  { id: 'i2', key: 'dates', label: 'Key dates recorded', active: true },
  { id: 'i3', key: 'old', label: 'An old item', active: false },
];

describe('answers sent together', () => {
  it('accepts active items once each, with a comment where not met', () => {
    expect(
      answerProblems(
        [
          { itemId: 'i1', result: 'met' },
          { itemId: 'i2', result: 'not-met', comment: 'Hearing date missing' },
        ],
        items,
      ),
    ).toEqual([]);
  });

  it('names each problem by its field', () => {
    expect(
      answerProblems(
        [
          { itemId: 'nope', result: 'met' },
          { itemId: 'i3', result: 'met' },
          { itemId: 'i1', result: 'not-met', comment: '   ' },
          { itemId: 'i1', result: 'met' },
          { itemId: 'i2', result: 'not-met', comment: null },
        ],
        items,
      ),
    ).toEqual([
      {
        field: 'answers.0.itemId',
        message: 'This is not an item of your organisation’s checklist (see GET /api/file-review-items)',
      },
      {
        field: 'answers.1.itemId',
        message: '“An old item” is no longer on the checklist; answer the active items only',
      },
      {
        field: 'answers.2.comment',
        message: 'Say what fell short for “Notes are clear” (a comment is required when an item is not met)',
      },
      { field: 'answers.3.itemId', message: '“Notes are clear” is answered twice' },
      {
        field: 'answers.4.comment',
        message:
          'Say what fell short for “Key dates recorded” (a comment is required when an item is not met)',
      },
    ]);
  });
});

describe('whether a review can be completed', () => {
  it('needs every active item answered', () => {
    const check = completionCheck(items, [{ itemId: 'i2', result: 'not-applicable', comment: null }]);
    expect(check.missing.map((i) => i.id)).toEqual(['i1']);
    expect(isComplete(check)).toBe(false);
  });

  it('needs a comment on every not met', () => {
    const check = completionCheck(items, [
      { itemId: 'i1', result: 'met', comment: null },
      { itemId: 'i2', result: 'not-met', comment: '' },
    ]);
    expect(check.missing).toEqual([]);
    expect(check.notMetWithoutComment.map((i) => i.id)).toEqual(['i2']);
    expect(isComplete(check)).toBe(false);
  });

  it('ignores inactive items, and is complete when all active ones are answered', () => {
    const check = completionCheck(items, [
      { itemId: 'i1', result: 'met', comment: null },
      { itemId: 'i2', result: 'not-met', comment: 'No source for the hearing date' },
    ]);
    expect(isComplete(check)).toBe(true);
  });
});
