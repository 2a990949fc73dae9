import { describe, expect, it } from 'vitest';
import { closedGoalProblem, GOAL_RESULTS, isGoalActive } from './goal-rules.ts';

describe('goal rules', () => {
  it('lets an active goal change', () => {
    expect(isGoalActive('active')).toBe(true);
    expect(closedGoalProblem('active')).toBeUndefined();
  });

  it('closes a goal once it has any result, and says which', () => {
    for (const result of GOAL_RESULTS) {
      expect(isGoalActive(result)).toBe(false);
      expect(closedGoalProblem(result)).toMatch(/already has its result/);
    }
    expect(closedGoalProblem('partly_achieved')).toContain('(partly achieved)');
  });
});
