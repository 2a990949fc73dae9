import { describe, expect, it } from 'vitest';
import { type Assessment, type AssessmentInputs, assess, overrideAssessment, quadrantOf } from './assess.ts';
import { IMPACT_LEVELS } from './levels.ts';
import { DEFAULT_PRIORITY_POLICY, type PriorityPolicy } from './policy.ts';

const NOW = new Date('2026-11-26T09:00:00Z'); // Thursday 26 November 2026
const CALM: AssessmentInputs = {
  safeguarding: null,
  vulnerability: 0,
  impact: 'none',
  nearestKeyDate: null,
  timescaleElapsedShare: null,
  lastAttentionDaysAgo: null,
};
const run = (facts: Partial<AssessmentInputs>, policy: PriorityPolicy = DEFAULT_PRIORITY_POLICY) =>
  assess({ ...CALM, ...facts }, policy, NOW);
const pointsOf = (result: Assessment, criterion: string) =>
  result.contributions.find((c) => c.criterion === criterion)?.points;
const keyDate = (workingDaysAway: number, date = '2026-12-01', label = 'tribunal appeal deadline') => ({
  date,
  label,
  workingDaysAway,
});

describe('assess: criteria of the default policy', () => {
  it('scores an open safeguarding concern', () => {
    expect(
      pointsOf(run({ safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') } }), 'safeguarding'),
    ).toBe(50);
    expect(pointsOf(run({}), 'safeguarding')).toBe(0);
  });

  it('scores each level of client vulnerability', () => {
    expect(([0, 1, 2, 3] as const).map((v) => pointsOf(run({ vulnerability: v }), 'vulnerability'))).toEqual([
      0, 10, 20, 30,
    ]);
  });

  it('scores each level of impact', () => {
    expect(IMPACT_LEVELS.map((impact) => pointsOf(run({ impact }), 'impact'))).toEqual([
      0, 5, 15, 25, 35, 45,
    ]);
  });

  it('scores working days to the key date by bands, a missed date in the nearest band', () => {
    const byDays = [-3, 0, 2, 3, 5, 6, 10, 11, 40].map((d) =>
      pointsOf(run({ nearestKeyDate: keyDate(d) }), 'key-date'),
    );
    expect(byDays).toEqual([40, 40, 40, 25, 25, 10, 10, 0, 0]);
    expect(pointsOf(run({ nearestKeyDate: null }), 'key-date')).toBe(0);
  });

  it('scores the share of the service timescale elapsed by bands', () => {
    const byShare = [0, 0.74, 0.75, 0.99, 1, 2.5].map((s) =>
      pointsOf(run({ timescaleElapsedShare: s }), 'waiting'),
    );
    expect(byShare).toEqual([0, 0, 10, 10, 20, 20]);
    expect(pointsOf(run({ timescaleElapsedShare: null }), 'waiting')).toBe(0);
  });

  it('adds the points up and bands the score by the thresholds', () => {
    const amber = run({ impact: 'loss-of-home' }); // 35
    expect([amber.score, amber.band, amber.scoreBand, amber.forcedBy]).toEqual([
      35,
      'amber',
      'amber',
      undefined,
    ]);
    const green = run({ impact: 'loss-of-income', vulnerability: 0, nearestKeyDate: keyDate(11) }); // 25
    expect([green.score, green.band]).toEqual([25, 'green']);
    const red = run({ impact: 'loss-of-home', vulnerability: 2, nearestKeyDate: keyDate(6) }); // 35 + 20 + 10
    expect([red.score, red.band, red.forcedBy]).toEqual([65, 'amber', undefined]);
    const redByScore = run({ impact: 'loss-of-home', vulnerability: 2, nearestKeyDate: keyDate(5) }); // 35 + 20 + 25
    expect([redByScore.score, redByScore.band, redByScore.forcedBy]).toEqual([80, 'red', undefined]);
  });
});

describe('assess: hard rules', () => {
  it('makes an open safeguarding concern red whatever the score', () => {
    const result = run({ safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') } });
    expect([result.score, result.scoreBand, result.band, result.forcedBy]).toEqual([
      50,
      'amber',
      'red',
      'safeguarding-is-red',
    ]);
    expect(result.rulesFired).toEqual([
      {
        rule: 'safeguarding-is-red',
        band: 'red',
        reason: 'An open safeguarding concern makes a case red: safeguarding concern raised 20 Nov',
      },
    ]);
  });

  it('makes a key date missed or within 2 working days red', () => {
    expect(run({ nearestKeyDate: keyDate(2) }).band).toBe('red');
    expect(run({ nearestKeyDate: keyDate(-4) }).forcedBy).toBe('key-date-near-is-red');
    const three = run({ nearestKeyDate: keyDate(3) });
    expect([three.band, three.rulesFired]).toEqual(['green', []]);
  });

  it('makes a case past its service timescale at least amber, without lowering a red score', () => {
    const late = run({ timescaleElapsedShare: 1, lastAttentionDaysAgo: 30 });
    expect([late.score, late.scoreBand, late.band, late.forcedBy]).toEqual([
      20,
      'green',
      'amber',
      'timescale-passed-is-amber',
    ]);
    const lateAndRed = run({ timescaleElapsedShare: 1.2, impact: 'loss-of-home', vulnerability: 2 });
    expect([lateAndRed.band, lateAndRed.forcedBy, lateAndRed.rulesFired.map((r) => r.rule)]).toEqual([
      'red',
      undefined,
      ['timescale-passed-is-amber'],
    ]);
  });

  it('names the first rule at the final band when several fire', () => {
    const result = run({
      safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') },
      nearestKeyDate: keyDate(1),
    });
    expect(result.forcedBy).toBe('safeguarding-is-red');
    expect(result.reasons[1]).toBe(
      'Hard rules: an open safeguarding concern makes a case red; a pending key date missed or within 2 working days makes a case red.',
    );
  });

  it('applies scale rules of a custom policy', () => {
    const policy: PriorityPolicy = {
      ...DEFAULT_PRIORITY_POLICY,
      rules: [
        { key: 'very-vulnerable', kind: 'scale', scale: 'vulnerability', atLeast: 3, band: 'amber' },
        { key: 'liberty', kind: 'scale', scale: 'impact', atLeast: 'risk-to-liberty-or-safety', band: 'red' },
      ],
    };
    expect(run({ vulnerability: 3 }, policy).forcedBy).toBe('very-vulnerable');
    expect(run({ vulnerability: 2 }, policy).band).toBe('green');
    expect(run({ impact: 'risk-to-liberty-or-safety' }, policy).band).toBe('red');
    expect(run({ impact: 'loss-of-home' }, policy).rulesFired).toEqual([]);
  });
});

describe('assess: quadrant', () => {
  const settings = DEFAULT_PRIORITY_POLICY.quadrant;
  it('is urgent when the key date is missed or within 5 working days, important from financial loss', () => {
    const q = (workingDaysAway: number | null, impact: AssessmentInputs['impact']) =>
      quadrantOf(
        { ...CALM, impact, nearestKeyDate: workingDaysAway === null ? null : keyDate(workingDaysAway) },
        settings,
      );
    expect(q(5, 'financial-loss')).toBe('urgent-and-important');
    expect(q(-1, 'inconvenience')).toBe('urgent-not-important');
    expect(q(6, 'risk-to-liberty-or-safety')).toBe('important-not-urgent');
    expect(q(null, 'loss-of-income')).toBe('important-not-urgent');
    expect(q(null, 'none')).toBe('neither-urgent-nor-important');
  });

  it('explains the quadrant in the reasons', () => {
    expect(run({ nearestKeyDate: keyDate(3), impact: 'loss-of-home' }).reasons.at(-1)).toBe(
      'Urgent and important: a key date missed or within 5 working days, and an impact of financial loss or worse if not actioned.',
    );
    expect(run({}).reasons.at(-1)).toBe(
      'Neither urgent nor important: no key date missed or within 5 working days, and an impact below financial loss.',
    );
    expect(run({ impact: 'loss-of-home' }).reasons.at(-1)).toBe(
      'Important, not urgent: an impact of financial loss or worse if not actioned, but no key date missed or within 5 working days.',
    );
    expect(run({ nearestKeyDate: keyDate(0) }).reasons.at(-1)).toBe(
      'Urgent, not important: a key date missed or within 5 working days, but an impact below financial loss.',
    );
  });
});

describe('assess: reasons in plain words', () => {
  it('leads with the band and the facts that decided it', () => {
    const result = run({
      safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') },
      nearestKeyDate: keyDate(3),
    });
    expect(result.reasons).toEqual([
      'Red: safeguarding concern raised 20 Nov; tribunal appeal deadline in 3 working days (Tue 1 Dec)',
      'Hard rule: an open safeguarding concern makes a case red.',
      'Score 75: red from 70, amber from 35.',
      'Safeguarding concern raised 20 Nov: 50 points.',
      'Tribunal appeal deadline in 3 working days (Tue 1 Dec): 25 points.',
      'Urgent, not important: a key date missed or within 5 working days, but an impact below financial loss.',
    ]);
  });

  it('says when the score alone would give a lower band', () => {
    expect(
      run({ nearestKeyDate: keyDate(-2, '2026-11-24', 'mandatory reconsideration deadline') }).reasons.slice(
        0,
        3,
      ),
    ).toEqual([
      'Red: mandatory reconsideration deadline missed 2 working days ago (Tue 24 Nov)',
      'Hard rule: a pending key date missed or within 2 working days makes a case red (the score alone, 40, would make it amber).',
      'Score 40: red from 70, amber from 35.',
    ]);
  });

  it('lists the scoring facts most points first', () => {
    const result = run({
      vulnerability: 2,
      impact: 'loss-of-home',
      nearestKeyDate: keyDate(1, '2026-11-27', 'possession hearing'),
      timescaleElapsedShare: 1.2,
      lastAttentionDaysAgo: 15,
    });
    expect(result.reasons[0]).toBe(
      'Red: possession hearing in 1 working day (Fri 27 Nov); loss of home if not actioned; client vulnerability 2 of 3; 120% of the service timescale elapsed since last attention (15 days ago)',
    );
    expect(result.reasons.slice(3, 7)).toEqual([
      'Possession hearing in 1 working day (Fri 27 Nov): 40 points.',
      'Loss of home if not actioned: 35 points.',
      'Client vulnerability 2 of 3: 20 points.',
      '120% of the service timescale elapsed since last attention (15 days ago): 20 points.',
    ]);
  });

  it('says "point" for a single point', () => {
    const policy: PriorityPolicy = {
      ...DEFAULT_PRIORITY_POLICY,
      criteria: [{ key: 'safeguarding', kind: 'flag', flag: 'safeguarding', points: 1 }],
    };
    expect(run({ safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') } }, policy).reasons).toContain(
      'Safeguarding concern raised 20 Nov: 1 point.',
    );
  });

  it('says so when nothing raises the priority', () => {
    const result = run({});
    expect(result.reasons.slice(0, 2)).toEqual([
      'Green: nothing raises its priority',
      'Score 0: red from 70, amber from 35.',
    ]);
    expect(result.contributions).toEqual([
      { criterion: 'safeguarding', points: 0, reason: 'no open safeguarding concern' },
      { criterion: 'vulnerability', points: 0, reason: 'client vulnerability 0 of 3' },
      { criterion: 'impact', points: 0, reason: 'no impact if not actioned' },
      { criterion: 'key-date', points: 0, reason: 'no pending key date' },
      { criterion: 'waiting', points: 0, reason: 'no service timescale applies' },
    ]);
  });

  it('words key dates today, tomorrow, missed, unlabelled and in another year', () => {
    const reasonOf = (facts: Partial<AssessmentInputs>) => run(facts).contributions[3]?.reason;
    expect(reasonOf({ nearestKeyDate: keyDate(0, '2026-11-26', 'hearing') })).toBe(
      'hearing today (Thu 26 Nov)',
    );
    expect(reasonOf({ nearestKeyDate: keyDate(1, '2026-11-27', 'hearing') })).toBe(
      'hearing in 1 working day (Fri 27 Nov)',
    );
    expect(reasonOf({ nearestKeyDate: keyDate(-1, '2026-11-25', 'hearing') })).toBe(
      'hearing missed 1 working day ago (Wed 25 Nov)',
    );
    expect(reasonOf({ nearestKeyDate: keyDate(25, '2027-01-04', '  ') })).toBe(
      'key date in 25 working days (Mon 4 Jan 2027)',
    );
  });

  it('words waiting with and without a record of attention', () => {
    const reasonOf = (facts: Partial<AssessmentInputs>) => run(facts).contributions[4]?.reason;
    expect(reasonOf({ timescaleElapsedShare: 0.8, lastAttentionDaysAgo: 0 })).toBe(
      '80% of the service timescale elapsed since last attention (today)',
    );
    expect(reasonOf({ timescaleElapsedShare: 0.29, lastAttentionDaysAgo: 1 })).toBe(
      '29% of the service timescale elapsed since last attention (1 day ago)',
    );
    // Rounded down: never "100%" while still below a 100% band.
    expect(reasonOf({ timescaleElapsedShare: 0.99996, lastAttentionDaysAgo: null })).toBe(
      '99.9% of the service timescale elapsed with no attention recorded',
    );
  });

  it('shows the year of a date outside the current one, and the day in the organisation’s time zone', () => {
    const lastYear = run({ safeguarding: { raisedAt: new Date('2025-11-20T10:00:00Z') } });
    expect(lastYear.reasons[0]).toBe('Red: safeguarding concern raised 20 Nov 2025');
    const lateEvening = { safeguarding: { raisedAt: new Date('2026-06-20T23:30:00Z') } };
    expect(assess({ ...CALM, ...lateEvening }, DEFAULT_PRIORITY_POLICY, NOW).reasons[0]).toBe(
      'Red: safeguarding concern raised 21 Jun',
    );
    expect(
      assess({ ...CALM, ...lateEvening }, DEFAULT_PRIORITY_POLICY, NOW, { timeZone: 'UTC' }).reasons[0],
    ).toBe('Red: safeguarding concern raised 20 Jun');
  });

  it('refuses a key date that is not a calendar date', () => {
    expect(() => run({ nearestKeyDate: keyDate(3, '01/12/2026') })).toThrow(RangeError);
  });
});

describe('overrideAssessment', () => {
  const red = run({ safeguarding: { raisedAt: new Date('2026-11-20T10:00:00Z') } });

  it('records the practitioner’s band beside the computed one, override first in the reasons', () => {
    const outcome = overrideAssessment(red, {
      band: 'amber',
      rationale: '  Client is now safe at a refuge; police involved. ',
    });
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const { assessment } = outcome;
    expect([assessment.band, assessment.computedBand, assessment.scoreBand, assessment.score]).toEqual([
      'amber',
      'red',
      'amber',
      50,
    ]);
    expect(assessment.override).toEqual({
      band: 'amber',
      rationale: 'Client is now safe at a refuge; police involved.',
    });
    expect(assessment.reasons).toEqual([
      'Amber, overridden from red: Client is now safe at a refuge; police involved.',
      ...red.reasons,
    ]);
  });

  it('replaces an earlier override rather than stacking them', () => {
    const first = overrideAssessment(red, { band: 'amber', rationale: 'first' });
    if (!first.ok) throw new Error('expected an override');
    const second = overrideAssessment(first.assessment, { band: 'green', rationale: 'second' });
    if (!second.ok) throw new Error('expected an override');
    expect(second.assessment.reasons).toEqual(['Green, overridden from red: second', ...red.reasons]);
    expect(second.assessment.override).toEqual({ band: 'green', rationale: 'second' });
  });

  it('refuses a blank rationale or the computed band, naming each problem', () => {
    expect(overrideAssessment(red, { band: 'amber', rationale: '   ' })).toEqual({
      ok: false,
      problems: [
        { path: 'rationale', message: 'Say why you are overriding the band: a rationale is required.' },
      ],
    });
    expect(overrideAssessment(red, { band: 'red', rationale: '' })).toEqual({
      ok: false,
      problems: [
        {
          path: 'band',
          message: 'The policy already makes this case red; an override must choose another band.',
        },
        { path: 'rationale', message: 'Say why you are overriding the band: a rationale is required.' },
      ],
    });
    const bad = { band: 'purple', rationale: 'because' } as unknown as Parameters<
      typeof overrideAssessment
    >[1];
    expect(overrideAssessment(red, bad)).toEqual({
      ok: false,
      problems: [{ path: 'band', message: 'Choose the band: red, amber or green.' }],
    });
  });

  it('leaves the computed assessment untouched', () => {
    const copy = structuredClone(red);
    overrideAssessment(red, { band: 'green', rationale: 'x' });
    expect(red).toEqual(copy);
  });
});
