/**
 * The priority policy as the editing form holds it: every number as the text typed (so a half-typed
 * or empty value is kept, and the server names it), shares as percentages, and rows with stable ids
 * for React keys. Conversion both ways, the field ids of every input, and where each problem the
 * server names (`policy.criteria.3.bands.1.points`) is shown.
 */
import type { PriorityPolicyResponse } from '../../contract/priority.ts';
import { IMPACT_LEVELS, type ImpactLevel } from '../../domain/priority/levels.ts';

export type Policy = PriorityPolicyResponse['policy'];
type Criterion = Policy['criteria'][number];
type Rule = Policy['rules'][number];

export const VULNERABILITY_KEYS = ['0', '1', '2', '3'] as const;
export type VulnerabilityKey = (typeof VULNERABILITY_KEYS)[number];

export interface DeadlineBandDraft {
  readonly id: string;
  readonly withinWorkingDays: string;
  readonly points: string;
}

export interface WaitingBandDraft {
  readonly id: string;
  /** The share of the service timescale, as a percentage (100 is the whole timescale). */
  readonly atLeastPercent: string;
  readonly points: string;
}

export type CriterionDraft =
  | { readonly key: string; readonly kind: 'flag'; readonly points: string }
  | {
      readonly key: string;
      readonly kind: 'vulnerability';
      readonly pointsByLevel: Readonly<Record<VulnerabilityKey, string>>;
    }
  | {
      readonly key: string;
      readonly kind: 'impact';
      readonly pointsByLevel: Readonly<Record<ImpactLevel, string>>;
    }
  | { readonly key: string; readonly kind: 'deadline'; readonly bands: readonly DeadlineBandDraft[] }
  | { readonly key: string; readonly kind: 'waiting'; readonly bands: readonly WaitingBandDraft[] };

export const RULE_KINDS = ['flag', 'deadline', 'vulnerability', 'impact', 'waiting'] as const;
export type RuleKind = (typeof RULE_KINDS)[number];

/** A hard rule with a value for every kind of condition, so changing the kind keeps what was typed. */
export interface RuleDraft {
  readonly id: string;
  readonly key: string;
  readonly kind: RuleKind;
  readonly band: 'red' | 'amber';
  readonly withinWorkingDays: string;
  readonly vulnerabilityAtLeast: '1' | '2' | '3';
  readonly impactAtLeast: ImpactLevel;
  readonly atLeastPercent: string;
}

export interface PolicyDraft {
  readonly criteria: readonly CriterionDraft[];
  readonly rules: readonly RuleDraft[];
  readonly thresholds: { readonly red: string; readonly amber: string };
  readonly quadrant: { readonly urgentWithinWorkingDays: string; readonly importantFromImpact: ImpactLevel };
}

let counter = 0;
/** A new row id, unique on the page. */
export const rowId = (): string => `row-${++counter}`;

const text = (n: number): string => String(n);
/** 0.75 → '75'; rounding away floating-point noise (0.07 × 100 = 7.000000000000001). */
const percentText = (share: number): string => String(Math.round(share * 100 * 1e6) / 1e6);

function criterionDraft(c: Criterion): CriterionDraft {
  switch (c.kind) {
    case 'flag':
      return { key: c.key, kind: 'flag', points: text(c.points) };
    case 'scale':
      if (c.scale === 'vulnerability') {
        const by = c.pointsByLevel;
        return {
          key: c.key,
          kind: 'vulnerability',
          pointsByLevel: { 0: text(by[0]), 1: text(by[1]), 2: text(by[2]), 3: text(by[3]) },
        };
      }
      return {
        key: c.key,
        kind: 'impact',
        pointsByLevel: Object.fromEntries(
          IMPACT_LEVELS.map((level) => [level, text(c.pointsByLevel[level])]),
        ) as Record<ImpactLevel, string>,
      };
    case 'deadline':
      return {
        key: c.key,
        kind: 'deadline',
        bands: c.bands.map((b) => ({
          id: rowId(),
          withinWorkingDays: text(b.withinWorkingDays),
          points: text(b.points),
        })),
      };
    case 'waiting':
      return {
        key: c.key,
        kind: 'waiting',
        bands: c.bands.map((b) => ({
          id: rowId(),
          atLeastPercent: percentText(b.atLeastShare),
          points: text(b.points),
        })),
      };
  }
}

