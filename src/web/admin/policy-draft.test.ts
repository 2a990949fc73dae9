import { describe, expect, it } from 'vitest';
import { DEFAULT_PRIORITY_POLICY } from '../../domain/priority/policy.ts';
import {
  draftOf,
  FORM_ID,
  freshRuleKey,
  knownFieldIds,
  newRule,
  numberOf,
  type Policy,
  placeProblem,
  placeProblems,
  policyOf,
} from './policy-draft.ts';

const policy = DEFAULT_PRIORITY_POLICY as Policy;

describe('the policy draft', () => {
  it('round-trips the default policy, shares shown as percentages', () => {
    const draft = draftOf(policy);
    const waiting = draft.criteria.find((c) => c.kind === 'waiting');
    expect(waiting?.kind === 'waiting' && waiting.bands.map((b) => b.atLeastPercent)).toEqual(['100', '75']);
    expect(policyOf(draft)).toEqual(policy);
  });

  it('sends what cannot be read as a number as null, for the server to name', () => {
    expect(numberOf(' 12 ')).toBe(12);
    expect(numberOf('')).toBeNull();
    expect(numberOf('1e400')).toBeNull();
    const draft = draftOf(policy);
    const changed = { ...draft, thresholds: { red: '', amber: '35' } };
    expect(policyOf(changed)).toMatchObject({ thresholds: { red: null, amber: 35 } });
  });

  it('keeps what was typed for every kind of rule condition', () => {
    const rule = {
      ...newRule('rule-4'),
      kind: 'waiting' as const,
      atLeastPercent: '150',
      band: 'amber' as const,
    };
    const draft = { ...draftOf(policy), rules: [rule] };
    expect(policyOf(draft)).toMatchObject({
      rules: [{ key: 'rule-4', kind: 'waiting', atLeastShare: 1.5, band: 'amber' }],
    });
    const impact = { ...rule, kind: 'impact' as const };
    expect(policyOf({ ...draft, rules: [impact] })).toMatchObject({
      rules: [{ kind: 'scale', scale: 'impact', atLeast: 'loss-of-home' }],
    });
  });

  it('places each problem at its field, or the nearest group that holds it', () => {
    const draft = draftOf(policy);
    const known = knownFieldIds(draft);
    expect(placeProblem('policy.criteria.0.points', known)).toBe('pp-criteria-0-points');
    expect(placeProblem('policy.criteria.3.bands.1.points', known)).toBe('pp-criteria-3-bands-1-points');
    expect(placeProblem('policy.criteria.4.bands.0.atLeastShare', known)).toBe(
      'pp-criteria-4-bands-0-atLeastShare',
    );
    // A band the draft does not have goes to the list of bands; an unknown path to its criterion.
    expect(placeProblem('policy.criteria.3.bands.7.points', known)).toBe('pp-criteria-3-bands');
    expect(placeProblem('policy.criteria.0.flag', known)).toBe('pp-criteria-0');
    expect(placeProblem('policy.criteria.2.pointsByLevel', known)).toBe('pp-criteria-2');
    expect(placeProblem('policy.rules.1.withinWorkingDays', known)).toBe('pp-rules-1-withinWorkingDays');
    expect(placeProblem('policy', known)).toBe(FORM_ID);
    expect(placeProblem('changeNote', known)).toBe('pp-changeNote');
  });

  it('joins problems at one place and lists that place once in the summary', () => {
    const draft = draftOf(policy);
    const placed = placeProblems(
      {
        'policy.thresholds.red': 'Too low.',
        'policy.criteria.3.bands.9': 'No such band.',
        'policy.criteria.3.bands.8': 'Nor this.',
      },
      draft,
    );
    expect(placed.byId).toEqual({
      'pp-thresholds-red': 'Too low.',
      'pp-criteria-3-bands': 'No such band. Nor this.',
    });
    expect(placed.summaryIds).toEqual({
      'policy.thresholds.red': 'pp-thresholds-red',
      'policy.criteria.3.bands.9': 'pp-criteria-3-bands',
    });
    expect(placed.summary['policy.criteria.3.bands.9']).toBe('No such band. Nor this.');
  });

  it('gives a new rule a key no criterion or rule uses', () => {
    const draft = draftOf(policy);
    expect(freshRuleKey(draft)).toBe('rule-4');
    const taken = { ...draft, rules: [...draft.rules, newRule('rule-4')] };
    expect(freshRuleKey(taken)).toBe('rule-5');
  });
});
