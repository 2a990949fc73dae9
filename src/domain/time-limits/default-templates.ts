/**
 * The time-limit templates every organisation starts with: common UK advice limits whose rule we
 * are sure of. Organisations can edit them and add their own; each computed date must still be
 * confirmed by the practitioner (see `computeKeyDate`).
 */
import type { TimeLimitTemplate } from './templates.ts';

const SEC_RULES = 'Tribunal Procedure (First-tier Tribunal) (Social Entitlement Chamber) Rules 2008';

/** Seed templates, in the order a practitioner is likely to look for them. */
export const DEFAULT_TIME_LIMIT_TEMPLATES: readonly TimeLimitTemplate[] = [
  {
    key: 'benefits-mandatory-reconsideration',
    name: 'Benefits: mandatory reconsideration request',
    source:
      'Universal Credit, Personal Independence Payment, Jobseeker’s Allowance and Employment and Support ' +
      'Allowance (Decisions and Appeals) Regulations 2013, reg. 5; Social Security and Child Support ' +
      '(Decisions and Appeals) Regulations 1999, reg. 3 (other benefits)',
    eventLabel: 'the date of the decision',
    rule: { kind: 'calendar-months', months: 1 },
    caution:
      'the month runs from the date the decision was notified, normally the date on the decision letter ' +
      'or notice. It can be longer if a written statement of reasons ' +
      'was asked for within the month, and a late request may be accepted in limited circumstances ' +
      '(generally within 13 months). Northern Ireland and Scottish devolved benefits have their own rules.',
  },
  {
    key: 'first-tier-tribunal-social-security-appeal',
    name: 'First-tier Tribunal: social security appeal',
    source: `${SEC_RULES}, r. 22(2)(d)(i)`,
    eventLabel: 'the date the mandatory reconsideration notice was sent',
    rule: { kind: 'calendar-months', months: 1 },
    caution:
      'the appeal must reach HM Courts & Tribunals Service within the month, counted from the date on the ' +
      'mandatory reconsideration notice. A late appeal may be admitted in limited circumstances (generally ' +
      'no more than 12 months after this limit). Northern Ireland benefits and Scottish devolved benefits ' +
      '(e.g. Adult Disability Payment) are appealed under different rules.',
  },
  {
    key: 'employment-tribunal-claim',
    name: 'Employment Tribunal: claim (unfair dismissal, discrimination)',
    source:
      'Employment Rights Act 1996, s. 111(2)(a) (unfair dismissal); Equality Act 2010, s. 123(1)(a) ' +
      '(discrimination); early conciliation: Employment Rights Act 1996, s. 207B; Equality Act 2010, s. 140B',
    eventLabel: 'the act complained of',
    rule: { kind: 'calendar-months', months: 3, lessOneDay: true },
    caution:
      'this is the limit before any early conciliation extension. The claimant must contact Acas for early ' +
      'conciliation before this date; the time spent in conciliation then extends it, so recalculate from ' +
      'the dates on the early conciliation certificate. For unfair dismissal the act is the effective date ' +
      'of termination; for conduct over a period, its end. Some claims (e.g. redundancy pay, equal pay) ' +
      'have different limits.',
  },
  {
    key: 'county-court-defence',
    name: 'County Court: defence to a money claim',
    source: 'Civil Procedure Rules, r. 15.4 (England and Wales)',
    eventLabel: 'service of the particulars of claim',
    rule: { kind: 'calendar-days', days: 14 },
    alternative: {
      condition: 'an acknowledgment of service was filed',
      rule: { kind: 'calendar-days', days: 28 },
    },
    caution:
      'the days run from the date the particulars of claim were served or deemed served (by post, normally ' +
      'the second business day after posting), not the date they arrived. The defence is due 14 days after ' +
      'service, or 28 days if an acknowledgment of service is filed within the 14 days; the parties may ' +
      'agree up to 28 days more, which the defendant must tell the court about in writing. England and ' +
      'Wales only.',
  },
  {
    key: 'homelessness-review-request',
    name: 'Homelessness: request for a review of a decision (England)',
    source: 'Housing Act 1996, s. 202(3)',
    eventLabel: 'the day the applicant was notified of the decision',
    rule: { kind: 'calendar-days', days: 21, includesEventDay: true },
    caution:
      'the 21 days begin with the day the applicant was notified of the decision, which counts as day 1; ' +
      'the housing authority may allow longer in writing. Wales and Scotland have their own legislation.',
  },
  {
    key: 'first-tier-tribunal-statement-of-reasons',
    name: 'First-tier Tribunal (social security): request for a written statement of reasons',
    source: `${SEC_RULES}, r. 34`,
    eventLabel: 'the date the tribunal sent the decision notice',
    rule: { kind: 'calendar-months', months: 1 },
    caution:
      'the request must reach the tribunal within the month. A statement of reasons is normally needed ' +
      'before permission to appeal to the Upper Tribunal can be asked for.',
  },
  {
    key: 'upper-tribunal-permission-to-appeal',
    name: 'First-tier Tribunal (social security): application for permission to appeal to the Upper Tribunal',
    source: `${SEC_RULES}, r. 38`,
    eventLabel: 'the date the tribunal sent the written statement of reasons',
    rule: { kind: 'calendar-months', months: 1 },
    caution:
      'the application goes to the First-tier Tribunal, which must receive it within the month. The month ' +
      'runs from the latest of the dates the tribunal sent the written reasons, notice of an amended or ' +
      'corrected decision after a review, or notice that an application to set the decision aside failed.',
  },
];
