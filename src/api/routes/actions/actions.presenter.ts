import type { ActionListResponse, ActionResponse } from '../../../contract/actions.ts';
import type { ActionResult } from '../../../services/actions/action-view.ts';

/** An action as the API shows it; the owner's name is the third party's, or the practitioner's. */
export function presentAction({ action: a, overdue }: ActionResult): ActionResponse {
  return {
    id: a.id,
    caseId: a.case_id,
    description: a.description,
    ownerKind: a.owner_kind,
    ownerUserId: a.owner_user_id,
    ownerName: a.owner_kind === 'practitioner' ? a.owner_display_name : a.owner_name,
    dueDate: a.due_date,
    status: a.status,
    overdue,
    completedAt: a.completed_at?.toISOString() ?? null,
    result: a.status === 'done' ? a.result : null,
    cancellationReason: a.status === 'cancelled' ? a.result : null,
    goalId: a.goal_id,
    reviewId: a.review_id,
    createdBy: a.created_by,
    createdAt: a.created_at.toISOString(),
    updatedAt: a.updated_at.toISOString(),
  };
}

export const presentActionList = (results: readonly ActionResult[]): ActionListResponse => ({
  actions: results.map(presentAction),
});
