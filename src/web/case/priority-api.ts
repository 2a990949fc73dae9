/**
 * The calls of the case page's priority and resources panels, each with the contract schema of its
 * answer. Every call throws ApiError with the server's problem details.
 */
import {
  type AssessCaseRequest,
  assessmentListSchema,
  assessmentSchema,
} from '../../contract/assessments.ts';
import { caseColleaguesSchema } from '../../contract/notifications.ts';
import {
  type AddSpecialistRequest,
  caseResourcesSchema,
  specialistSchema,
  type UpdateResourcesRequest,
} from '../../contract/resources.ts';
import type { ApiClient } from '../api-client.ts';

const q = encodeURIComponent;
const caseUrl = (caseId: string, rest: string) => `/api/cases/${q(caseId)}/${rest}`;

export const priorityApi = {
  assessments: (api: ApiClient, caseId: string) =>
    api.get(caseUrl(caseId, 'assessments'), assessmentListSchema),
  /** @throws ApiError VALIDATION_FAILED (rationale, override.band, override.rationale), INVALID_STATUS_CHANGE */
  assess: (api: ApiClient, caseId: string, body: AssessCaseRequest) =>
    api.post(caseUrl(caseId, 'assessments'), assessmentListSchema, { body }),
  preview: (api: ApiClient, caseId: string, body: Pick<AssessCaseRequest, 'vulnerability' | 'impact'>) =>
    api.post(caseUrl(caseId, 'assessments/preview'), assessmentSchema, { body }),

  resources: (api: ApiClient, caseId: string) => api.get(caseUrl(caseId, 'resources'), caseResourcesSchema),
  /** @throws ApiError VALIDATION_FAILED (allocatedHours, estimatedEffortHours) */
  setResources: (api: ApiClient, caseId: string, body: UpdateResourcesRequest) =>
    api.put(caseUrl(caseId, 'resources'), caseResourcesSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (userId, role, hours), USER_NOT_FOUND, CONFLICT */
  addSpecialist: (api: ApiClient, caseId: string, body: AddSpecialistRequest) =>
    api.post(caseUrl(caseId, 'specialists'), specialistSchema, { body }),
  removeSpecialist: (api: ApiClient, caseId: string, specialistId: string) =>
    api.post(caseUrl(caseId, `specialists/${q(specialistId)}/remove`), specialistSchema),
  /** Active people of the organisation (without you), to choose a specialist from. */
  colleagues: (api: ApiClient, caseId: string) =>
    api.get(caseUrl(caseId, 'colleagues'), caseColleaguesSchema),
};
