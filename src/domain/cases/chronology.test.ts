import { describe, expect, it } from 'vitest';
import { type ChronologyEntry, describeFieldChange, orderChronology } from './chronology.ts';

const entry = (kind: ChronologyEntry['kind'], iso: string, id: string): ChronologyEntry => ({
  kind,
  at: new Date(iso),
  id,
  title: id,
});

describe('orderChronology', () => {
  const entries = [
    entry('note', '2026-11-20T10:00:00Z', 'n1'),
    entry('action', '2026-11-18T10:00:00Z', 'a1'),
    entry('change', '2026-11-20T10:00:00Z', 'c1'),
    entry('flag', '2026-11-22T10:00:00Z', 'f1'),
  ];

  it('puts everything in time order, ties by id', () => {
    expect(orderChronology(entries).map((e) => e.id)).toEqual(['a1', 'c1', 'n1', 'f1']);
  });

  it('filters by kind, and an empty filter keeps everything', () => {
    expect(orderChronology(entries, ['note', 'flag']).map((e) => e.id)).toEqual(['n1', 'f1']);
    expect(orderChronology(entries, [])).toHaveLength(4);
  });

  it('puts an amendment after the note it amends when both tell of the same moment', () => {
    const note = (id: string, recorded: string): ChronologyEntry => ({
      kind: 'note',
      at: new Date('2026-11-20T10:00:00Z'),
      id,
      title: id,
      note: {
        noteId: id,
        type: 'contact',
        recordedAt: new Date(recorded),
        lateEntry: false,
        restricted: false,
        amendedBy: [],
      },
    });
    const ordered = orderChronology([
      note('a-amendment', '2026-11-21T09:00:00Z'),
      note('z-original', '2026-11-20T10:30:00Z'),
    ]);
    expect(ordered.map((e) => e.id)).toEqual(['z-original', 'a-amendment']);
  });

  it('does not reorder its input', () => {
    orderChronology(entries);
    expect(entries[0]?.id).toBe('n1');
  });
});

describe('describeFieldChange', () => {
  it('says what changed in plain words', () => {
    expect(describeFieldChange('status', 'open', 'on_hold')).toBe('Status changed from open to on hold');
    expect(describeFieldChange('desiredOutcome', null, 'Keep the tenancy')).toBe(
      'Desired outcome changed from nothing to Keep the tenancy',
    );
    expect(describeFieldChange('vulnerability_indicators', [], ['mental-health'])).toBe(
      'Vulnerability indicators changed from none to mental health',
    );
  });
});
