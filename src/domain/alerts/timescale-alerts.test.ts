import { describe, expect, it } from 'vitest';
import { type CaseFacts, caseClocks } from '../priority/case-clocks.ts';
import { describeTimescaleBreach, timescaleBreaches } from './timescale-alerts.ts';

const facts = (over: Partial<CaseFacts> = {}): CaseFacts => ({
  safeguardingRaisedAt: null,
  vulnerability: 0,
  impact: 'none',
  nearestKeyDate: null,
  openedAt: new Date('2027-01-04T10:00:00Z'), // Mon 4 Jan 2027
  lastAttentionAt: new Date('2027-01-04T10:00:00Z'),
  firstContactAt: null,
  ...over,
});
const timescale = { firstContactDays: 2, reviewDays: 10, resolutionDays: 40 };
const clocksOn = (today: string, f = facts()) =>
  caseClocks(f, timescale, { today, timeZone: 'Europe/London', nation: 'england-and-wales' });

describe('timescaleBreaches', () => {
  it('finds nothing within the timescale, and a first-contact breach the day after it was due', () => {
    expect(timescaleBreaches('c1', clocksOn('2027-01-06'), '2027-01-06', 30)).toEqual([]);
    expect(timescaleBreaches('c1', clocksOn('2027-01-07'), '2027-01-07', 30)).toEqual([
      {
        clock: 'first-contact',
        dueDate: '2027-01-06',
        workingDays: 2,
        subjectKey: 'c1:first-contact:2027-01-06',
      },
    ]);
  });

  it('keys a review breach by its due date, so attention that restarts the clock gives a new alert later', () => {
    const contacted = facts({
      firstContactAt: new Date('2027-01-05T10:00:00Z'),
      lastAttentionAt: new Date('2027-01-05T10:00:00Z'),
    });
    const [breach] = timescaleBreaches('c1', clocksOn('2027-01-20', contacted), '2027-01-20', 30);
    expect(breach).toMatchObject({
      clock: 'review',
      dueDate: '2027-01-19',
      subjectKey: 'c1:review:2027-01-19',
    });
    const later = facts({ ...contacted, lastAttentionAt: new Date('2027-01-21T10:00:00Z') });
    const [next] = timescaleBreaches('c1', clocksOn('2027-02-05', later), '2027-02-05', 30);
    expect(next?.subjectKey).toBe('c1:review:2027-02-04');
  });

  it('leaves breaches older than the look-back to the worklist, and reports the resolution clock too', () => {
    expect(timescaleBreaches('c1', clocksOn('2027-02-20'), '2027-02-20', 30)).toEqual([]);
    const resolution = timescaleBreaches('c1', clocksOn('2027-03-03'), '2027-03-03', 1000).map(
      (b) => b.clock,
    );
    expect(resolution).toEqual(['first-contact', 'resolution']);
  });
});

describe('describeTimescaleBreach', () => {
  it('names the case, the clock, the due date and the timescale', () => {
    expect(
      describeTimescaleBreach({
        caseReference: 'CL-2027-000001',
        clock: 'first-contact',
        dueDate: '2027-01-06',
        workingDays: 2,
        today: '2027-01-07',
      }),
    ).toBe(
      'Service timescale breached on CL-2027-000001: first contact with the client was due by Wed 6 Jan (2 working days).',
    );
  });
});
