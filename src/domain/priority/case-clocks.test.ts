import { describe, expect, it } from 'vitest';
import { assessmentInputsOf, type CaseFacts, caseClocks, workingDaysAway } from './case-clocks.ts';

const CLOCK = { today: '2026-11-26', timeZone: 'Europe/London', nation: 'england-and-wales' } as const;
const TIMESCALE = { firstContactDays: 3, reviewDays: 10, resolutionDays: 60 };
const FACTS: CaseFacts = {
  safeguardingRaisedAt: null,
  vulnerability: 0,
  impact: 'none',
  nearestKeyDate: null,
  openedAt: new Date('2026-11-23T10:00:00Z'), // Monday
  lastAttentionAt: new Date('2026-11-23T10:00:00Z'),
  firstContactAt: null,
};

describe('caseClocks', () => {
  it('runs the first-contact clock from opening until the client is contacted', () => {
    const { attention } = caseClocks(FACTS, TIMESCALE, CLOCK);
    // Mon 23 → Thu 26 is 3 working days of 3: due today, fully elapsed, not yet breached.
    expect(attention).toMatchObject({ kind: 'first-contact', workingDays: 3, dueDate: '2026-11-26' });
    expect(attention.elapsedShare).toBe(1);
    expect(attention.status).toBe('near');
    expect(caseClocks(FACTS, TIMESCALE, { ...CLOCK, today: '2026-11-27' }).attention.status).toBe('breached');
  });

  it('runs the review clock from the last attention once the client has been contacted', () => {
    const facts = {
      ...FACTS,
      firstContactAt: new Date('2026-11-24T10:00:00Z'),
      lastAttentionAt: new Date('2026-11-25T10:00:00Z'),
    };
    const { attention } = caseClocks(facts, TIMESCALE, CLOCK);
    expect(attention).toMatchObject({
      kind: 'review',
      workingDays: 10,
      dueDate: '2026-12-09',
      workingDaysLeft: 9,
    });
    expect(attention.status).toBe('within');
  });

  it('counts the last attention on the organisation’s calendar day (late evening in summer time)', () => {
    const facts = {
      ...FACTS,
      firstContactAt: new Date('2026-07-01T09:00:00Z'),
      // 23:30 UTC on 30 June is 00:30 on 1 July in London.
      lastAttentionAt: new Date('2026-06-30T23:30:00Z'),
    };
    const { attention } = caseClocks(facts, TIMESCALE, { ...CLOCK, today: '2026-07-02' });
    expect(attention.elapsedShare).toBeCloseTo(0.1);
  });

  it('runs the resolution clock from opening, skipping bank holidays of the nation', () => {
    const facts = { ...FACTS, openedAt: new Date('2026-12-21T10:00:00Z') };
    const short = { ...TIMESCALE, resolutionDays: 5 };
    // Christmas Day, Boxing Day (Saturday → substitute Monday 28 Dec) are not working days.
    expect(caseClocks(facts, short, { ...CLOCK, today: '2026-12-21' }).resolution.dueDate).toBe('2026-12-30');
    // Scotland also keeps 1 and 2 January, which do not fall in this span.
    expect(
      caseClocks(facts, short, { ...CLOCK, today: '2026-12-21', nation: 'scotland' }).resolution.dueDate,
    ).toBe('2026-12-30');
  });
});

describe('workingDaysAway', () => {
  it('is 0 only on the day itself', () => {
    expect(workingDaysAway('2026-11-26', '2026-11-26', 'england-and-wales')).toBe(0);
  });
  it('counts working days ahead, at least 1 for a weekend date', () => {
    expect(workingDaysAway('2026-11-26', '2026-12-01', 'england-and-wales')).toBe(3);
    expect(workingDaysAway('2026-11-27', '2026-11-29', 'england-and-wales')).toBe(1);
  });
  it('is negative once the date has passed, at least 1 behind after a weekend', () => {
    expect(workingDaysAway('2026-11-28', '2026-11-27', 'england-and-wales')).toBe(-1);
    expect(workingDaysAway('2026-12-01', '2026-11-26', 'england-and-wales')).toBe(-3);
  });
});

describe('assessmentInputsOf', () => {
  it('turns stored facts into the inputs of an assessment for today', () => {
    const inputs = assessmentInputsOf(
      {
        ...FACTS,
        safeguardingRaisedAt: new Date('2026-11-20T10:00:00Z'),
        vulnerability: 2,
        impact: 'loss-of-home',
        nearestKeyDate: { date: '2026-12-01', label: 'tribunal appeal deadline' },
      },
      TIMESCALE,
      CLOCK,
    );
    expect(inputs).toEqual({
      safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') },
      vulnerability: 2,
      impact: 'loss-of-home',
      nearestKeyDate: { date: '2026-12-01', label: 'tribunal appeal deadline', workingDaysAway: 3 },
      timescaleElapsedShare: 1,
      lastAttentionDaysAgo: 3,
    });
  });

  it('has no waiting share without a timescale', () => {
    expect(assessmentInputsOf(FACTS, null, CLOCK).timescaleElapsedShare).toBeNull();
  });
});

describe('assessmentInputsOf and weekends', () => {
  it('counts a Friday key date seen on Saturday as missed, not today', () => {
    const inputs = assessmentInputsOf(
      { ...FACTS, nearestKeyDate: { date: '2026-11-27', label: 'appeal deadline' } },
      TIMESCALE,
      { ...CLOCK, today: '2026-11-28' },
    );
    expect(inputs.nearestKeyDate?.workingDaysAway).toBe(-1);
  });
});
