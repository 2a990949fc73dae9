/**
 * Checks a priority policy before it is saved, listing every problem in words an administrator
 * can act on. Beyond shapes and numbers, it insists that points never fall as a fact gets worse
 * (a higher level, a nearer date, a longer wait): that is what keeps assessments monotone, so a
 * case can never drop down the worklist because its situation got worse.
 */
import {
  IMPACT_LABELS,
  IMPACT_LEVELS,
  isImpactLevel,
  isVulnerabilityLevel,
  VULNERABILITY_LEVELS,
} from './levels.ts';
import type { Criterion, HardRule, PriorityPolicy, Problem } from './policy.ts';
import { percent, workingDays } from './wording.ts';

type Add = (path: string, message: string) => void;

const KEY_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;

const FACT_NAMES: Readonly<Record<string, string>> = {
  'flag:safeguarding': 'An open safeguarding concern',
  'scale:vulnerability': 'Client vulnerability',
  'scale:impact': 'Impact if not actioned',
  deadline: 'The nearest key date',
  waiting: 'Time since last attention',
};

/**
 * Every problem with a policy, each with the dotted path of the field at fault (as API validation
 * errors name fields), or an empty list when it can be saved.
 * @example validatePolicy(DEFAULT_PRIORITY_POLICY) // []
 * @example validatePolicy({ ...DEFAULT_PRIORITY_POLICY, thresholds: { red: 30, amber: 35 } })
 * // [{ path: 'thresholds.red', message: 'The red threshold (30) must be higher than the amber threshold (35).' }]
 */
export function validatePolicy(policy: PriorityPolicy): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (path, message) => problems.push({ path, message });
  if (typeof policy !== 'object' || policy === null) {
    add('policy', 'Give the policy: criteria, rules, thresholds and quadrant.');
    return problems;
  }
  const criteria: readonly Criterion[] = Array.isArray(policy.criteria) ? policy.criteria : [];
  const rules: readonly HardRule[] = Array.isArray(policy.rules) ? policy.rules : [];
  if (criteria.length === 0)
    add('criteria', 'Give at least one criterion; without any, every case scores 0.');
  if (!Array.isArray(policy.rules)) add('rules', 'Give the list of hard rules (it may be empty).');
  checkKeys(criteria, rules, add);
  checkFactsScoredOnce(criteria, add);
  for (const [i, criterion] of criteria.entries()) checkCriterion(criterion, `criteria.${i}`, add);
  for (const [i, rule] of rules.entries()) checkRule(rule, `rules.${i}`, add);
  checkThresholds(policy.thresholds, add);
  checkQuadrant(policy.quadrant, add);
  return problems;
}

function checkKeys(criteria: readonly Criterion[], rules: readonly HardRule[], add: Add): void {
  const seen = new Map<string, string>();
  const items = [
    ...criteria.map((c, i) => ({ key: c?.key as unknown, path: `criteria.${i}` })),
    ...rules.map((r, i) => ({ key: r?.key as unknown, path: `rules.${i}` })),
  ];
  for (const { key, path } of items) {
    if (typeof key !== 'string' || !KEY_PATTERN.test(key)) {
      add(
        `${path}.key`,
        'Use a key of lower-case letters, digits and hyphens that starts with a letter, e.g. "key-date".',
      );
      continue;
    }
    const first = seen.get(key);
    if (first)
      add(
        `${path}.key`,
        `The key "${key}" is already used by ${first}; give each criterion and rule its own key.`,
      );
    else seen.set(key, path);
  }
}

function factOf(criterion: Criterion): string {
  if (criterion.kind === 'flag') return `flag:${criterion.flag}`;
  if (criterion.kind === 'scale') return `scale:${criterion.scale}`;
  return criterion.kind;
}

function checkFactsScoredOnce(criteria: readonly Criterion[], add: Add): void {
  const seen = new Map<string, number>();
  criteria.forEach((criterion, i) => {
    const fact = criterion ? factOf(criterion) : '';
    const name = FACT_NAMES[fact];
    if (!name) return;
    const first = seen.get(fact);
    if (first === undefined) seen.set(fact, i);
    else add(`criteria.${i}`, `${name} is already scored by criteria.${first}; score each fact once.`);
  });
}

function checkPoints(value: unknown, path: string, add: Add): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    add(path, 'Give the points as a number, 0 or more.');
    return false;
  }
  if (value < 0) {
    add(path, `Points cannot be negative (${value}); use 0 for no points.`);
    return false;
  }
  return true;
}

