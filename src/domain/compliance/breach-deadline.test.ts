import { describe, expect, it } from 'vitest';
import { breachDeadline, durationWords, instantWords, reportingDeadline } from './breach-deadline.ts';

const at = (iso: string) => new Date(iso);

describe('the 72-hour ICO deadline', () => {
  it('is 72 elapsed hours after discovery, even across a clock change', () => {
    expect(reportingDeadline(at('2026-11-24T09:30:00Z')).toISOString()).toBe('2026-11-27T09:30:00.000Z');
    // Clocks go back on Sun 25 Oct 2026: 72 real hours after 10:00 BST Friday is 09:00 GMT Monday.
    const d = reportingDeadline(at('2026-10-23T09:00:00Z'));
    expect(instantWords(d, 'Europe/London')).toBe('Mon 26 Oct 2026 at 09:00');
  });

  it('says the time left, with the deadline in London time', () => {
    const b = {
      discoveredAt: at('2026-07-01T08:00:00Z'),
      reportDecision: 'undecided' as const,
      reportedAt: null,
    };
    const s = breachDeadline(b, at('2026-07-02T06:30:00Z'));
    expect(s).toMatchObject({ state: 'due', minutesLeft: 49 * 60 + 30, late: false });
    expect(s.words).toBe('2 days 1 hour left to report to the ICO: the deadline is Sat 4 Jul 2026 at 09:00');
    expect(breachDeadline(b, at('2026-07-04T08:00:00Z')).words).toMatch(/^less than a minute left/);
    expect(breachDeadline(b, at('2026-07-04T08:00:00Z')).state).toBe('due');
  });

  it('is overdue once 72 hours pass unreported, also when the decision was to report', () => {
    const b = {
      discoveredAt: at('2026-12-01T10:00:00Z'),
      reportDecision: 'report' as const,
      reportedAt: null,
    };
    const s = breachDeadline(b, at('2026-12-04T13:15:00Z'));
    expect(s).toMatchObject({ state: 'overdue', minutesLeft: -195 });
    expect(s.words).toBe('Overdue by 3 hours 15 minutes: the 72 hours ended Fri 4 Dec 2026 at 10:00');
  });

  it('says when it was reported, and whether late', () => {
    const discoveredAt = at('2026-12-01T10:00:00Z');
    const inTime = breachDeadline(
      { discoveredAt, reportDecision: 'report', reportedAt: at('2026-12-03T16:45:00Z') },
      at('2026-12-10T00:00:00Z'),
    );
    expect(inTime).toMatchObject({ state: 'reported', late: false, minutesLeft: null });
    expect(inTime.words).toBe('Reported to the ICO on Thu 3 Dec 2026 at 16:45, within 72 hours');
    const late = breachDeadline(
      { discoveredAt, reportDecision: 'report', reportedAt: at('2026-12-06T10:00:00Z') },
      at('2026-12-10T00:00:00Z'),
    );
    expect(late).toMatchObject({ state: 'reported', late: true });
    expect(late.words).toMatch(/2 days after the deadline/);
  });

  it('needs no report once the decision (with its reason) was not to report', () => {
    const s = breachDeadline(
      { discoveredAt: at('2026-12-01T10:00:00Z'), reportDecision: 'do-not-report', reportedAt: null },
      at('2026-12-10T00:00:00Z'),
    );
    expect(s).toMatchObject({ state: 'not-reporting', minutesLeft: null, late: false });
  });

  it('puts durations in words', () => {
    expect(durationWords(0)).toBe('less than a minute');
    expect(durationWords(1)).toBe('1 minute');
    expect(durationWords(61)).toBe('1 hour 1 minute');
    expect(durationWords(120)).toBe('2 hours');
    expect(durationWords(1440)).toBe('1 day');
    expect(durationWords(-(3 * 1440 + 5 * 60 + 7))).toBe('3 days 5 hours');
  });
});
