/**
 * The fields of a time-limit template (name, source, event, rule, optional alternative, caution),
 * for adding one and for editing each, and the request body they make.
 */
import { NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import type { TimeLimitRuleBody, TimeLimitTemplateResponse } from '../../contract/time-limit-templates.ts';
import { textOf } from '../case/inline-form.tsx';
import type { FormProblem } from '../form-problem.tsx';

type RuleKind = TimeLimitRuleBody['kind'];

const KIND_OPTIONS: { value: RuleKind; label: string }[] = [
  { value: 'calendar-months', label: 'Calendar months' },
  { value: 'calendar-days', label: 'Calendar days' },
  { value: 'working-days', label: 'Working days' },
];

/** The rule in words, e.g. "3 calendar months less one day" or "21 calendar days, the event day counted as day 1". */
export function ruleWords(rule: TimeLimitRuleBody): string {
  switch (rule.kind) {
    case 'calendar-months':
      return `${rule.months} calendar ${rule.months === 1 ? 'month' : 'months'}${rule.lessOneDay ? ' less one day' : ''}`;
    case 'calendar-days':
      return `${rule.days} calendar ${rule.days === 1 ? 'day' : 'days'}${rule.includesEventDay ? ', the event day counted as day 1' : ''}`;
    case 'working-days':
      return `${rule.days} working ${rule.days === 1 ? 'day' : 'days'}`;
  }
}

/** Input ids of a form's fields, by the field names the API uses for problems. */
export function templateFieldIds(prefix: string): Record<string, string> {
  return {
    key: `${prefix}-key`,
    name: `${prefix}-name`,
    source: `${prefix}-source`,
    eventLabel: `${prefix}-event`,
    caution: `${prefix}-caution`,
    rule: `${prefix}-rule-kind`,
    'rule.kind': `${prefix}-rule-kind`,
    'rule.months': `${prefix}-rule-count`,
    'rule.days': `${prefix}-rule-count`,
    alternative: `${prefix}-has-alt`,
    'alternative.condition': `${prefix}-alt-condition`,
    'alternative.rule.kind': `${prefix}-alt-kind`,
    'alternative.rule.months': `${prefix}-alt-count`,
    'alternative.rule.days': `${prefix}-alt-count`,
  };
}

function ruleOf(data: FormData, at: 'rule' | 'alt'): TimeLimitRuleBody {
  const kind = textOf(data, `${at}Kind`) as RuleKind;
  const raw = textOf(data, `${at}Count`);
  // An empty box is sent as NaN, which the schema refuses with its own words.
  const count = raw === '' ? Number.NaN : Number(raw);
  const flag = data.get(`${at}Flag`) === 'on';
  if (kind === 'calendar-months') return { kind, months: count, ...(flag ? { lessOneDay: true } : {}) };
  if (kind === 'calendar-days') return { kind, days: count, ...(flag ? { includesEventDay: true } : {}) };
  return { kind: 'working-days', days: count };
}

/** The template's content from the form (everything but its key and position). */
export function templateBodyOf(data: FormData) {
  return {
    name: textOf(data, 'name'),
    source: textOf(data, 'source'),
    eventLabel: textOf(data, 'eventLabel'),
    rule: ruleOf(data, 'rule'),
    alternative:
      data.get('hasAlternative') === 'on'
        ? { condition: textOf(data, 'altCondition'), rule: ruleOf(data, 'alt') }
        : null,
    caution: textOf(data, 'caution'),
  };
}

const countOf = (rule: TimeLimitRuleBody | undefined) =>
  rule === undefined ? '' : String(rule.kind === 'calendar-months' ? rule.months : rule.days);

const flagOf = (rule: TimeLimitRuleBody | undefined) =>
  rule?.kind === 'calendar-months'
    ? Boolean(rule.lessOneDay)
    : rule?.kind === 'calendar-days' && Boolean(rule.includesEventDay);

function RuleFields(props: {
  at: 'rule' | 'alt';
  ids: { kind: string; count: string; flag: string };
  rule: TimeLimitRuleBody | undefined;
  problem: FormProblem | null;
  errorAt: string;
  legend: string;
}) {
  const { at, ids, rule, problem, errorAt, legend } = props;
  const [kind, setKind] = useState<RuleKind>(rule?.kind ?? 'calendar-days');
  const f = problem?.fields ?? {};
  return (
    <fieldset className="form-section compact span-2">
      <legend>{legend}</legend>
      <div className="form-grid">
        <NativeSelect
          id={ids.kind}
          name={`${at}Kind`}
          label="Counts"
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value as RuleKind)}
          data={KIND_OPTIONS}
          error={f[`${errorAt}.kind`]}
        />
        <TextInput
          id={ids.count}
          name={`${at}Count`}
          type="number"
          min={1}
          label={kind === 'calendar-months' ? 'Number of months' : 'Number of days'}
          defaultValue={countOf(rule)}
          required
          error={f[`${errorAt}.months`] ?? f[`${errorAt}.days`]}
        />
        {kind !== 'working-days' && (
          <label className="check-row span-2" htmlFor={ids.flag}>
            <input type="checkbox" id={ids.flag} name={`${at}Flag`} defaultChecked={flagOf(rule)} />
            {kind === 'calendar-months'
              ? 'Less one day (e.g. “three months less one day”)'
              : 'The event day counts as day 1 (“beginning with” the event)'}
          </label>
        )}
      </div>
    </fieldset>
  );
}

