/** The calls of the Reviews, review session and Reflective log pages; each throws ApiError with the server's problem details. */
import { actionSchema } from '../../contract/actions.ts';
import {
  type CreateReflectionRequest,
  reflectionListSchema,
  reflectionSchema,
  type UpdateReflectionRequest,
} from '../../contract/reflections.ts';
import {
  type CompleteReviewRequest,
  type ImprovementRequest,
  reviewComparisonSchema,
  reviewListSchema,
  reviewScheduleListSchema,
  reviewScheduleSchema,
  reviewSchema,
  type SetReviewScheduleRequest,
  type UpdateReviewCaseRequest,
} from '../../contract/reviews.ts';
import { worklistSchema } from '../../contract/worklist.ts';
import type { ApiClient } from '../api-client.ts';

const review = (id: string) => `/api/reviews/${encodeURIComponent(id)}`;

export const reviewsApi = {
  schedules: (api: ApiClient) => api.get('/api/review-schedules', reviewScheduleListSchema),
  /** @throws ApiError VALIDATION_FAILED (cadenceWeeks, nextDueOn), FORBIDDEN */
  setSchedule: (api: ApiClient, practitionerId: string, body: SetReviewScheduleRequest) =>
    api.put(`/api/review-schedules/${encodeURIComponent(practitionerId)}`, reviewScheduleSchema, { body }),
  list: (api: ApiClient) => api.get('/api/reviews', reviewListSchema),
  /** @throws ApiError FORBIDDEN, CONFLICT (one in progress) */
  start: (api: ApiClient, practitionerId: string) =>
    api.post('/api/reviews', reviewSchema, { body: { practitionerId } }),
  get: (api: ApiClient, id: string) => api.get(review(id), reviewSchema),
  pdfUrl: (id: string) => `${review(id)}/pdf`,
  compare: (api: ApiClient, from: string, to: string) =>
    api.get(
      `/api/reviews/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
      reviewComparisonSchema,
    ),
  /** @throws ApiError VALIDATION_FAILED (decision, obstacles), CONFLICT (completed) */
  updateCase: (api: ApiClient, id: string, caseId: string, body: UpdateReviewCaseRequest) =>
    api.patch(`${review(id)}/cases/${encodeURIComponent(caseId)}`, reviewSchema, { body }),
  addCase: (api: ApiClient, id: string, caseId: string) =>
    api.post(`${review(id)}/cases`, reviewSchema, { body: { caseId } }),
  /** @throws ApiError VALIDATION_FAILED (description, ownerName, dueDate…) */
  agreeImprovement: (api: ApiClient, id: string, body: ImprovementRequest) =>
    api.post(`${review(id)}/improvements`, actionSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (summary, nextReviewOn) */
  complete: (api: ApiClient, id: string, body: CompleteReviewRequest) =>
    api.post(`${review(id)}/complete`, reviewSchema, { body }),
  shareReflection: (api: ApiClient, id: string, reflectionId: string) =>
    api.post(`${review(id)}/reflections`, reviewSchema, { body: { reflectionId } }),
  /** The practitioner's open and on-hold cases (to add one to the review). */
  casesOf: (api: ApiClient, userId: string) =>
    api.get(`/api/worklist?scope=user&userId=${encodeURIComponent(userId)}`, worklistSchema),
  reflections: (api: ApiClient) => api.get('/api/reflections', reflectionListSchema),
  /** @throws ApiError VALIDATION_FAILED (title, occurredOn, the headings) */
  createReflection: (api: ApiClient, body: CreateReflectionRequest) =>
    api.post('/api/reflections', reflectionSchema, { body }),
  updateReflection: (api: ApiClient, id: string, body: UpdateReflectionRequest) =>
    api.patch(`/api/reflections/${encodeURIComponent(id)}`, reflectionSchema, { body }),
};
