import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addCalendarMonths, dateParts, fromEpochDay, toEpochDay } from '../time/calendar.ts';
import {
  computeKeyDate,
  DEFAULT_TIME_LIMIT_TEMPLATES,
  MUST_CONFIRM,
  type TimeLimitTemplate,
  timeLimitRuleProblems,
  timeLimitTemplateFieldProblems,
  timeLimitTemplateProblems,
} from './templates.ts';

function template(key: string): TimeLimitTemplate {
  const found = DEFAULT_TIME_LIMIT_TEMPLATES.find((t) => t.key === key);
  if (!found) throw new Error(`no template ${key}`);
  return found;
}

const mr = template('benefits-mandatory-reconsideration');
const appeal = template('first-tier-tribunal-social-security-appeal');
const et = template('employment-tribunal-claim');
const defence = template('county-court-defence');
const homeless = template('homelessness-review-request');
const reasons = template('first-tier-tribunal-statement-of-reasons');
const permission = template('upper-tribunal-permission-to-appeal');

const dateOf = (t: TimeLimitTemplate, event: string, options = {}) => computeKeyDate(t, event, options).date;

describe('the default templates', () => {
  it('are valid, with unique keys and a source each', () => {
    expect(DEFAULT_TIME_LIMIT_TEMPLATES.length).toBeGreaterThanOrEqual(4);
    expect(new Set(DEFAULT_TIME_LIMIT_TEMPLATES.map((t) => t.key)).size).toBe(
      DEFAULT_TIME_LIMIT_TEMPLATES.length,
    );
    for (const t of DEFAULT_TIME_LIMIT_TEMPLATES) expect(timeLimitTemplateProblems(t), t.key).toEqual([]);
  });

  it('each require the practitioner to confirm the date', () => {
    for (const t of DEFAULT_TIME_LIMIT_TEMPLATES) {
      const result = computeKeyDate(t, '2027-06-15');
      expect(result.confirmRequired).toBe(true);
      expect(result.warning.startsWith('Check this date yourself: ')).toBe(true);
      expect(result.warning.endsWith(MUST_CONFIRM)).toBe(true);
      expect(result.warning).toContain('must confirm');
      expect(result.source).toBe(t.source);
    }
  });
});

describe('benefits mandatory reconsideration: one month from the decision', () => {
  it('gives the corresponding date a month later', () => {
    expect(computeKeyDate(mr, '2027-03-15')).toMatchObject({
      date: '2027-04-15',
      explanation: 'One calendar month from the date of the decision 15 Mar 2027: 15 Apr 2027.',
    });
  });

  it('gives the last day of a shorter month, and says why', () => {
    const result = computeKeyDate(mr, '2027-01-31');
    expect(result.date).toBe('2027-02-28');
    expect(result.explanation).toBe(
      'One calendar month from the date of the decision 31 Jan 2027: 28 Feb 2027 (February 2027 has no 31st, ' +
        'so the last day of the month). 28 Feb 2027 is not a working day in England and Wales: do not assume ' +
        'the limit moves to the next working day unless the rules say so.',
    );
  });

  it('gives 29 February in a leap year', () => {
    expect(dateOf(mr, '2028-01-31')).toBe('2028-02-29');
    expect(dateOf(mr, '2028-01-29')).toBe('2028-02-29');
    expect(dateOf(mr, '2027-01-29')).toBe('2027-02-28');
    expect(dateOf(mr, '2027-04-30')).toBe('2027-05-30');
    expect(dateOf(mr, '2027-12-31')).toBe('2028-01-31');
  });

  it('says the month runs from notification', () => {
    expect(computeKeyDate(mr, '2027-03-15').warning).toContain('notified');
  });
});

describe('First-tier Tribunal social security appeal: one month from the MR notice', () => {
  it('runs from the date the notice was sent', () => {
    expect(computeKeyDate(appeal, '2027-03-02')).toMatchObject({
      date: '2027-04-02',
      explanation:
        'One calendar month from the date the mandatory reconsideration notice was sent 2 Mar 2027: 2 Apr 2027.',
    });
    expect(dateOf(appeal, '2027-01-30')).toBe('2027-02-28');
    expect(dateOf(appeal, '2028-01-30')).toBe('2028-02-29');
    expect(computeKeyDate(appeal, '2027-03-02').source).toContain('r. 22');
  });
});