export interface TemplateFieldsProps {
  /** Prefix of the input ids (unique on the page). */
  prefix: string;
  template?: TimeLimitTemplateResponse;
  problem: FormProblem | null;
  /** Ask for the key (adding a template). */
  withKey?: boolean;
}

export function TemplateFields({ prefix, template, problem, withKey }: TemplateFieldsProps) {
  const ids = templateFieldIds(prefix);
  const f = problem?.fields ?? {};
  const [hasAlternative, setHasAlternative] = useState(Boolean(template?.alternative));
  return (
    <div className="form-grid">
      {withKey && (
        <TextInput
          id={ids.key}
          name="key"
          label="Key"
          description="Lower-case letters and digits with hyphens, e.g. possession-claim-defence; fixed once added"
          required
          error={f.key}
        />
      )}
      <TextInput
        id={ids.name}
        name="name"
        label="Name"
        defaultValue={template?.name}
        required
        className={withKey ? undefined : 'span-2'}
        error={f.name}
      />
      <Textarea
        id={ids.source}
        name="source"
        label="Source"
        description="The rule or statute, e.g. Civil Procedure Rules, r. 15.4"
        defaultValue={template?.source}
        autosize
        minRows={1}
        required
        className="span-2"
        error={f.source}
      />
      <TextInput
        id={ids.eventLabel}
        name="eventLabel"
        label="Runs from"
        description="The event, in words that follow “from”, e.g. the date of the decision"
        defaultValue={template?.eventLabel}
        required
        className="span-2"
        error={f.eventLabel}
      />
      <RuleFields
        at="rule"
        ids={{ kind: ids['rule.kind'] ?? '', count: ids['rule.days'] ?? '', flag: `${prefix}-rule-flag` }}
        rule={template?.rule}
        problem={problem}
        errorAt="rule"
        legend="Rule"
      />
      <label className="check-row span-2" htmlFor={ids.alternative}>
        <input
          type="checkbox"
          id={ids.alternative}
          name="hasAlternative"
          checked={hasAlternative}
          onChange={(e) => setHasAlternative(e.currentTarget.checked)}
        />
        It has an alternative rule for a stated case (e.g. 28 days once an acknowledgment is filed)
      </label>
      {hasAlternative && (
        <>
          <TextInput
            id={ids['alternative.condition']}
            name="altCondition"
            label="The alternative applies when"
            description="e.g. an acknowledgment of service was filed"
            defaultValue={template?.alternative?.condition}
            required
            className="span-2"
            error={f['alternative.condition']}
          />
          <RuleFields
            at="alt"
            ids={{
              kind: ids['alternative.rule.kind'] ?? '',
              count: ids['alternative.rule.days'] ?? '',
              flag: `${prefix}-alt-flag`,
            }}
            rule={template?.alternative?.rule}
            problem={problem}
            errorAt="alternative.rule"
            legend="Alternative rule"
          />
        </>
      )}
      <Textarea
        id={ids.caution}
        name="caution"
        label="What to check"
        description="Shown after “Check this date yourself:”"
        defaultValue={template?.caution}
        autosize
        minRows={2}
        required
        className="span-2"
        error={f.caution}
      />
    </div>
  );
}
