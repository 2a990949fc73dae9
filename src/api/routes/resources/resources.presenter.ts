import type {
  CaseResourcesResponse,
  SpecialistListResponse,
  SpecialistResponse,
} from '../../../contract/resources.ts';
import type { CaseResourcesView, SpecialistView } from '../../../services/resources/resources-view.ts';

const hours = (value: string | null) => (value === null ? null : Number(value));

export function presentSpecialist({ row, canSeeCase }: SpecialistView): SpecialistResponse {
  return {
    id: row.id,
    caseId: row.case_id,
    user: { id: row.user_id, displayName: row.user_name },
    role: row.role,
    hours: hours(row.hours),
    addedBy: { id: row.added_by, displayName: row.added_by_name },
    addedAt: row.added_at.toISOString(),
    removedBy: row.removed_by ? { id: row.removed_by, displayName: row.removed_by_name ?? '' } : null,
    removedAt: row.removed_at ? row.removed_at.toISOString() : null,
    canSeeCase,
  };
}

export const presentSpecialistList = (views: readonly SpecialistView[]): SpecialistListResponse => ({
  specialists: views.map(presentSpecialist),
});

export function presentCaseResources(view: CaseResourcesView): CaseResourcesResponse {
  return {
    caseId: view.row.id,
    owner: { id: view.owner.id, displayName: view.owner.name, active: view.owner.active },
    allocatedHours: hours(view.row.allocated_hours),
    estimatedEffortHours: hours(view.row.estimated_effort_hours),
    specialists: view.specialists.map(presentSpecialist),
    band: view.row.priority_band,
    check: { problems: [...view.problems] },
    yourAccess: view.yourAccess,
  };
}
