import type { ActionResponse } from '../../contract/actions.ts';
import type { CaseResponse } from '../../contract/cases.ts';
import type { GoalResponse } from '../../contract/goals.ts';
import type { KeyDateResponse } from '../../contract/key-dates.ts';
import type { VisibleNoteResponse } from '../../contract/notes.ts';
import type { ObstacleResponse } from '../../contract/obstacles.ts';
import type { ApiClient } from '../api-client.ts';
import { type Chronology, recordsApi } from '../records-api.ts';

/** Everything the case page shows, loaded together. */
export interface CaseData {
  kase: CaseResponse;
  notes: VisibleNoteResponse[];
  goals: GoalResponse[];
  actions: ActionResponse[];
  keyDates: KeyDateResponse[];
  obstacles: ObstacleResponse[];
  chronology: Chronology;
}

/** Loads the case and its records in parallel. @throws ApiError (CASE_NOT_FOUND when it is not yours to see) */
export async function loadCaseData(api: ApiClient, caseId: string): Promise<CaseData> {
  const [kase, notes, goals, actions, keyDates, obstacles, chronology] = await Promise.all([
    recordsApi.getCase(api, caseId),
    recordsApi.caseNotes(api, caseId),
    recordsApi.goals(api, caseId),
    recordsApi.actions(api, caseId),
    recordsApi.keyDates(api, caseId),
    recordsApi.obstacles(api, caseId),
    recordsApi.chronology(api, caseId),
  ]);
  return {
    kase,
    notes: notes.notes,
    goals: goals.goals,
    actions: actions.actions,
    keyDates: keyDates.keyDates,
    obstacles: obstacles.obstacles,
    chronology,
  };
}

/** What every section of the case page gets. */
export interface SectionProps {
  api: ApiClient;
  data: CaseData;
  /** Load the case again (after a change), then say what happened in the page's status region. */
  changed: (message: string) => void;
}
