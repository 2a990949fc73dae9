import type { ActionResponse } from '../../contract/actions.ts';
import type { AssessmentListResponse } from '../../contract/assessments.ts';
import type { CaseResponse } from '../../contract/cases.ts';
import type { InformationExchangeResponse } from '../../contract/exchange.ts';
import type { GoalResponse } from '../../contract/goals.ts';
import type { KeyDateResponse } from '../../contract/key-dates.ts';
import type { VisibleNoteResponse } from '../../contract/notes.ts';
import type { ObstacleResponse } from '../../contract/obstacles.ts';
import type { FinancialOutcomeListResponse } from '../../contract/outcomes.ts';
import type { CaseResourcesResponse } from '../../contract/resources.ts';
import type { CaseWeightResponse } from '../../contract/weighting.ts';
import type { ApiClient } from '../api-client.ts';
import { capacityApi } from '../capacity/capacity-api.ts';
import { exchangeApi } from '../exchange/exchange-api.ts';
import { type Chronology, recordsApi } from '../records-api.ts';
import { priorityApi } from './priority-api.ts';

/** Everything the case page shows, loaded together. */
export interface CaseData {
  kase: CaseResponse;
  notes: VisibleNoteResponse[];
  goals: GoalResponse[];
  actions: ActionResponse[];
  keyDates: KeyDateResponse[];
  obstacles: ObstacleResponse[];
  chronology: Chronology;
  /** The priority history (current assessment first) and the practitioner's judgements. */
  assessments: AssessmentListResponse;
  /** Owner, specialists, allocated hours, estimated effort and the resources check. */
  resources: CaseResourcesResponse;
  /** Referrals, sharing records, shares, specialists and handovers, newest first. */
  exchange: InformationExchangeResponse;
  /** The case's financial outcomes, and whether the organisation records them. */
  financialOutcomes: FinancialOutcomeListResponse;
  /** The case's weight, how it is made, and the manual complexity factors one may tick. */
  weight: CaseWeightResponse;
}

/** Loads the case and its records in parallel. @throws ApiError (CASE_NOT_FOUND when it is not yours to see) */
export async function loadCaseData(api: ApiClient, caseId: string): Promise<CaseData> {
  const [
    kase,
    notes,
    goals,
    actions,
    keyDates,
    obstacles,
    chronology,
    assessments,
    resources,
    exchange,
    financialOutcomes,
    weight,
  ] = await Promise.all([
    recordsApi.getCase(api, caseId),
    recordsApi.caseNotes(api, caseId),
    recordsApi.goals(api, caseId),
    recordsApi.actions(api, caseId),
    recordsApi.keyDates(api, caseId),
    recordsApi.obstacles(api, caseId),
    recordsApi.chronology(api, caseId),
    priorityApi.assessments(api, caseId),
    priorityApi.resources(api, caseId),
    exchangeApi.informationExchange(api, caseId),
    exchangeApi.financialOutcomes(api, caseId),
    capacityApi.caseWeight(api, caseId),
  ]);
  return {
    kase,
    notes: notes.notes,
    goals: goals.goals,
    actions: actions.actions,
    keyDates: keyDates.keyDates,
    obstacles: obstacles.obstacles,
    chronology,
    assessments,
    resources,
    exchange,
    financialOutcomes,
    weight,
  };
}

/** What every section of the case page gets. */
export interface SectionProps {
  api: ApiClient;
  data: CaseData;
  /** Load the case again (after a change), then say what happened in the page's status region. */
  changed: (message: string) => void;
}
