import { describe, expect, it } from 'vitest';
import { ownerOf } from './actions-section.tsx';
import { accessNeedLines, destructionText, safeContactLines } from './case-summary.tsx';

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

describe('destructionText', () => {
  it('gives the destruction date, and the extension that set it with its reason', () => {
    expect(destructionText({ destructionDueOn: '2032-11-24', retentionExtension: null })).toBe(
      '24 Nov 2032 unless extended',
    );
    expect(
      destructionText({
        destructionDueOn: '2034-03-31',
        retentionExtension: {
          previousOn: '2032-11-24',
          reason: 'Ombudsman complaint open',
          extendedBy: { id: '00000000-0000-4000-8000-000000000001', displayName: 'Ada Admin' },
          extendedAt: '2032-10-01T09:00:00.000Z',
        },
      }),
    ).toBe(
      '31 Mar 2034 unless extended again (extended from 24 Nov 2032 by Ada Admin on 1 Oct 2032: Ombudsman complaint open)',
    );
    expect(destructionText({ destructionDueOn: null, retentionExtension: null })).toBe('—');
  });
});
