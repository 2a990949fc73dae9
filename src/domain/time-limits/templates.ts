/**
 * Time-limit templates: a rule with its source that turns an event date (a decision, a notice,
 * service of a claim) into a key date. A computed date is a prompt, never advice: every result
 * says how it was reached, and the practitioner must confirm it before relying on it.
 *
 * Month convention: "N months from" a date ends on the corresponding date N months later, or the
 * last day of that month when it has no such day (31 Jan + 1 month = 28 Feb, or 29 Feb in a leap
 * year) — the corresponding date rule (Dodds v Walker [1981] 1 WLR 1027). "Less one day" is then
 * one calendar day earlier. Where the month had to be cut short this can be a day earlier than the
 * strictest reading of "beginning with" periods — the cautious side.
 */
import {
  addCalendarDays,
  addCalendarMonths,
  type CalendarDate,
  dateParts,
  daysInMonth,
  formatDate,
  monthName,
} from '../time/calendar.ts';
import { addWorkingDays, isWorkingDay, NATION_NAMES, type UkNation } from '../time/working-days.ts';

export { DEFAULT_TIME_LIMIT_TEMPLATES } from './default-templates.ts';

/** How a key date follows from the event date. */
export type TimeLimitRule =
  | {
      readonly kind: 'calendar-months';
      readonly months: number;
      /** "Three months less one day": the day before the date the months reach. */
      readonly lessOneDay?: boolean;
    }
  | {
      readonly kind: 'calendar-days';
      readonly days: number;
      /**
       * Count the event day as day 1 ("21 days beginning with the day of notification" ends 20 days
       * after it). Without it the event day is not counted ("14 days after service" ends 14 days after).
       */
      readonly includesEventDay?: boolean;
    }
  | { readonly kind: 'working-days'; readonly days: number };

export interface TimeLimitTemplate {
  /** Stable identifier, kebab-case, e.g. 'benefits-mandatory-reconsideration'. */
  readonly key: string;
  readonly name: string;
  /** Citation of the rule, e.g. 'Civil Procedure Rules, r. 15.4'. */
  readonly source: string;
  /** The event the limit runs from, in words that follow "from", e.g. 'the date of the decision'. */
  readonly eventLabel: string;
  readonly rule: TimeLimitRule;
  /** A second rule that applies in a stated case (e.g. 28 days once an acknowledgment is filed). */
  readonly alternative?: { readonly condition: string; readonly rule: TimeLimitRule };
  /** What to check for this limit in particular; it follows 'Check this date yourself: '. */
  readonly caution: string;
}

export interface ComputeKeyDateOptions {
  /** Apply the template's alternative rule (e.g. an acknowledgment of service was filed). */
  readonly useAlternative?: boolean;
  /** For working-day rules and the weekend/bank holiday note; default England and Wales. */
  readonly nation?: UkNation;
}

export interface ComputedKeyDate {
  readonly date: CalendarDate;
  /** How the date was reached, in plain words. */
  readonly explanation: string;
  /** Always true: a computed time limit is never relied on without a person confirming it. */
  readonly confirmRequired: true;
  /** Starts 'Check this date yourself: ' and says that the practitioner must confirm it. */
  readonly warning: string;
  readonly source: string;
}

/**
 * The key date a template gives for an event date, with how it was reached and a warning.
 * @throws RangeError for a malformed event date, an invalid rule (see {@link timeLimitRuleProblems})
 *   or `useAlternative` on a template without an alternative
 * @example
 * const mandatoryReconsideration = DEFAULT_TIME_LIMIT_TEMPLATES[0];
 * computeKeyDate(mandatoryReconsideration, '2027-01-31').explanation
 * // 'One calendar month from the date of the decision 31 Jan 2027: 28 Feb 2027
 * //  (February 2027 has no 31st, so the last day of the month)'
 */
export function computeKeyDate(
  template: TimeLimitTemplate,
  eventDate: CalendarDate,
  options: ComputeKeyDateOptions = {},
): ComputedKeyDate {
  const nation = options.nation ?? 'england-and-wales';
  if (options.useAlternative && !template.alternative) {
    throw new RangeError(`the template ${template.key} has no alternative rule`);
  }
  const alternative = options.useAlternative ? template.alternative : undefined;
  const rule = alternative?.rule ?? template.rule;
  const problems = timeLimitRuleProblems(rule);
  if (problems.length > 0) throw new RangeError(`invalid rule in ${template.key}: ${problems.join('; ')}`);

  const { date, detail } = applyRule(rule, eventDate, nation);
  const from = `${connective(rule)} ${template.eventLabel} ${formatDate(eventDate)}`;
  const condition = alternative ? ` (${alternative.condition})` : '';
  const nonWorking = isWorkingDay(date, nation)
    ? ''
    : ` ${formatDate(date)} is not a working day in ${NATION_NAMES[nation]}: do not assume the limit moves to the next working day unless the rules say so.`;
  return {
    date,
    explanation: `${describeRule(rule)} ${from}${condition}: ${formatDate(date)}${detail}.${nonWorking}`,
    confirmRequired: true,
    warning: `Check this date yourself: ${template.caution} ${MUST_CONFIRM}`,
    source: template.source,
  };
}

/**
 * What is wrong with a rule (e.g. one an organisation edited), as sentences; empty when it is valid.
 * @example timeLimitRuleProblems({ kind: 'calendar-days', days: 0 }) // ['The number of days must be a whole number from 1 to 3650.']
 */
