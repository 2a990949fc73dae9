import { describe, expect, it } from 'vitest';
import { type AttentionEvent, attentionByBand, attentionWindow, type CaseloadEntry } from './attention.ts';

const caseload: CaseloadEntry[] = [
  { caseId: 'r1', band: 'red' },
  { caseId: 'r2', band: 'red' },
  { caseId: 'a1', band: 'amber' },
  { caseId: 'g1', band: 'green' },
  { caseId: 'g2', band: 'green' },
];

const event = (caseId: string, band: AttentionEvent['band'], on: string): AttentionEvent => ({
  caseId,
  band,
  on,
});

describe('attentionWindow', () => {
  it('is the 28 days ending today, both included', () => {
    expect(attentionWindow('2026-03-31')).toEqual({ from: '2026-03-04', to: '2026-03-31' });
    expect(attentionWindow('2026-01-10', 2)).toEqual({ from: '2025-12-28', to: '2026-01-10' });
    expect(attentionWindow('2024-03-01', 1)).toEqual({ from: '2024-02-24', to: '2024-03-01' });
  });

  it('refuses a date that is not a real YYYY-MM-DD date, and a window that is not whole weeks', () => {
    expect(() => attentionWindow('2026-02-30')).toThrow(RangeError);
    expect(() => attentionWindow('31/03/2026')).toThrow(/YYYY-MM-DD/);
    expect(() => attentionWindow('2026-03-31', 0)).toThrow(RangeError);
    expect(() => attentionWindow('2026-03-31', 1.5)).toThrow(RangeError);
  });
});

describe('attentionByBand', () => {
  it('shows that green cases got none of the attention', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      caseload,
      events: [
        event('r1', 'red', '2026-03-30'),
        event('r1', 'red', '2026-03-20'),
        event('r2', 'red', '2026-03-05'),
        event('a1', 'amber', '2026-03-04'),
      ],
    });
    expect(result).toMatchObject({ from: '2026-03-04', to: '2026-03-31', totalCases: 5, totalEvents: 4 });
    const [red, amber, green] = result.bands;
    expect(red).toMatchObject({
      band: 'red',
      cases: 2,
      attentionEvents: 3,
      shareOfCases: 0.4,
      shareOfAttention: 0.75,
    });
    expect(red?.attentionRatio).toBeCloseTo(1.875);
    expect(amber).toMatchObject({
      cases: 1,
      attentionEvents: 1,
      shareOfAttention: 0.25,
      casesWithoutAttention: [],
    });
    expect(green).toMatchObject({
      cases: 2,
      attentionEvents: 0,
      shareOfAttention: 0,
      attentionRatio: 0,
      casesWithoutAttention: ['g1', 'g2'],
    });
    expect(result.summary).toEqual([
      'Red: 2 cases (40% of the caseload); 3 of the 4 attention events in the last 4 weeks (75%); every case had some attention.',
      'Amber: 1 case (20% of the caseload); 1 of the 4 attention events in the last 4 weeks (25%); every case had some attention.',
      'Green: 2 cases (40% of the caseload); 0 of the 4 attention events in the last 4 weeks (0%); none of its cases had any attention.',
    ]);
  });

  it('counts events by the band at the time and cases by their band now', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      caseload: [
        { caseId: 'x', band: 'green' },
        { caseId: 'y', band: 'green' },
      ],
      events: [event('x', 'red', '2026-03-10'), event('x', 'green', '2026-03-25')],
    });
    const [red, amber, green] = result.bands;
    expect(red).toMatchObject({ cases: 0, attentionEvents: 1, shareOfAttention: 0.5, attentionRatio: null });
    expect(amber).toMatchObject({ cases: 0, attentionEvents: 0 });
    expect(green).toMatchObject({ cases: 2, attentionEvents: 1, casesWithoutAttention: ['y'] });
    expect(result.summary).toEqual([
      'Red: 0 cases (0% of the caseload); 1 of the 2 attention events in the last 4 weeks (50%), given while cases now in another band were red.',
      'Green: 2 cases (100% of the caseload); 1 of the 2 attention events in the last 4 weeks (50%); 1 of its cases had no attention at all.',
    ]);
  });

  it('leaves out events outside the window (both ends included) and reports other cases’ events apart', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      caseload,
      events: [
        event('r1', 'red', '2026-03-03'),
        event('r1', 'red', '2026-03-04'),
        event('r1', 'red', '2026-03-31'),
        event('r1', 'red', '2026-04-01'),
        event('closed', 'red', '2026-03-15'),
      ],
    });
    expect(result.totalEvents).toBe(2);
    expect(result.eventsOutsideCaseload).toBe(1);
    expect(result.bands[0]?.casesWithoutAttention).toEqual(['r2']);
  });

  it('takes another window length', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      weeks: 1,
      caseload,
      events: [event('r1', 'red', '2026-03-24'), event('r1', 'red', '2026-03-25')],
    });
    expect(result.from).toBe('2026-03-25');
    expect(result.totalEvents).toBe(1);
    expect(result.summary[0]).toContain('in the last 1 week');
  });

  it('handles a caseload with no attention at all', () => {
    const result = attentionByBand({ today: '2026-03-31', caseload, events: [] });
    expect(result.totalEvents).toBe(0);
    expect(result.bands.map((b) => b.shareOfAttention)).toEqual([0, 0, 0]);
    expect(result.summary[2]).toBe(
      'Green: 2 cases (40% of the caseload); no attention events in the last 4 weeks; none of its cases had any attention.',
    );
  });

  it('handles an empty caseload', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      caseload: [],
      events: [event('x', 'red', '2026-03-30')],
    });
    expect(result).toMatchObject({ totalCases: 0, totalEvents: 0, eventsOutsideCaseload: 1, summary: [] });
    expect(
      result.bands.every((b) => b.cases === 0 && b.shareOfCases === 0 && b.attentionRatio === null),
    ).toBe(true);
  });

  it('shares of cases and of attention each add up to 1', () => {
    const result = attentionByBand({
      today: '2026-03-31',
      caseload,
      events: [
        event('r1', 'red', '2026-03-30'),
        event('g1', 'green', '2026-03-30'),
        event('a1', 'amber', '2026-03-29'),
      ],
    });
    const total = (key: 'shareOfCases' | 'shareOfAttention') => result.bands.reduce((s, b) => s + b[key], 0);
    expect(total('shareOfCases')).toBeCloseTo(1);
    expect(total('shareOfAttention')).toBeCloseTo(1);
  });

  it('refuses a badly written event date and a duplicated case', () => {
    expect(() =>
      attentionByBand({ today: '2026-03-31', caseload, events: [event('r1', 'red', '2026-3-1')] }),
    ).toThrow(/case r1/);
    expect(() =>
      attentionByBand({
        today: '2026-03-31',
        caseload: [...caseload, { caseId: 'r1', band: 'red' }],
        events: [],
      }),
    ).toThrow(/more than once/);
  });
});
