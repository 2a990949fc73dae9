import { describe, expect, it } from 'vitest';
import type { ServiceTimescaleSetting } from '../priority/service-timescales.ts';
import {
  type CaseloadCase,
  type CaseloadEffectInput,
  caseClock,
  caseloadEffect,
  caseloadWhatIf,
  DEFAULT_EFFORT_HOURS,
  HYPOTHETICAL_CASE_ID,
  whatIfChangeOf,
} from './effect.ts';
import { FORECAST_ASSUMPTIONS } from './forecast.ts';

// Thursday 26 November 2026; no bank holidays in November in England and Wales.
const TODAY = '2026-11-26';
const NATION = 'england-and-wales' as const;

const kase = (caseId: string, overrides: Partial<CaseloadCase> = {}): CaseloadCase => ({
  caseId,
  caseTypeId: 'benefits',
  band: 'green',
  score: null,
  lastAttentionOn: TODAY,
  attendedBefore: true,
  estimatedEffortHours: null,
  ...overrides,
});

const setting = (overrides: Partial<ServiceTimescaleSetting>): ServiceTimescaleSetting => ({
  caseTypeId: null,
  band: 'red',
  firstContactDays: 1,
  reviewDays: 5,
  resolutionDays: 40,
  ...overrides,
});

const input = (overrides: Partial<CaseloadEffectInput> = {}): CaseloadEffectInput => ({
  cases: [],
  timescales: [],
  today: TODAY,
  nation: NATION,
  weeklyCapacityHours: 30,
  events: [],
  ...overrides,
});

describe('caseClock', () => {
  it('counts working days since attention against the review timescale of the type and band', () => {
    const red = kase('r', { band: 'red', lastAttentionOn: '2026-11-23' }); // Mon → Thu: 3 working days
    expect(caseClock(red, [], TODAY, NATION)).toEqual({
      caseId: 'r',
      band: 'red',
      reviewTimescaleWorkingDays: 5,
      workingDaysSinceAttention: 3,
      deadlineWorkingDays: 2,
      effortHours: DEFAULT_EFFORT_HOURS.red,
      effortDefaulted: true,
    });
    const forType = [setting({ caseTypeId: 'benefits', reviewDays: 8 }), setting({ reviewDays: 6 })];
    expect(caseClock(red, forType, TODAY, NATION)).toMatchObject({
      reviewTimescaleWorkingDays: 8,
      deadlineWorkingDays: 5,
    });
    expect(caseClock(kase('x', { band: 'red', caseTypeId: 'debt' }), forType, TODAY, NATION)).toMatchObject({
      reviewTimescaleWorkingDays: 6,
    });
  });

  it('skips weekends and the nation’s bank holidays, and uses an estimate when there is one', () => {
    // Thu 24 Dec 2026 → Tue 29 Dec: Christmas, the weekend and the substitute Boxing Day are not working days.
    const c = kase('g', { lastAttentionOn: '2026-12-24', estimatedEffortHours: 1.5 });
    expect(caseClock(c, [], '2026-12-29', NATION)).toMatchObject({
      workingDaysSinceAttention: 1,
      deadlineWorkingDays: 19,
      effortHours: 1.5,
      effortDefaulted: false,
    });
  });
});

