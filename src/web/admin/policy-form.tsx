/**
 * The editing form of the priority policy: every criterion's points, the bands of the key-date and
 * waiting criteria (add and remove), the hard rules (add and remove), the thresholds and the
 * quadrant. Each input has a label and shows its own problem; each fieldset shows the problems of
 * its group at the top.
 */
import { Button, NativeSelect, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { IMPACT_LABELS, IMPACT_LEVELS, type ImpactLevel } from '../../domain/priority/levels.ts';
import {
  type CriterionDraft,
  fieldId,
  freshRuleKey,
  newRule,
  type PolicyDraft,
  RULE_KINDS,
  type RuleDraft,
  type RuleKind,
  rowId,
  VULNERABILITY_KEYS,
} from './policy-draft.ts';

export interface PolicyFormProps {
  readonly draft: PolicyDraft;
  readonly onChange: (draft: PolicyDraft) => void;
  /** Problems by field id (see placeProblems). */
  readonly errors: Readonly<Record<string, string>>;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const VULNERABILITY_WORDS: Record<(typeof VULNERABILITY_KEYS)[number], string> = {
  0: 'Level 0 (none known)',
  1: 'Level 1',
  2: 'Level 2',
  3: 'Level 3 (highest)',
};

const RULE_KIND_WORDS: Record<RuleKind, string> = {
  flag: 'An open safeguarding concern',
  deadline: 'A pending key date missed or within some working days',
  vulnerability: 'Client vulnerability at or above a level',
  impact: 'Impact if not actioned at or above a level',
  waiting: 'Time since attention reaches a share of the service timescale',
};

const ADD_RULE_ID = 'pp-rules-add';
const addBandId = (criterion: number) => `pp-criteria-${criterion}-add-band`;

/** After a removal the button that was pressed is gone: keyboard focus moves to the list's add button. */
const focusSoon = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

/** The problem of a group, shown at the top of its fieldset; the error summary links to it. */
function GroupProblem({ id, errors }: { id: string; errors: Readonly<Record<string, string>> }) {
  const message = errors[id];
  if (!message) return null;
  return (
    <p id={id} tabIndex={-1} className="field-error">
      {message}
    </p>
  );
}

function NumberField(props: {
  path: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  errors: Readonly<Record<string, string>>;
  description?: string;
  /** For a long label: a wider input, so the label does not wrap. */
  wide?: boolean;
}) {
  const id = fieldId(props.path);
  return (
    <TextInput
      id={id}
      label={props.label}
      description={props.description}
      value={props.value}
      onChange={(event) => props.onChange(event.currentTarget.value)}
      error={props.errors[id]}
      type="number"
      inputMode="decimal"
      className={props.wide ? 'policy-number wide' : 'policy-number'}
    />
  );
}

export function PolicyForm({ draft, onChange, errors }: PolicyFormProps) {
  const setCriterion = (i: number, next: CriterionDraft) =>
    onChange({ ...draft, criteria: draft.criteria.map((c, j) => (j === i ? next : c)) });
  const setRule = (i: number, next: RuleDraft) =>
    onChange({ ...draft, rules: draft.rules.map((r, j) => (j === i ? next : r)) });

  return (
    <>
      <fieldset className="form-section">
        <legend>Criteria: the points each fact adds to the score</legend>
        <GroupProblem id={fieldId('criteria')} errors={errors} />
        {draft.criteria.map((c, i) => (
          <CriterionFields
            key={`${c.kind}-${c.key}`}
            criterion={c}
            index={i}
            errors={errors}
            onChange={(next) => setCriterion(i, next)}
          />
        ))}
      </fieldset>

      <fieldset className="form-section">
        <legend>Hard rules: raise the band whatever the score</legend>
        <p className="section-hint">A rule only ever raises a case: to red, or to at least amber.</p>
        <GroupProblem id={fieldId('rules')} errors={errors} />
        {draft.rules.length === 0 && <p className="empty-text">No hard rules.</p>}
        {draft.rules.map((r, i) => (
          <RuleFields
            key={r.id}
            rule={r}
            index={i}
            errors={errors}
            onChange={(next) => setRule(i, next)}
            onRemove={() => {
              onChange({ ...draft, rules: draft.rules.filter((_, j) => j !== i) });
              focusSoon(ADD_RULE_ID);
            }}
          />
        ))}
        <Button
          id={ADD_RULE_ID}
          variant="default"
          size="compact-sm"
          onClick={() => onChange({ ...draft, rules: [...draft.rules, newRule(freshRuleKey(draft))] })}
        >
          Add a rule
        </Button>
      </fieldset>

      <fieldset className="form-section">
        <legend>Thresholds: from score to band</legend>
        <GroupProblem id={fieldId('thresholds')} errors={errors} />
        <div className="policy-row">
          <NumberField
            path="thresholds.red"
            label="Red from a score of"
            value={draft.thresholds.red}
            errors={errors}
            onChange={(red) => onChange({ ...draft, thresholds: { ...draft.thresholds, red } })}
          />
          <NumberField
            path="thresholds.amber"
            label="Amber from a score of"
            value={draft.thresholds.amber}
            errors={errors}
            onChange={(amber) => onChange({ ...draft, thresholds: { ...draft.thresholds, amber } })}
          />
        </div>
        <p className="section-hint">A score below the amber threshold is green.</p>
      </fieldset>

      <fieldset className="form-section">
        <legend>Urgency and importance (the quadrant)</legend>
        <GroupProblem id={fieldId('quadrant')} errors={errors} />
        <div className="policy-row">
          <NumberField
            path="quadrant.urgentWithinWorkingDays"
            label="Urgent when a key date is missed or within (working days)"
            wide
            value={draft.quadrant.urgentWithinWorkingDays}
            errors={errors}
            onChange={(urgentWithinWorkingDays) =>
              onChange({ ...draft, quadrant: { ...draft.quadrant, urgentWithinWorkingDays } })
            }
          />
          <NativeSelect
            id={fieldId('quadrant.importantFromImpact')}
            label="Important from an impact of"
            value={draft.quadrant.importantFromImpact}
            error={errors[fieldId('quadrant.importantFromImpact')]}
            data={IMPACT_LEVELS.slice(1).map((level) => ({
              value: level,
              label: capital(IMPACT_LABELS[level]),
            }))}
            onChange={(event) =>
              onChange({
                ...draft,
                quadrant: {
                  ...draft.quadrant,
                  importantFromImpact: event.currentTarget.value as ImpactLevel,
                },
              })
            }
          />
        </div>
      </fieldset>
    </>
  );
}

function CriterionFieldset(props: {
  index: number;
  legend: string;
  errors: Readonly<Record<string, string>>;
  children: ReactNode;
}) {
  return (
    <fieldset className="form-section compact policy-criterion">
      <legend>{props.legend}</legend>
      <GroupProblem id={fieldId(`criteria.${props.index}`)} errors={props.errors} />
      {props.children}
    </fieldset>
  );
}

function CriterionFields(props: {
  criterion: CriterionDraft;
  index: number;
  errors: Readonly<Record<string, string>>;
  onChange: (next: CriterionDraft) => void;
}) {
  const { criterion: c, index: i, errors, onChange } = props;
  const at = `criteria.${i}`;
  switch (c.kind) {
    case 'flag':
      return (
        <CriterionFieldset index={i} legend="An open safeguarding concern" errors={errors}>
          <NumberField
            path={`${at}.points`}
            label="Points"
            value={c.points}
            errors={errors}
            onChange={(points) => onChange({ ...c, points })}
          />
        </CriterionFieldset>
      );
    case 'vulnerability':
      return (
        <CriterionFieldset index={i} legend="Client vulnerability (points by level)" errors={errors}>
          <div className="policy-row">
            {VULNERABILITY_KEYS.map((level) => (
              <NumberField
                key={level}
                path={`${at}.pointsByLevel.${level}`}
                label={VULNERABILITY_WORDS[level]}
                value={c.pointsByLevel[level]}
                errors={errors}
                onChange={(points) =>
                  onChange({ ...c, pointsByLevel: { ...c.pointsByLevel, [level]: points } })
                }
              />
            ))}
          </div>
        </CriterionFieldset>
      );
    case 'impact':
      return (
        <CriterionFieldset
          index={i}
          legend="Impact if the case is not actioned (points by level)"
          errors={errors}
        >
          <div className="policy-row">
            {IMPACT_LEVELS.map((level) => (
              <NumberField
                key={level}
                path={`${at}.pointsByLevel.${level}`}
                label={capital(IMPACT_LABELS[level])}
                value={c.pointsByLevel[level]}
                errors={errors}
                onChange={(points) =>
                  onChange({ ...c, pointsByLevel: { ...c.pointsByLevel, [level]: points } })
                }
              />
            ))}
          </div>
        </CriterionFieldset>
      );
    case 'deadline':
      return (
        <CriterionFieldset
          index={i}
          legend="Nearest pending key date (points by working days away)"
          errors={errors}
        >
          <p className="section-hint">
            List the bands from the nearest date to the furthest; a missed date is within every band. Later or
            no key date: 0 points.
          </p>
          <GroupProblem id={fieldId(`${at}.bands`)} errors={errors} />
          {c.bands.map((band, j) => (
            <BandFieldset
              key={band.id}
              path={`${at}.bands.${j}`}
              number={j + 1}
              errors={errors}
              onRemove={() => {
                onChange({ ...c, bands: c.bands.filter((_, k) => k !== j) });
                focusSoon(addBandId(i));
              }}
            >
              <NumberField
                path={`${at}.bands.${j}.withinWorkingDays`}
                label="Within (working days)"
                value={band.withinWorkingDays}
                errors={errors}
                onChange={(withinWorkingDays) =>
                  onChange({
                    ...c,
                    bands: c.bands.map((b, k) => (k === j ? { ...b, withinWorkingDays } : b)),
                  })
                }
              />
              <NumberField
                path={`${at}.bands.${j}.points`}
                label="Points"
                value={band.points}
                errors={errors}
                onChange={(points) =>
                  onChange({ ...c, bands: c.bands.map((b, k) => (k === j ? { ...b, points } : b)) })
                }
              />
            </BandFieldset>
          ))}
          <Button
            id={addBandId(i)}
            variant="default"
            size="compact-sm"
            onClick={() =>
              onChange({ ...c, bands: [...c.bands, { id: rowId(), withinWorkingDays: '', points: '' }] })
            }
          >
            Add a key-date band
          </Button>
        </CriterionFieldset>
      );
    case 'waiting':
      return (
        <CriterionFieldset
          index={i}
          legend="Time since the case last had attention (points by share of its service timescale)"
          errors={errors}
        >
          <p className="section-hint">
            List the bands from the longest wait to the shortest; 100% is the whole timescale. Less than the
            last band: 0 points.
          </p>
          <GroupProblem id={fieldId(`${at}.bands`)} errors={errors} />
          {c.bands.map((band, j) => (
            <BandFieldset
              key={band.id}
              path={`${at}.bands.${j}`}
              number={j + 1}
              errors={errors}
              onRemove={() => {
                onChange({ ...c, bands: c.bands.filter((_, k) => k !== j) });
                focusSoon(addBandId(i));
              }}
            >
              <NumberField
                path={`${at}.bands.${j}.atLeastShare`}
                label="At least (% of the timescale)"
                value={band.atLeastPercent}
                errors={errors}
                onChange={(atLeastPercent) =>
                  onChange({ ...c, bands: c.bands.map((b, k) => (k === j ? { ...b, atLeastPercent } : b)) })
                }
              />
              <NumberField
                path={`${at}.bands.${j}.points`}
                label="Points"
                value={band.points}
                errors={errors}
                onChange={(points) =>
                  onChange({ ...c, bands: c.bands.map((b, k) => (k === j ? { ...b, points } : b)) })
                }
              />
            </BandFieldset>
          ))}
          <Button
            id={addBandId(i)}
            variant="default"
            size="compact-sm"
            onClick={() =>
              onChange({ ...c, bands: [...c.bands, { id: rowId(), atLeastPercent: '', points: '' }] })
            }
          >
            Add a waiting band
          </Button>
        </CriterionFieldset>
      );
  }
}

function BandFieldset(props: {
  path: string;
  number: number;
  errors: Readonly<Record<string, string>>;
  onRemove: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset className="policy-band">
      <legend>Band {props.number}</legend>
      <GroupProblem id={fieldId(props.path)} errors={props.errors} />
      <div className="policy-row">
        {props.children}
        <Button variant="subtle" size="compact-sm" className="policy-remove" onClick={props.onRemove}>
          Remove band {props.number}
        </Button>
      </div>
    </fieldset>
  );
}

function RuleFields(props: {
  rule: RuleDraft;
  index: number;
  errors: Readonly<Record<string, string>>;
  onChange: (next: RuleDraft) => void;
  onRemove: () => void;
}) {
  const { rule: r, index: i, errors, onChange } = props;
  const at = `rules.${i}`;
  const id = (field: string) => fieldId(`${at}.${field}`);
  return (
    <fieldset className="form-section compact policy-rule">
      <legend>Rule {i + 1}</legend>
      <GroupProblem id={fieldId(at)} errors={errors} />
      <div className="policy-row">
        <NativeSelect
          id={id('kind')}
          label="When"
          value={r.kind}
          error={errors[id('kind')]}
          data={RULE_KINDS.map((kind) => ({ value: kind, label: RULE_KIND_WORDS[kind] }))}
          onChange={(event) => onChange({ ...r, kind: event.currentTarget.value as RuleKind })}
        />
        {r.kind === 'deadline' && (
          <NumberField
            path={`${at}.withinWorkingDays`}
            label="Within (working days)"
            value={r.withinWorkingDays}
            errors={errors}
            onChange={(withinWorkingDays) => onChange({ ...r, withinWorkingDays })}
          />
        )}
        {r.kind === 'vulnerability' && (
          <NativeSelect
            id={id('atLeast')}
            label="Vulnerability at least"
            value={r.vulnerabilityAtLeast}
            error={errors[id('atLeast')]}
            data={['1', '2', '3']}
            onChange={(event) =>
              onChange({
                ...r,
                vulnerabilityAtLeast: event.currentTarget.value as RuleDraft['vulnerabilityAtLeast'],
              })
            }
          />
        )}
        {r.kind === 'impact' && (
          <NativeSelect
            id={id('atLeast')}
            label="Impact at least"
            value={r.impactAtLeast}
            error={errors[id('atLeast')]}
            data={IMPACT_LEVELS.slice(1).map((level) => ({
              value: level,
              label: capital(IMPACT_LABELS[level]),
            }))}
            onChange={(event) => onChange({ ...r, impactAtLeast: event.currentTarget.value as ImpactLevel })}
          />
        )}
        {r.kind === 'waiting' && (
          <NumberField
            path={`${at}.atLeastShare`}
            label="At least (% of the timescale)"
            value={r.atLeastPercent}
            errors={errors}
            onChange={(atLeastPercent) => onChange({ ...r, atLeastPercent })}
          />
        )}
        <NativeSelect
          id={id('band')}
          label="Makes the case"
          value={r.band}
          error={errors[id('band')]}
          data={[
            { value: 'red', label: 'Red' },
            { value: 'amber', label: 'At least amber' },
          ]}
          onChange={(event) =>
            onChange({ ...r, band: event.currentTarget.value === 'amber' ? 'amber' : 'red' })
          }
        />
        <TextInput
          id={id('key')}
          label="Key"
          description="Lower-case letters, digits and hyphens"
          value={r.key}
          error={errors[id('key')]}
          onChange={(event) => onChange({ ...r, key: event.currentTarget.value })}
        />
      </div>
      <Button variant="subtle" size="compact-sm" className="policy-remove" onClick={props.onRemove}>
        Remove rule {i + 1}
      </Button>
    </fieldset>
  );
}