function checkCriterion(criterion: Criterion, path: string, add: Add): void {
  switch (criterion?.kind) {
    case 'flag':
      if (criterion.flag !== 'safeguarding') add(`${path}.flag`, 'Unknown flag; use "safeguarding".');
      checkPoints(criterion.points, `${path}.points`, add);
      return;
    case 'scale':
      checkScale(criterion, path, add);
      return;
    case 'deadline':
      checkDeadlineBands(criterion.bands, path, add);
      return;
    case 'waiting':
      checkWaitingBands(criterion.bands, path, add);
      return;
    default:
      add(`${path}.kind`, 'Unknown kind of criterion; use flag, scale, deadline or waiting.');
  }
}

function checkScale(criterion: Criterion & { kind: 'scale' }, path: string, add: Add): void {
  const levels: readonly (string | number)[] | undefined =
    criterion.scale === 'vulnerability'
      ? VULNERABILITY_LEVELS
      : criterion.scale === 'impact'
        ? IMPACT_LEVELS
        : undefined;
  if (!levels) {
    add(`${path}.scale`, 'Unknown scale; use "vulnerability" or "impact".');
    return;
  }
  const name = (level: string | number) =>
    typeof level === 'number'
      ? `Vulnerability ${level}`
      : `Impact "${IMPACT_LABELS[level as keyof typeof IMPACT_LABELS]}"`;
  const byLevel = criterion.pointsByLevel as Readonly<Record<string, unknown>> | undefined;
  if (typeof byLevel !== 'object' || byLevel === null) {
    add(`${path}.pointsByLevel`, `Give the points for every level: ${levels.join(', ')}.`);
    return;
  }
  let previous: { level: string | number; points: number } | undefined;
  for (const level of levels) {
    const levelPath = `${path}.pointsByLevel.${level}`;
    const points = byLevel[String(level)];
    if (points === undefined) {
      add(levelPath, `Give the points for ${name(level).toLowerCase()}.`);
      continue;
    }
    if (!checkPoints(points, levelPath, add)) continue;
    if (previous && points < previous.points) {
      add(
        levelPath,
        `${name(level)} scores fewer points (${points}) than ${name(previous.level).toLowerCase()} (${previous.points}); a more serious level must score at least as many.`,
      );
    }
    previous = { level, points };
  }
}

function checkDeadlineBands(
  bands: readonly { withinWorkingDays: number; points: number }[],
  path: string,
  add: Add,
): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    add(`${path}.bands`, 'Give at least one band, e.g. within 2 working days: 40 points.');
    return;
  }
  bands.forEach((band, i) => {
    const bandPath = `${path}.bands.${i}`;
    const daysOk = Number.isInteger(band?.withinWorkingDays);
    if (!daysOk) add(`${bandPath}.withinWorkingDays`, 'Give a whole number of working days.');
    const pointsOk = checkPoints(band?.points, `${bandPath}.points`, add);
    const previous = bands[i - 1];
    if (!previous || !daysOk || !Number.isInteger(previous.withinWorkingDays)) return;
    const [days, before] = [band.withinWorkingDays, previous.withinWorkingDays];
    if (days === before) {
      add(
        `${bandPath}.withinWorkingDays`,
        `Within ${workingDays(days)} is listed twice; list each band once.`,
      );
    } else if (days < before) {
      add(
        `${bandPath}.withinWorkingDays`,
        `List the bands from the nearest date to the furthest: within ${workingDays(days)} must come before within ${workingDays(before)}.`,
      );
    } else if (pointsOk && Number.isFinite(previous.points) && band.points > previous.points) {
      add(
        `${bandPath}.points`,
        `Within ${workingDays(days)} scores more points (${band.points}) than within ${workingDays(before)} (${previous.points}); a nearer date must score at least as many.`,
      );
    }
  });
}

function checkShare(share: unknown, path: string, add: Add): share is number {
  if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0) {
    add(path, 'Give the share of the service timescale as a number above 0 (1 is the whole timescale).');
    return false;
  }
  return true;
}