describe('caseloadEffect', () => {
  const cases = [
    // Green, 20 working days without attention: the whole of its review timescale.
    kase('stale', { lastAttentionOn: '2026-10-29' }),
    // Amber, 8 of 10 working days gone, never attended since it was opened.
    kase('waiting', { band: 'amber', lastAttentionOn: '2026-11-16', attendedBefore: false }),
    kase('fresh', { band: 'red', score: 80 }),
  ];

  it('lists the cases at risk of neglect with the reason in plain words', () => {
    const effect = caseloadEffect(input({ cases }));
    expect(effect.neglect.map((n) => n.caseId)).toEqual(['stale', 'waiting']);
    expect(effect.neglect[0]?.reason).toBe(
      'Review due today: no attention for 20 working days, the whole of its review timescale of 20 working days.',
    );
    expect(effect.neglect[1]?.reason).toBe(
      '80% of its review timescale of 10 working days has gone: no attention since it was opened 8 working days ago; review due within 2 working days.',
    );
  });

  it('counts attention by the band of its time, over the last four weeks', () => {
    const effect = caseloadEffect(
      input({
        cases,
        events: [
          { caseId: 'fresh', band: 'red', on: '2026-11-25' },
          { caseId: 'fresh', band: 'amber', on: '2026-11-02' },
          { caseId: 'closed-since', band: 'green', on: '2026-11-20' },
          { caseId: 'fresh', band: 'red', on: '2026-10-28' }, // before the window
        ],
      }),
    );
    const { attention } = effect;
    expect(attention).toMatchObject({
      from: '2026-10-30',
      to: TODAY,
      totalEvents: 2,
      eventsOutsideCaseload: 1,
    });
    expect(attention.bands.map((b) => [b.band, b.cases, b.attentionEvents])).toEqual([
      ['red', 1, 1],
      ['amber', 1, 1],
      ['green', 1, 0],
    ]);
    expect(attention.bands.find((b) => b.band === 'green')?.casesWithoutAttention).toEqual(['stale']);
  });

  it('forecasts a breach when the capacity is too small, with the default efforts and the assumptions', () => {
    const effect = caseloadEffect(input({ cases, weeklyCapacityHours: 4 }));
    // Red (3 h, done on working day 3 of 5) first, then amber (2 h, due in 2 working days: finished
    // only in week 2), then green (1 h, due today).
    expect(effect.forecast.cases.map((c) => [c.caseId, c.breaches])).toEqual([
      ['fresh', false],
      ['waiting', true],
      ['stale', true],
    ]);
    expect(effect.forecast.summary.effortHours).toBe(6);
    expect(effect.clocks.every((k) => k.effortDefaulted)).toBe(true);
    expect(effect.assumptions.slice(0, FORECAST_ASSUMPTIONS.length)).toEqual(FORECAST_ASSUMPTIONS);
    expect(effect.assumptions).toContain(
      'Cases without an estimated effort are taken to need red 3 hours, amber 2 hours, green 1 hour of work; an estimate on the case replaces this.',
    );
    expect(effect.assumptions.join(' ')).toContain('weekly capacity is 4 hours');
  });
});

describe('what-if', () => {
  it('turns hours a week into a factor, and gives a hypothetical case its first-contact deadline', () => {
    const base = input({ timescales: [setting({ band: 'red', firstContactDays: 2 })] });
    expect(whatIfChangeOf(base, { capacityHours: 15 })).toEqual({ capacityFactor: 0.5 });
    expect(whatIfChangeOf(base, { capacityHours: 30, absentWeeks: [] })).toEqual({});
    expect(whatIfChangeOf(base, { absentWeeks: [2] })).toEqual({ absentWeeks: [2] });
    expect(whatIfChangeOf(base, { addCase: { band: 'red', effortHours: 6 } })).toEqual({
      addCase: { caseId: HYPOTHETICAL_CASE_ID, band: 'red', effortHours: 6, deadlineWorkingDays: 2 },
    });
    expect(
      whatIfChangeOf(base, { addCase: { band: 'amber', effortHours: 1, deadlineWorkingDays: 7 } }).addCase,
    ).toMatchObject({ deadlineWorkingDays: 7 });
    // No setting for amber: the built-in first contact of 3 working days.
    expect(whatIfChangeOf(base, { addCase: { band: 'amber', effortHours: 1 } }).addCase).toMatchObject({
      deadlineWorkingDays: 3,
    });
    expect(() => whatIfChangeOf(input({ weeklyCapacityHours: 0 }), { capacityHours: 10 })).toThrow(
      RangeError,
    );
  });

  it('shows which cases slip when an urgent case arrives', () => {
    const cases = [
      kase('a', { band: 'amber', lastAttentionOn: '2026-11-19', estimatedEffortHours: 4 }), // due in 5
      kase('g', { lastAttentionOn: '2026-11-04', estimatedEffortHours: 2 }), // due in 4
    ];
    const result = caseloadWhatIf(input({ cases, weeklyCapacityHours: 6 }), {
      addCase: { band: 'red', effortHours: 1 },
    });
    expect(result.baseline.summary.breaching).toBe(0);
    // The red case goes first (due tomorrow); the amber case is done a day later, still in time; the
    // green one is pushed into week 2, past its review.
    expect(result.slipping.map((d) => [d.caseId, d.shift])).toEqual([
      ['a', 'later'],
      ['g', 'newly breaching'],
    ]);
    expect(result.addedCase).toMatchObject({ caseId: HYPOTHETICAL_CASE_ID, breaches: false });
  });
});
