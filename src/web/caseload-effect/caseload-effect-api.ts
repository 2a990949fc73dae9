/** The caseload-effect calls of the "Caseload health" page; each throws ApiError with the server's problem details. */
import {
  type CaseloadEffectResponse,
  type CaseloadWhatIfRequest,
  type CaseloadWhatIfResponse,
  caseloadEffectResponseSchema,
  caseloadWhatIfResponseSchema,
} from '../../contract/caseload.ts';
import { teamListSchema } from '../../contract/teams.ts';
import type { ApiClient } from '../api-client.ts';

export type CaseloadEffect = CaseloadEffectResponse;
export type WhatIfResult = CaseloadWhatIfResponse;

export const caseloadEffectApi = {
  /** @throws ApiError FORBIDDEN (not yours, nor a member of a team you supervise) */
  effect: (api: ApiClient, userId: string | null) =>
    api.get(
      `/api/caseload/effect${userId ? `?userId=${encodeURIComponent(userId)}` : ''}`,
      caseloadEffectResponseSchema,
    ),
  /** @throws ApiError VALIDATION_FAILED (fields `change.*`), FORBIDDEN */
  whatIf: (api: ApiClient, body: CaseloadWhatIfRequest) =>
    api.post('/api/caseload/what-if', caseloadWhatIfResponseSchema, { body }),
  teams: (api: ApiClient) => api.get('/api/teams', teamListSchema),
};