function checkWaitingBands(
  bands: readonly { atLeastShare: number; points: number }[],
  path: string,
  add: Add,
): void {
  if (!Array.isArray(bands) || bands.length === 0) {
    add(`${path}.bands`, 'Give at least one band, e.g. 100% of the timescale or more: 20 points.');
    return;
  }
  bands.forEach((band, i) => {
    const bandPath = `${path}.bands.${i}`;
    const shareOk = checkShare(band?.atLeastShare, `${bandPath}.atLeastShare`, add);
    const pointsOk = checkPoints(band?.points, `${bandPath}.points`, add);
    const previous = bands[i - 1];
    if (!previous || !shareOk || typeof previous.atLeastShare !== 'number') return;
    const [share, before] = [band.atLeastShare, previous.atLeastShare];
    if (share === before) {
      add(`${bandPath}.atLeastShare`, `${percent(share)} is listed twice; list each band once.`);
    } else if (share > before) {
      add(
        `${bandPath}.atLeastShare`,
        `List the bands from the longest wait to the shortest: ${percent(share)} must come before ${percent(before)}.`,
      );
    } else if (pointsOk && Number.isFinite(previous.points) && band.points > previous.points) {
      add(
        `${bandPath}.points`,
        `${percent(share)} of the timescale scores more points (${band.points}) than ${percent(before)} (${previous.points}); a longer wait must score at least as many.`,
      );
    }
  });
}

function checkRule(rule: HardRule, path: string, add: Add): void {
  const band: unknown = rule?.band;
  if (band !== 'red' && band !== 'amber') {
    add(`${path}.band`, 'A rule raises a case to "red" or "amber" (raising to green would change nothing).');
  }
  switch (rule?.kind) {
    case 'flag':
      if (rule.flag !== 'safeguarding') add(`${path}.flag`, 'Unknown flag; use "safeguarding".');
      return;
    case 'deadline':
      if (!Number.isInteger(rule.withinWorkingDays)) {
        add(`${path}.withinWorkingDays`, 'Give a whole number of working days.');
      }
      return;
    case 'scale':
      checkScaleRule(rule, path, add);
      return;
    case 'waiting':
      checkShare(rule.atLeastShare, `${path}.atLeastShare`, add);
      return;
    default:
      add(`${path}.kind`, 'Unknown kind of rule; use flag, deadline, scale or waiting.');
  }
}

function checkScaleRule(rule: HardRule & { kind: 'scale' }, path: string, add: Add): void {
  const everyCase = 'this rule would apply to every case';
  if (rule.scale === 'vulnerability') {
    if (!isVulnerabilityLevel(rule.atLeast))
      add(`${path}.atLeast`, 'Give a vulnerability level from 1 to 3.');
    else if (rule.atLeast === 0)
      add(`${path}.atLeast`, `Give a vulnerability level from 1 to 3; at 0 ${everyCase}.`);
  } else if (rule.scale === 'impact') {
    const levels = IMPACT_LEVELS.slice(1).join(', ');
    if (!isImpactLevel(rule.atLeast)) add(`${path}.atLeast`, `Give one of: ${levels}.`);
    else if (rule.atLeast === 'none')
      add(`${path}.atLeast`, `Give one of: ${levels}; at "none" ${everyCase}.`);
  } else {
    add(`${path}.scale`, 'Unknown scale; use "vulnerability" or "impact".');
  }
}

function checkThresholds(thresholds: PriorityPolicy['thresholds'] | undefined, add: Add): void {
  const { red, amber } = (thresholds ?? {}) as { red?: unknown; amber?: unknown };
  const amberOk = typeof amber === 'number' && Number.isFinite(amber) && amber > 0;
  if (!amberOk)
    add('thresholds.amber', 'Give the amber threshold as a score above 0 (at 0 no case could be green).');
  if (typeof red !== 'number' || !Number.isFinite(red))
    add('thresholds.red', 'Give the red threshold as a score.');
  else if (amberOk && red <= amber) {
    add('thresholds.red', `The red threshold (${red}) must be higher than the amber threshold (${amber}).`);
  }
}

function checkQuadrant(quadrant: PriorityPolicy['quadrant'] | undefined, add: Add): void {
  const { urgentWithinWorkingDays: days, importantFromImpact: impact } = (quadrant ?? {}) as {
    urgentWithinWorkingDays?: unknown;
    importantFromImpact?: unknown;
  };
  if (!Number.isInteger(days) || (days as number) < 0) {
    add('quadrant.urgentWithinWorkingDays', 'Give a whole number of working days, 0 or more.');
  }
  const levels = IMPACT_LEVELS.slice(1).join(', ');
  if (!isImpactLevel(impact)) add('quadrant.importantFromImpact', `Give one of: ${levels}.`);
  else if (impact === 'none') {
    add('quadrant.importantFromImpact', `Give one of: ${levels}; at "none" every case would be important.`);
  }
}
