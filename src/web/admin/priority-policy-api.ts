/** The priority policy calls of the policy page; each throws ApiError with the server's problem details. */
import {
  type PriorityPolicyResponse,
  type PriorityPolicyVersionsResponse,
  priorityPolicyResponseSchema,
  priorityPolicyVersionsResponseSchema,
} from '../../contract/priority.ts';
import type { ApiClient } from '../api-client.ts';

export type PolicyVersion = PriorityPolicyResponse;
export type VersionSummary = PriorityPolicyVersionsResponse['versions'][number];

export const priorityPolicyApi = {
  current: (api: ApiClient) => api.get('/api/priority-policy', priorityPolicyResponseSchema),
  versions: (api: ApiClient) =>
    api.get('/api/priority-policy/versions', priorityPolicyVersionsResponseSchema),
  version: (api: ApiClient, version: number) =>
    api.get(`/api/priority-policy/versions/${version}`, priorityPolicyResponseSchema),
  /** @throws ApiError VALIDATION_FAILED (fields `policy.<path>`, `changeNote`), CONFLICT (nothing changed) */
  save: (api: ApiClient, body: { policy: unknown; changeNote: string }) =>
    api.put('/api/priority-policy', priorityPolicyResponseSchema, { body }),
};
