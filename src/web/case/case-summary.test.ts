import { describe, expect, it } from 'vitest';
import { ownerOf } from './actions-section.tsx';
import { accessNeedLines, safeContactLines } from './case-summary.tsx';

describe('contact callouts', () => {
  it('says plainly what must not be done, and leaves out what was not asked', () => {
    expect(safeContactLines({ voicemail: false, safeTimes: 'after 6pm' })).toEqual([
      'Voicemail: do NOT leave one',
      'Safe times: after 6pm',
    ]);
    expect(safeContactLines({})).toEqual([]);
  });

  it('lists access needs with the interpreter’s language', () => {
    expect(accessNeedLines({ interpreter: true, language: 'Polish', bsl: false, easyRead: true })).toEqual([
      'Interpreter: Polish',
      'Easy-read material',
    ]);
  });
});

describe('ownerOf', () => {
  it('names who is to do an action', () => {
    expect(ownerOf({ ownerKind: 'client', ownerName: null })).toBe('the client');
    expect(ownerOf({ ownerKind: 'third_party', ownerName: 'DWP' })).toBe('DWP');
    expect(ownerOf({ ownerKind: 'practitioner', ownerName: 'Ari Adviser' })).toBe('Ari Adviser');
  });
});