/** A new hard rule: an open safeguarding concern makes a case red, until changed. */
export function newRule(key: string): RuleDraft {
  return {
    id: rowId(),
    key,
    kind: 'flag',
    band: 'red',
    withinWorkingDays: '2',
    vulnerabilityAtLeast: '3',
    impactAtLeast: 'loss-of-home',
    atLeastPercent: '100',
  };
}

function ruleDraft(r: Rule): RuleDraft {
  const base = { ...newRule(r.key), band: r.band };
  switch (r.kind) {
    case 'flag':
      return base;
    case 'deadline':
      return { ...base, kind: 'deadline', withinWorkingDays: text(r.withinWorkingDays) };
    case 'scale':
      return r.scale === 'vulnerability'
        ? {
            ...base,
            kind: 'vulnerability',
            vulnerabilityAtLeast: r.atLeast === 0 ? '1' : (String(r.atLeast) as '1'),
          }
        : { ...base, kind: 'impact', impactAtLeast: r.atLeast };
    case 'waiting':
      return { ...base, kind: 'waiting', atLeastPercent: percentText(r.atLeastShare) };
  }
}

/** The form's copy of a policy. */
export function draftOf(policy: Policy): PolicyDraft {
  return {
    criteria: policy.criteria.map(criterionDraft),
    rules: policy.rules.map(ruleDraft),
    thresholds: { red: text(policy.thresholds.red), amber: text(policy.thresholds.amber) },
    quadrant: {
      urgentWithinWorkingDays: text(policy.quadrant.urgentWithinWorkingDays),
      importantFromImpact: policy.quadrant.importantFromImpact,
    },
  };
}

/**
 * A number typed into the form: null when empty or not a number, so the server names the field
 * ("Give the points as a number") rather than the form guessing.
 */
export function numberOf(value: string): number | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : null;
}

const shareOf = (percent: string): number | null => {
  const n = numberOf(percent);
  return n === null ? null : Number((n / 100).toFixed(8));
};

function criterionOf(c: CriterionDraft): unknown {
  switch (c.kind) {
    case 'flag':
      return { key: c.key, kind: 'flag', flag: 'safeguarding', points: numberOf(c.points) };
    case 'vulnerability':
      return {
        key: c.key,
        kind: 'scale',
        scale: 'vulnerability',
        pointsByLevel: Object.fromEntries(VULNERABILITY_KEYS.map((l) => [l, numberOf(c.pointsByLevel[l])])),
      };
    case 'impact':
      return {
        key: c.key,
        kind: 'scale',
        scale: 'impact',
        pointsByLevel: Object.fromEntries(IMPACT_LEVELS.map((l) => [l, numberOf(c.pointsByLevel[l])])),
      };
    case 'deadline':
      return {
        key: c.key,
        kind: 'deadline',
        bands: c.bands.map((b) => ({
          withinWorkingDays: numberOf(b.withinWorkingDays),
          points: numberOf(b.points),
        })),
      };
    case 'waiting':
      return {
        key: c.key,
        kind: 'waiting',
        bands: c.bands.map((b) => ({ atLeastShare: shareOf(b.atLeastPercent), points: numberOf(b.points) })),
      };
  }
}

function ruleOf(r: RuleDraft): unknown {
  const base = { key: r.key.trim(), band: r.band };
  switch (r.kind) {
    case 'flag':
      return { ...base, kind: 'flag', flag: 'safeguarding' };
    case 'deadline':
      return { ...base, kind: 'deadline', withinWorkingDays: numberOf(r.withinWorkingDays) };
    case 'vulnerability':
      return { ...base, kind: 'scale', scale: 'vulnerability', atLeast: Number(r.vulnerabilityAtLeast) };
    case 'impact':
      return { ...base, kind: 'scale', scale: 'impact', atLeast: r.impactAtLeast };
    case 'waiting':
      return { ...base, kind: 'waiting', atLeastShare: shareOf(r.atLeastPercent) };
  }
}

/** The policy to send: numbers as typed (null where none could be read), shares from percentages. */
export function policyOf(draft: PolicyDraft): unknown {
  return {
    criteria: draft.criteria.map(criterionOf),
    rules: draft.rules.map(ruleOf),
    thresholds: { red: numberOf(draft.thresholds.red), amber: numberOf(draft.thresholds.amber) },
    quadrant: {
      urgentWithinWorkingDays: numberOf(draft.quadrant.urgentWithinWorkingDays),
      importantFromImpact: draft.quadrant.importantFromImpact,
    },
  };
}

