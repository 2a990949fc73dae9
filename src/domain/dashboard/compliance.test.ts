import { describe, expect, it } from 'vitest';
import { clocksBreached, timescaleCompliance } from './compliance.ts';

describe('timescaleCompliance', () => {
  it('is the share of measured cases not breached, to one decimal', () => {
    const r = timescaleCompliance([
      { caseId: 'a', breached: true },
      { caseId: 'b', breached: false },
      { caseId: 'c', breached: false },
    ]);
    expect(r).toEqual({ measured: 3, breachedCaseIds: ['a'], withinCaseIds: ['b', 'c'], percent: 66.7 });
  });

  it('leaves cases without a timescale out of the count', () => {
    const r = timescaleCompliance([
      { caseId: 'a', breached: null },
      { caseId: 'b', breached: false },
    ]);
    expect(r.measured).toBe(1);
    expect(r.percent).toBe(100);
  });

  it('is null when no case has a timescale, and 0 when every one is breached', () => {
    expect(timescaleCompliance([]).percent).toBeNull();
    expect(timescaleCompliance([{ caseId: 'a', breached: null }]).percent).toBeNull();
    expect(timescaleCompliance([{ caseId: 'a', breached: true }]).percent).toBe(0);
  });
});

describe('clocksBreached', () => {
  const clocks = (attention: string, resolution: string) =>
    ({ attention: { status: attention }, resolution: { status: resolution } }) as Parameters<
      typeof clocksBreached
    >[0];

  it('is breached when either clock is breached', () => {
    expect(clocksBreached(clocks('breached', 'within'))).toBe(true);
    expect(clocksBreached(clocks('within', 'breached'))).toBe(true);
  });

  it('is not breached when near (near is a warning, not a breach)', () => {
    expect(clocksBreached(clocks('near', 'near'))).toBe(false);
    expect(clocksBreached(clocks('within', 'within'))).toBe(false);
  });
});
