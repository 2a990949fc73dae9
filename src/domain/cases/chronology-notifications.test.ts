import { describe, expect, it } from 'vitest';
import { joinNames, notificationEntries } from './chronology-notifications.ts';

const at = new Date('2027-01-04T09:00:00Z');
const record = (over: Partial<Parameters<typeof notificationEntries>[0][number]> = {}) => ({
  id: 'n1',
  kind: 'key-date-missed',
  recipientName: 'Sam Supervisor',
  message:
    'Key date missed on CL-2027-000001: the hearing of Thu 31 Dec 2026 has passed and is still pending.',
  createdAt: at,
  readAt: null,
  sentByName: undefined,
  ...over,
});

describe('notificationEntries', () => {
  it('makes one entry of the notifications one event created, with each recipient and their read time', () => {
    const read = new Date('2027-01-04T10:00:00Z');
    const entries = notificationEntries([
      record({ id: 'n2', recipientName: 'Sam Supervisor', readAt: read }),
      record({ id: 'n1', recipientName: 'Alex Owner' }),
    ]);
    expect(entries).toEqual([
      {
        kind: 'notification',
        at,
        id: 'notification:n1',
        title: 'Key date missed sent to Alex Owner and Sam Supervisor',
        detail: record().message,
        by: 'Caseload',
        notification: {
          kind: 'key-date-missed',
          recipients: [
            { name: 'Alex Owner', readAt: null },
            { name: 'Sam Supervisor', readAt: read },
          ],
        },
      },
    ]);
  });

  it('keeps separate events apart and names the colleague who wrote a message', () => {
    const entries = notificationEntries([
      record({ id: 'a' }),
      record({ id: 'b', createdAt: new Date(at.getTime() + 1) }),
      record({ id: 'c', kind: 'informed', message: 'Please cover Monday', sentByName: 'Alex Owner' }),
    ]);
    expect(entries.map((e) => [e.id, e.by])).toEqual([
      ['notification:a', 'Caseload'],
      ['notification:b', 'Caseload'],
      ['notification:c', 'Alex Owner'],
    ]);
    expect(entries[2]?.title).toBe('Message from a colleague sent to Sam Supervisor');
  });
});

describe('joinNames', () => {
  it('joins names in plain English', () => {
    expect(joinNames([])).toBe('');
    expect(joinNames(['A'])).toBe('A');
    expect(joinNames(['A', 'B'])).toBe('A and B');
    expect(joinNames(['A', 'B', 'C'])).toBe('A, B and C');
  });
});