describe('Employment Tribunal claim: three months less one day from the act', () => {
  it('is the day before the corresponding date three months later', () => {
    expect(computeKeyDate(et, '2027-03-10')).toMatchObject({
      date: '2027-06-09',
      explanation:
        'Three calendar months less one day from the act complained of 10 Mar 2027: 9 Jun 2027 (10 Jun 2027 less one day).',
    });
  });

  it('counts whole months from the first of a month', () => {
    expect(dateOf(et, '2027-03-01')).toBe('2027-05-31');
    expect(dateOf(et, '2027-12-01')).toBe('2028-02-29');
    expect(dateOf(et, '2026-12-01')).toBe('2027-02-28');
  });

  it('at month ends takes the last day of the shorter month, then one day less (the cautious side)', () => {
    expect(dateOf(et, '2027-05-31')).toBe('2027-08-30');
    expect(dateOf(et, '2027-08-31')).toBe('2027-11-29');
    expect(dateOf(et, '2026-11-30')).toBe('2027-02-27');
    expect(dateOf(et, '2027-11-30')).toBe('2028-02-28'); // leap year: 29 Feb less one day
    expect(computeKeyDate(et, '2027-08-31').explanation).toContain(
      '29 Nov 2027 (November 2027 has no 31st, so the last day of the month, 30 Nov 2027, less one day).',
    );
  });

  it('flags a limit that falls on a bank holiday', () => {
    // 31 May 2027 is the spring bank holiday in England and Wales, not in Scotland.
    expect(computeKeyDate(et, '2027-03-01').explanation).toContain(
      '31 May 2027 is not a working day in England and Wales',
    );
    expect(computeKeyDate(et, '2027-05-31').explanation).toContain('30 Aug 2027 is not a working day');
    expect(computeKeyDate(et, '2027-05-31', { nation: 'scotland' }).explanation).not.toContain(
      'not a working day',
    );
  });

  it('warns that early conciliation is not included', () => {
    expect(computeKeyDate(et, '2027-03-10').warning).toContain('before any early conciliation extension');
    expect(computeKeyDate(et, '2027-03-10').warning).toContain('Acas');
  });
});

describe('County Court defence: 14 days after service, 28 with an acknowledgment', () => {
  it('is 14 days after the date of service', () => {
    expect(computeKeyDate(defence, '2027-03-01')).toMatchObject({
      date: '2027-03-15',
      explanation: '14 days after service of the particulars of claim 1 Mar 2027: 15 Mar 2027.',
    });
    expect(dateOf(defence, '2028-02-20')).toBe('2028-03-05');
    expect(dateOf(defence, '2027-02-20')).toBe('2027-03-06');
  });

  it('is 28 days after service when an acknowledgment of service was filed', () => {
    // 29 Mar 2027 is Easter Monday: the date stands, with a note not to count on the next day.
    expect(computeKeyDate(defence, '2027-03-01', { useAlternative: true })).toMatchObject({
      date: '2027-03-29',
      explanation:
        '28 days after service of the particulars of claim 1 Mar 2027 (an acknowledgment of service was filed): ' +
        '29 Mar 2027. 29 Mar 2027 is not a working day in England and Wales: do not assume the limit moves to ' +
        'the next working day unless the rules say so.',
    });
    expect(dateOf(defence, '2027-12-10', { useAlternative: true })).toBe('2028-01-07');
  });

  it('warns about deemed service and extensions', () => {
    const { warning } = computeKeyDate(defence, '2027-03-01');
    expect(warning).toContain('deemed served');
    expect(warning).toContain('England and Wales only');
  });
});

describe('the other default templates', () => {
  it('homelessness review: 21 days beginning with the day of notification', () => {
    expect(computeKeyDate(homeless, '2027-03-01')).toMatchObject({
      date: '2027-03-21',
      explanation:
        '21 days beginning with the day the applicant was notified of the decision 1 Mar 2027: 21 Mar 2027 ' +
        '(1 Mar 2027 is day 1). 21 Mar 2027 is not a working day in England and Wales: do not assume the ' +
        'limit moves to the next working day unless the rules say so.',
    });
    expect(dateOf(homeless, '2028-02-10')).toBe('2028-03-01');
    expect(dateOf(homeless, '2027-02-10')).toBe('2027-03-02');
  });

  it('statement of reasons and permission to appeal: one month from the date sent', () => {
    expect(dateOf(reasons, '2027-10-31')).toBe('2027-11-30');
    expect(dateOf(permission, '2027-07-05')).toBe('2027-08-05');
    expect(dateOf(permission, '2028-03-31')).toBe('2028-04-30');
  });
});