export function timeLimitRuleProblems(rule: TimeLimitRule): string[] {
  return ruleFieldProblems(rule, 'rule').map((p) => p.message);
}

/** A problem with a template, naming the field at fault as the API names it ('rule.months'). */
export interface TemplateProblem {
  readonly field: string;
  readonly message: string;
}

function ruleFieldProblems(rule: TimeLimitRule, at: string): TemplateProblem[] {
  const whole = (n: number, max: number) => Number.isSafeInteger(n) && n >= 1 && n <= max;
  switch (rule.kind) {
    case 'calendar-months':
      return whole(rule.months, 120)
        ? []
        : [{ field: `${at}.months`, message: 'The number of months must be a whole number from 1 to 120.' }];
    case 'calendar-days':
    case 'working-days':
      return whole(rule.days, 3650)
        ? []
        : [{ field: `${at}.days`, message: 'The number of days must be a whole number from 1 to 3650.' }];
    default:
      return [
        {
          field: `${at}.kind`,
          message: 'The rule must count calendar months, calendar days or working days.',
        },
      ];
  }
}

/**
 * What is wrong with a template, as sentences; empty when it is valid.
 * @example timeLimitTemplateProblems({ ...template, source: '' }) // ['Give the source of the time limit …']
 */
export function timeLimitTemplateProblems(template: TimeLimitTemplate): string[] {
  return timeLimitTemplateFieldProblems(template).map((p) =>
    p.field.startsWith('alternative.rule.') ? `Alternative: ${p.message}` : p.message,
  );
}

/**
 * What is wrong with a template, each problem with the field at fault ('name', 'rule.days',
 * 'alternative.condition'…), in the order of {@link timeLimitTemplateProblems}; empty when valid.
 * @example timeLimitTemplateFieldProblems({ ...template, rule: { kind: 'calendar-days', days: 0 } })
 * // [{ field: 'rule.days', message: 'The number of days must be a whole number from 1 to 3650.' }]
 */
export function timeLimitTemplateFieldProblems(template: TimeLimitTemplate): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const need = (field: string, value: string, message: string) => {
    if (value.trim() === '') problems.push({ field, message });
  };
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(template.key)) {
    problems.push({
      field: 'key',
      message: 'The key must be lower-case letters and digits separated by hyphens.',
    });
  }
  need('name', template.name, 'Give the time limit a name.');
  need('source', template.source, 'Give the source of the time limit (the rule or statute).');
  need('eventLabel', template.eventLabel, 'Say which event the time limit runs from.');
  need('caution', template.caution, 'Say what the practitioner should check.');
  problems.push(...ruleFieldProblems(template.rule, 'rule'));
  if (template.alternative) {
    need('alternative.condition', template.alternative.condition, 'Say when the alternative rule applies.');
    problems.push(...ruleFieldProblems(template.alternative.rule, 'alternative.rule'));
  }
  return problems;
}

function applyRule(
  rule: TimeLimitRule,
  eventDate: CalendarDate,
  nation: UkNation,
): { date: CalendarDate; detail: string } {
  switch (rule.kind) {
    case 'calendar-months': {
      const reached = addCalendarMonths(eventDate, rule.months);
      const { day } = dateParts(eventDate);
      const { year, month } = dateParts(reached);
      const cut = day > daysInMonth(year, month);
      const why = cut
        ? `${monthName(month)} ${year} has no ${ordinal(day)}, so the last day of the month`
        : '';
      if (!rule.lessOneDay) return { date: reached, detail: cut ? ` (${why})` : '' };
      const date = addCalendarDays(reached, -1);
      const detail = cut
        ? ` (${why}, ${formatDate(reached)}, less one day)`
        : ` (${formatDate(reached)} less one day)`;
      return { date, detail };
    }
    case 'calendar-days': {
      const date = addCalendarDays(eventDate, rule.includesEventDay ? rule.days - 1 : rule.days);
      return { date, detail: rule.includesEventDay ? ` (${formatDate(eventDate)} is day 1)` : '' };
    }
    case 'working-days':
      return {
        date: addWorkingDays(eventDate, rule.days, nation),
        detail: ` (skipping weekends and bank holidays in ${NATION_NAMES[nation]})`,
      };
  }
}

function describeRule(rule: TimeLimitRule): string {
  switch (rule.kind) {
    case 'calendar-months': {
      const months = `${capitalise(countWord(rule.months))} calendar ${rule.months === 1 ? 'month' : 'months'}`;
      return rule.lessOneDay ? `${months} less one day` : months;
    }
    case 'calendar-days':
      return `${rule.days} ${rule.days === 1 ? 'day' : 'days'}`;
    case 'working-days':
      return `${rule.days} working ${rule.days === 1 ? 'day' : 'days'}`;
  }
}

/** Ends every warning: the sentence that makes a computed date a prompt, not advice. */
export const MUST_CONFIRM =
  'The practitioner must confirm this date from the case documents and the source before relying on it.';

/** "from" a date for months, "after" an event for days, "beginning with" a day that counts. */
function connective(rule: TimeLimitRule): string {
  if (rule.kind === 'calendar-months') return 'from';
  return rule.kind === 'calendar-days' && rule.includesEventDay ? 'beginning with' : 'after';
}

const COUNT_WORDS = [
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
];

function countWord(n: number): string {
  return COUNT_WORDS[n - 1] ?? String(n);
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${suffix}`;
}
