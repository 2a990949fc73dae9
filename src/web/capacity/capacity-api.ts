/**
 * The calls of the capacity pages (capacity, the case's weight, complexity factors, people's
 * capacity), each with the contract schema of its answer. Every call throws ApiError with the
 * server's problem details.
 */
import {
  type CapacityResponse,
  capacityResponseSchema,
  type ReallocationWhatIfRequest,
  type ReallocationWhatIfResponse,
  reallocationWhatIfSchema,
} from '../../contract/capacity.ts';
import { type UpdateUserRequest, userListSchema, userSchema } from '../../contract/users.ts';
import {
  type CreateComplexityFactorRequest,
  caseWeightSchema,
  complexityFactorListSchema,
  complexityFactorSchema,
  type UpdateComplexityFactorRequest,
} from '../../contract/weighting.ts';
import type { ApiClient } from '../api-client.ts';

export type Capacity = CapacityResponse;
export type Practitioner = CapacityResponse['practitioners'][number];
export type WhatIfResult = ReallocationWhatIfResponse;

const q = encodeURIComponent;

/** Whose capacity: the signed-in person's, one person's, a team's or every team the reader supervises. */
export type CapacityScope =
  | { kind: 'mine' }
  | { kind: 'user'; userId: string }
  | { kind: 'team'; teamId: string | null };

export const capacityQuery = (scope: CapacityScope): string =>
  scope.kind === 'mine'
    ? ''
    : scope.kind === 'user'
      ? `?scope=user&userId=${q(scope.userId)}`
      : `?scope=team${scope.teamId ? `&teamId=${q(scope.teamId)}` : ''}`;

export const capacityApi = {
  /** @throws ApiError FORBIDDEN (a person or team you do not supervise) */
  capacity: (api: ApiClient, scope: CapacityScope) =>
    api.get(`/api/capacity${capacityQuery(scope)}`, capacityResponseSchema),
  /** @throws ApiError VALIDATION_FAILED (caseId, toUserId), USER_NOT_FOUND, FORBIDDEN, CASE_NOT_FOUND */
  whatIf: (api: ApiClient, body: ReallocationWhatIfRequest) =>
    api.post('/api/capacity/reallocation-what-if', reallocationWhatIfSchema, { body }),

  caseWeight: (api: ApiClient, caseId: string) => api.get(`/api/cases/${q(caseId)}/weight`, caseWeightSchema),
  /** @throws ApiError VALIDATION_FAILED (factorIds) */
  setCaseFactors: (api: ApiClient, caseId: string, factorIds: readonly string[]) =>
    api.put(`/api/cases/${q(caseId)}/complexity-factors`, caseWeightSchema, {
      body: { factorIds: [...factorIds] },
    }),

  factors: (api: ApiClient) => api.get('/api/complexity-factors', complexityFactorListSchema),
  /** @throws ApiError VALIDATION_FAILED (key, label, multiplier, appliesWhen), CONFLICT (key) */
  createFactor: (api: ApiClient, body: CreateComplexityFactorRequest) =>
    api.post('/api/complexity-factors', complexityFactorSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (label, multiplier, appliesWhen), NOT_FOUND */
  updateFactor: (api: ApiClient, id: string, body: UpdateComplexityFactorRequest) =>
    api.patch(`/api/complexity-factors/${q(id)}`, complexityFactorSchema, { body }),

  users: (api: ApiClient) => api.get('/api/users', userListSchema),
  /** @throws ApiError VALIDATION_FAILED (capacityPoints, fte, weeklyCapacityHours) */
  updateUser: (api: ApiClient, id: string, body: UpdateUserRequest) =>
    api.patch(`/api/users/${q(id)}`, userSchema, { body }),
};