describe('computeKeyDate with other rules', () => {
  const custom: TimeLimitTemplate = {
    key: 'reply-to-complaint',
    name: 'Reply to a complaint',
    source: 'Our complaints procedure, para. 4',
    eventLabel: 'receipt of the complaint',
    rule: { kind: 'working-days', days: 5 },
    caution: 'count from the day the complaint arrived.',
  };

  it('counts working days in the chosen nation', () => {
    // Fri 24 Dec 2027: 29, 30, 31 Dec, then Mon 3 Jan 2028 is the New Year substitute day.
    expect(computeKeyDate(custom, '2027-12-24')).toMatchObject({
      date: '2028-01-05',
      explanation:
        '5 working days after receipt of the complaint 24 Dec 2027: 5 Jan 2028 (skipping weekends and bank holidays in England and Wales).',
    });
    expect(dateOf(custom, '2027-12-24', { nation: 'scotland' })).toBe('2028-01-06');
  });

  it('says months in words and days in figures', () => {
    const months = (n: number) =>
      computeKeyDate({ ...custom, rule: { kind: 'calendar-months', months: n } }, '2027-01-15').explanation;
    expect(months(6)).toMatch(/^Six calendar months from/);
    expect(months(13)).toMatch(/^13 calendar months from/);
    expect(
      computeKeyDate({ ...custom, rule: { kind: 'calendar-days', days: 1 } }, '2027-01-15').explanation,
    ).toMatch(/^1 day after/);
  });

  it('refuses an alternative the template does not have, an invalid rule or a malformed date', () => {
    expect(() => computeKeyDate(custom, '2027-01-15', { useAlternative: true })).toThrow(RangeError);
    expect(() =>
      computeKeyDate({ ...custom, rule: { kind: 'working-days', days: 0 } }, '2027-01-15'),
    ).toThrow(RangeError);
    expect(() => computeKeyDate(custom, '15/01/2027')).toThrow(RangeError);
  });

  it('month rules never fall outside the target month, and "less one day" is one day earlier', () => {
    const day = fc
      .integer({ min: toEpochDay('2020-01-01'), max: toEpochDay('2040-12-31') })
      .map((e) => fromEpochDay(e));
    fc.assert(
      fc.property(day, fc.integer({ min: 1, max: 24 }), (event, months) => {
        const plain = { ...custom, rule: { kind: 'calendar-months', months } as const };
        const less = { ...custom, rule: { kind: 'calendar-months', months, lessOneDay: true } as const };
        const reached = computeKeyDate(plain, event).date;
        const { month } = dateParts(addCalendarMonths(event, months));
        return (
          dateParts(reached).month === month &&
          toEpochDay(computeKeyDate(less, event).date) === toEpochDay(reached) - 1
        );
      }),
    );
  });
});

describe('template validation', () => {
  it('lists every problem', () => {
    expect(
      timeLimitTemplateProblems({
        key: 'Bad Key',
        name: ' ',
        source: '',
        eventLabel: '',
        caution: '',
        rule: { kind: 'calendar-months', months: 0 },
        alternative: { condition: '', rule: { kind: 'calendar-days', days: 1.5 } },
      }),
    ).toEqual([
      'The key must be lower-case letters and digits separated by hyphens.',
      'Give the time limit a name.',
      'Give the source of the time limit (the rule or statute).',
      'Say which event the time limit runs from.',
      'Say what the practitioner should check.',
      'The number of months must be a whole number from 1 to 120.',
      'Say when the alternative rule applies.',
      'Alternative: The number of days must be a whole number from 1 to 3650.',
    ]);
  });

  it('names the field of every problem, as the API names fields', () => {
    expect(
      timeLimitTemplateFieldProblems({
        key: 'Bad Key',
        name: ' ',
        source: 'CPR r. 15.4',
        eventLabel: '',
        caution: 'Check it.',
        rule: { kind: 'working-days', days: 0 },
        alternative: { condition: ' ', rule: { kind: 'calendar-months', months: 121 } },
      }).map((p) => p.field),
    ).toEqual(['key', 'name', 'eventLabel', 'rule.days', 'alternative.condition', 'alternative.rule.months']);
    expect(timeLimitTemplateFieldProblems({ ...validTemplate(), rule: { kind: 'weeks' } as never })).toEqual([
      { field: 'rule.kind', message: 'The rule must count calendar months, calendar days or working days.' },
    ]);
    for (const t of DEFAULT_TIME_LIMIT_TEMPLATES) expect(timeLimitTemplateFieldProblems(t)).toEqual([]);
  });

  it('refuses unknown rule kinds', () => {
    expect(timeLimitRuleProblems({ kind: 'fortnights' } as never)).toEqual([
      'The rule must count calendar months, calendar days or working days.',
    ]);
  });
});

function validTemplate() {
  const first = DEFAULT_TIME_LIMIT_TEMPLATES[0];
  if (!first) throw new Error('no seed templates');
  return first;
}