/** The id of the input (or group) for a policy path, e.g. 'criteria.3.bands.1.points'. */
export const fieldId = (path: string): string => `pp-${path.replaceAll('.', '-')}`;

/** Where problems without a field of their own are shown: the form's heading. */
export const FORM_ID = 'pp-form';
export const CHANGE_NOTE_ID = 'pp-changeNote';

/**
 * Every id a problem can point to for this draft, as the form renders them: each input, and each
 * group (the criteria, one criterion, its bands, one band, the rules, one rule, the thresholds, the
 * quadrant) whose problems are shown at the top of its fieldset.
 */
export function knownFieldIds(draft: PolicyDraft): Set<string> {
  const paths: string[] = ['criteria', 'rules', 'thresholds', 'quadrant'];
  draft.criteria.forEach((c, i) => {
    const at = `criteria.${i}`;
    paths.push(at);
    if (c.kind === 'flag') paths.push(`${at}.points`);
    if (c.kind === 'vulnerability' || c.kind === 'impact') {
      const levels = c.kind === 'vulnerability' ? VULNERABILITY_KEYS : IMPACT_LEVELS;
      for (const level of levels) paths.push(`${at}.pointsByLevel.${level}`);
    }
    if (c.kind === 'deadline' || c.kind === 'waiting') {
      paths.push(`${at}.bands`);
      const limit = c.kind === 'deadline' ? 'withinWorkingDays' : 'atLeastShare';
      c.bands.forEach((_, j) => {
        paths.push(`${at}.bands.${j}`, `${at}.bands.${j}.${limit}`, `${at}.bands.${j}.points`);
      });
    }
  });
  draft.rules.forEach((r, i) => {
    const at = `rules.${i}`;
    paths.push(at, `${at}.key`, `${at}.kind`, `${at}.band`);
    if (r.kind === 'deadline') paths.push(`${at}.withinWorkingDays`);
    if (r.kind === 'vulnerability' || r.kind === 'impact') paths.push(`${at}.atLeast`);
    if (r.kind === 'waiting') paths.push(`${at}.atLeastShare`);
  });
  paths.push(
    'thresholds.red',
    'thresholds.amber',
    'quadrant.urgentWithinWorkingDays',
    'quadrant.importantFromImpact',
  );
  return new Set(paths.map(fieldId));
}

/**
 * The id where a problem the server named is shown: the field itself, else the nearest group that
 * holds it (a problem with `criteria.3.bands.1` goes to that band row), else the form's heading.
 * @example placeProblem('policy.thresholds.red', ids) // 'pp-thresholds-red'
 * @example placeProblem('changeNote', ids) // 'pp-changeNote'
 */
export function placeProblem(field: string, known: ReadonlySet<string>): string {
  if (field === 'changeNote') return CHANGE_NOTE_ID;
  if (!field.startsWith('policy.')) return FORM_ID;
  const parts = field.slice('policy.'.length).split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = fieldId(parts.slice(0, n).join('.'));
    if (known.has(id)) return id;
  }
  return FORM_ID;
}

/**
 * The problems of a failed save, placed: id → message (several problems at one place are joined),
 * and for the error summary one entry per place: problem field → message, and field → id.
 */
export function placeProblems(
  fields: Readonly<Record<string, string>>,
  draft: PolicyDraft,
): { byId: Record<string, string>; summary: Record<string, string>; summaryIds: Record<string, string> } {
  const known = knownFieldIds(draft);
  const byId: Record<string, string> = {};
  const firstField: Record<string, string> = {};
  for (const [field, message] of Object.entries(fields)) {
    const id = placeProblem(field, known);
    byId[id] = byId[id] ? `${byId[id]} ${message}` : message;
    firstField[id] ??= field;
  }
  const summary: Record<string, string> = {};
  const summaryIds: Record<string, string> = {};
  for (const [id, field] of Object.entries(firstField)) {
    summary[field] = byId[id] ?? '';
    summaryIds[field] = id;
  }
  return { byId, summary, summaryIds };
}

/** A key for a new rule that no criterion or rule uses yet: 'rule-1', 'rule-2', … */
export function freshRuleKey(draft: PolicyDraft): string {
  const used = new Set([...draft.criteria.map((c) => c.key), ...draft.rules.map((r) => r.key)]);
  let n = draft.rules.length + 1;
  while (used.has(`rule-${n}`)) n += 1;
  return `rule-${n}`;
}
