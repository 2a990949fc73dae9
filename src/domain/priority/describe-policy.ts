/**
 * A priority policy in plain words: what the administrator agreed, for the policy page, the
 * README and anyone asking "why is this case red?".
 */
import { IMPACT_LABELS, IMPACT_LEVELS, VULNERABILITY_LEVELS } from './levels.ts';
import type { Criterion, HardRule, PriorityPolicy } from './policy.ts';
import { keyDateCondition, percent, points, pointsCount, workingDays } from './wording.ts';

/**
 * One sentence per criterion, then the thresholds, each hard rule and the quadrant.
 * @example describePolicy(DEFAULT_PRIORITY_POLICY)[0] // 'An open safeguarding concern: 50 points.'
 * @example describePolicy(DEFAULT_PRIORITY_POLICY).at(-1)
 * // 'Urgent: a pending key date missed or within 5 working days. Important: an impact of financial
 * //  loss or worse if the case is not actioned.'
 */
export function describePolicy(policy: PriorityPolicy): string[] {
  const { red, amber } = policy.thresholds;
  return [
    ...policy.criteria.map(describeCriterion),
    `Score: ${points(red)} or more is red, ${points(amber)} or more amber, less green.`,
    ...policy.rules.map((rule) => `Whatever the score, ${describeRule(rule)}.`),
    `Urgent: a pending key date ${keyDateCondition(policy.quadrant.urgentWithinWorkingDays)}. ` +
      `Important: an impact of ${IMPACT_LABELS[policy.quadrant.importantFromImpact]} or worse if the case is not actioned.`,
  ];
}

/**
 * One criterion in a sentence.
 * @example describeCriterion({ key: 'safeguarding', kind: 'flag', flag: 'safeguarding', points: 50 })
 * // 'An open safeguarding concern: 50 points.'
 */
export function describeCriterion(criterion: Criterion): string {
  switch (criterion.kind) {
    case 'flag':
      return `An open safeguarding concern: ${pointsCount(criterion.points)}.`;
    case 'scale':
      if (criterion.scale === 'vulnerability') {
        const byLevel = criterion.pointsByLevel;
        const list = VULNERABILITY_LEVELS.map((level) => points(byLevel[level]));
        return `Client vulnerability, by level (0 to 3): ${list.slice(0, -1).join(', ')} and ${list.at(-1)} points.`;
      } else {
        const byLevel = criterion.pointsByLevel;
        const list = IMPACT_LEVELS.map((level) => `${IMPACT_LABELS[level]} ${points(byLevel[level])}`);
        return `Impact if the case is not actioned, by level: ${list.join(', ')} points.`;
      }
    case 'deadline': {
      const bands = criterion.bands.map(
        (band, i) =>
          `${deadlineBandCondition(band.withinWorkingDays, criterion.bands.slice(0, i))} ${i === 0 ? pointsCount(band.points) : points(band.points)}`,
      );
      return `Nearest pending key date: ${bands.join(', ')}; later or none 0.`;
    }
    case 'waiting': {
      const bands = criterion.bands.map(
        (band, i) =>
          `${percent(band.atLeastShare)} or more ${i === 0 ? pointsCount(band.points) : points(band.points)}`,
      );
      return `Time since the case last had attention, as a share of its service timescale: ${bands.join(', ')}; less 0.`;
    }
  }
}

/** A band after bands with missed-only (negative) limits still takes dates missed by less. */
function deadlineBandCondition(within: number, before: readonly { withinWorkingDays: number }[]): string {
  if (before.length === 0 || within < 0) return keyDateCondition(within);
  const due = within === 0 ? 'due today' : `within ${workingDays(within)}`;
  return before.every((band) => band.withinWorkingDays < 0) ? `missed by less or ${due}` : due;
}

/**
 * What a hard rule does, as a clause.
 * @example describeRule({ key: 'safeguarding-is-red', kind: 'flag', flag: 'safeguarding', band: 'red' })
 * // 'an open safeguarding concern makes a case red'
 * @example describeRule({ key: 'late', kind: 'waiting', atLeastShare: 1, band: 'amber' })
 * // 'a case with 100% or more of its service timescale elapsed since it last had attention is at least amber'
 */
export function describeRule(rule: HardRule): string {
  const makes = rule.band === 'red' ? 'makes a case red' : 'makes a case at least amber';
  const is = rule.band === 'red' ? 'is red' : 'is at least amber';
  switch (rule.kind) {
    case 'flag':
      return `an open safeguarding concern ${makes}`;
    case 'deadline':
      return `a pending key date ${keyDateCondition(rule.withinWorkingDays)} ${makes}`;
    case 'scale':
      return rule.scale === 'vulnerability'
        ? `client vulnerability ${rule.atLeast} or more ${makes}`
        : `an impact of ${IMPACT_LABELS[rule.atLeast]} or worse ${makes}`;
    case 'waiting':
      return `a case with ${percent(rule.atLeastShare)} or more of its service timescale elapsed since it last had attention ${is}`;
  }
}
