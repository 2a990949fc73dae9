/** The file-review calls of the web app; each throws ApiError with the server's problem details. */
import {
  type CompleteFileReviewRequest,
  type CreateFileReviewItemRequest,
  correctiveActionListSchema,
  correctiveActionSchema,
  fileReviewItemListSchema,
  fileReviewItemSchema,
  fileReviewListSchema,
  fileReviewReportSchema,
  fileReviewSchema,
  type RaiseCorrectiveActionRequest,
  type SaveAnswersRequest,
  type SetSamplingRuleRequest,
  sampleResultSchema,
  samplingRuleSchema,
  type UpdateFileReviewItemRequest,
} from '../../contract/file-reviews.ts';
import type { ApiClient } from '../api-client.ts';

export const fileReviewsApi = {
  rule: (api: ApiClient) => api.get('/api/file-reviews/rule', samplingRuleSchema),
  /** @throws ApiError VALIDATION_FAILED (casesPerPractitioner, period, riskShare), FORBIDDEN */
  setRule: (api: ApiClient, body: SetSamplingRuleRequest) =>
    api.put('/api/file-reviews/rule', samplingRuleSchema, { body }),
  items: (api: ApiClient, all = false) =>
    api.get(`/api/file-review-items${all ? '?all=true' : ''}`, fileReviewItemListSchema),
  /** @throws ApiError VALIDATION_FAILED, CONFLICT (field key) */
  addItem: (api: ApiClient, body: CreateFileReviewItemRequest) =>
    api.post('/api/file-review-items', fileReviewItemSchema, { body }),
  updateItem: (api: ApiClient, id: string, body: UpdateFileReviewItemRequest) =>
    api.patch(`/api/file-review-items/${id}`, fileReviewItemSchema, { body }),
  list: (api: ApiClient, query: { period?: string }) =>
    api.get(
      `/api/file-reviews${query.period ? `?period=${encodeURIComponent(query.period)}` : ''}`,
      fileReviewListSchema,
    ),
  /** @throws ApiError FORBIDDEN, VALIDATION_FAILED (field period) */
  sample: (api: ApiClient, body: { period?: string }) =>
    api.post('/api/file-reviews/sample', sampleResultSchema, { body }),
  /** @throws ApiError NOT_FOUND */
  review: (api: ApiClient, id: string) => api.get(`/api/file-reviews/${id}`, fileReviewSchema),
  /** @throws ApiError VALIDATION_FAILED (answers.N.comment…), CONFLICT, FORBIDDEN */
  saveAnswers: (api: ApiClient, id: string, body: SaveAnswersRequest) =>
    api.put(`/api/file-reviews/${id}/answers`, fileReviewSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (items.<id>: unanswered), CONFLICT */
  complete: (api: ApiClient, id: string, body: CompleteFileReviewRequest) =>
    api.post(`/api/file-reviews/${id}/complete`, fileReviewSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (description, itemId, assignedTo) */
  raiseAction: (api: ApiClient, reviewId: string, body: RaiseCorrectiveActionRequest) =>
    api.post(`/api/file-reviews/${reviewId}/corrective-actions`, correctiveActionSchema, { body }),
  actions: (api: ApiClient) => api.get('/api/corrective-actions', correctiveActionListSchema),
  /** @throws ApiError VALIDATION_FAILED (note), FORBIDDEN, CONFLICT */
  markDone: (api: ApiClient, id: string, note: string) =>
    api.post(`/api/corrective-actions/${id}/done`, correctiveActionSchema, { body: { note } }),
  /** @throws ApiError VALIDATION_FAILED (note), FORBIDDEN, CONFLICT */
  verify: (api: ApiClient, id: string, note: string) =>
    api.post(`/api/corrective-actions/${id}/verify`, correctiveActionSchema, { body: { note } }),
  report: (api: ApiClient, year: number) =>
    api.get(`/api/file-reviews/report?year=${year}`, fileReviewReportSchema),
};

export const reportDownload = (year: number, format: 'csv' | 'pdf') =>
  `/api/file-reviews/report?year=${year}&format=${format}`;
