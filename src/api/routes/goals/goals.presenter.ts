import type { GoalListResponse, GoalResponse } from '../../../contract/goals.ts';
import type { GoalWithProgress } from '../../../services/goals/goal-view.ts';

export function presentGoal({ goal: g, progress }: GoalWithProgress): GoalResponse {
  return {
    id: g.id,
    caseId: g.case_id,
    description: g.description,
    measure: g.measure,
    targetDate: g.target_date,
    status: g.status,
    resultNote: g.result_note,
    resultAt: g.result_at?.toISOString() ?? null,
    progress: progress.map((p) => ({
      id: p.id,
      text: p.text,
      recordedBy: p.recorded_by,
      recordedByName: p.recorded_by_name,
      recordedAt: p.recorded_at.toISOString(),
    })),
    createdBy: g.created_by,
    createdAt: g.created_at.toISOString(),
    updatedAt: g.updated_at.toISOString(),
  };
}

export const presentGoalList = (goals: readonly GoalWithProgress[]): GoalListResponse => ({
  goals: goals.map(presentGoal),
});
