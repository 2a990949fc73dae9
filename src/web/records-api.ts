/**
 * The case-record calls the pages make, each with the contract schema of its answer. Every call
 * throws ApiError with the server's problem details.
 */
import type { z } from 'zod';
import { actionListSchema, actionSchema, type CreateActionRequest } from '../contract/actions.ts';
import { caseTypeListSchema } from '../contract/case-types.ts';
import {
  type CaseListResponse,
  type ChangeCaseStatusRequest,
  caseFlagSchema,
  caseListSchema,
  caseSchema,
  type OpenCaseRequest,
  type RaiseFlagRequest,
} from '../contract/cases.ts';
import { chronologySchema } from '../contract/chronology.ts';
import { type CreateClientRequest, clientLookupSchema, clientSchema } from '../contract/clients.ts';
import {
  type CreateGoalRequest,
  type GoalResultRequest,
  goalListSchema,
  goalSchema,
} from '../contract/goals.ts';
import {
  type CreateKeyDateRequest,
  type KeyDateStatusRequest,
  keyDateListSchema,
  keyDateSchema,
} from '../contract/key-dates.ts';
import {
  type AmendNoteRequest,
  type ClarityHintsRequest,
  type CreateNoteRequest,
  caseNoteListSchema,
  clarityHintListSchema,
  draftListSchema,
  noteSchema,
  type UpdateNoteRequest,
  visibleNoteSchema,
} from '../contract/notes.ts';
import { type CreateObstacleRequest, obstacleListSchema, obstacleSchema } from '../contract/obstacles.ts';
import { searchResultsSchema } from '../contract/search.ts';
import { userSchema } from '../contract/users.ts';
import type { ApiClient } from './api-client.ts';

const q = encodeURIComponent;

export type SearchResults = z.infer<typeof searchResultsSchema>;
export type Chronology = z.infer<typeof chronologySchema>;
export type CaseScope = 'mine' | 'team';

export const recordsApi = {
  // Clients and cases.
  /** @throws ApiError POSSIBLE_DUPLICATE_CLIENT (409; body: matches, otherMatches), VALIDATION_FAILED */
  createClient: (api: ApiClient, body: CreateClientRequest) =>
    api.post('/api/clients', clientSchema, { body }),
  getClient: (api: ApiClient, id: string) => api.get(`/api/clients/${q(id)}`, clientSchema),
  lookUpClients: (api: ApiClient, text: string) => api.get(`/api/clients?q=${q(text)}`, clientLookupSchema),
  caseTypes: (api: ApiClient) => api.get('/api/case-types', caseTypeListSchema),
  /** The signed-in person with their teams (anyone may read themself). */
  me: (api: ApiClient, userId: string) => api.get(`/api/users/${q(userId)}`, userSchema),
  /** @throws ApiError VALIDATION_FAILED (teamId when the owner has several teams), CLIENT_NOT_FOUND… */
  openCase: (api: ApiClient, body: OpenCaseRequest) => api.post('/api/cases', caseSchema, { body }),
  listCases: (api: ApiClient, scope: CaseScope): Promise<CaseListResponse> =>
    api.get(`/api/cases?scope=${scope}&status=open`, caseListSchema),
  getCase: (api: ApiClient, id: string) => api.get(`/api/cases/${q(id)}`, caseSchema),
  changeStatus: (api: ApiClient, id: string, body: ChangeCaseStatusRequest) =>
    api.post(`/api/cases/${q(id)}/status`, caseSchema, { body }),
  raiseFlag: (api: ApiClient, id: string, body: RaiseFlagRequest) =>
    api.post(`/api/cases/${q(id)}/flags`, caseFlagSchema, { body }),
  resolveFlag: (api: ApiClient, id: string, flagId: string, resolution: string) =>
    api.post(`/api/cases/${q(id)}/flags/${q(flagId)}/resolve`, caseFlagSchema, { body: { resolution } }),
  chronology: (api: ApiClient, id: string) => api.get(`/api/cases/${q(id)}/chronology`, chronologySchema),

  // Goals, actions, key dates, obstacles.
  goals: (api: ApiClient, caseId: string) => api.get(`/api/cases/${q(caseId)}/goals`, goalListSchema),
  addGoal: (api: ApiClient, caseId: string, body: CreateGoalRequest) =>
    api.post(`/api/cases/${q(caseId)}/goals`, goalSchema, { body }),
  goalProgress: (api: ApiClient, id: string, text: string) =>
    api.post(`/api/goals/${q(id)}/progress`, goalSchema, { body: { text } }),
  goalResult: (api: ApiClient, id: string, body: GoalResultRequest) =>
    api.post(`/api/goals/${q(id)}/result`, goalSchema, { body }),
  actions: (api: ApiClient, caseId: string) => api.get(`/api/cases/${q(caseId)}/actions`, actionListSchema),
  addAction: (api: ApiClient, caseId: string, body: CreateActionRequest) =>
    api.post(`/api/cases/${q(caseId)}/actions`, actionSchema, { body }),
  completeAction: (api: ApiClient, id: string, result: string) =>
    api.post(`/api/actions/${q(id)}/complete`, actionSchema, { body: { result } }),
  keyDates: (api: ApiClient, caseId: string) =>
    api.get(`/api/cases/${q(caseId)}/key-dates`, keyDateListSchema),
  addKeyDate: (api: ApiClient, caseId: string, body: CreateKeyDateRequest) =>
    api.post(`/api/cases/${q(caseId)}/key-dates`, keyDateSchema, { body }),
  keyDateStatus: (api: ApiClient, id: string, body: KeyDateStatusRequest) =>
    api.post(`/api/key-dates/${q(id)}/status`, keyDateSchema, { body }),
  obstacles: (api: ApiClient, caseId: string) =>
    api.get(`/api/cases/${q(caseId)}/obstacles`, obstacleListSchema),
  addObstacle: (api: ApiClient, caseId: string, body: CreateObstacleRequest) =>
    api.post(`/api/cases/${q(caseId)}/obstacles`, obstacleSchema, { body }),
  resolveObstacle: (api: ApiClient, id: string, resolution: string) =>
    api.post(`/api/obstacles/${q(id)}/resolve`, obstacleSchema, { body: { resolution } }),

  // Notes.
  caseNotes: (api: ApiClient, caseId: string) => api.get(`/api/cases/${q(caseId)}/notes`, caseNoteListSchema),
  myDrafts: (api: ApiClient) => api.get('/api/notes/drafts', draftListSchema),
  getNote: (api: ApiClient, id: string) => api.get(`/api/notes/${q(id)}`, visibleNoteSchema),
  createDraft: (api: ApiClient, caseId: string, body: CreateNoteRequest) =>
    api.post(`/api/cases/${q(caseId)}/notes`, noteSchema, { body }),
  updateDraft: (api: ApiClient, id: string, body: UpdateNoteRequest) =>
    api.patch(`/api/notes/${q(id)}`, noteSchema, { body }),
  deleteDraft: (api: ApiClient, id: string) => api.delete(`/api/notes/${q(id)}`),
  /** @throws ApiError NOTE_EMPTY (field facts), NOTE_IMMUTABLE */
  fileNote: (api: ApiClient, id: string) => api.post(`/api/notes/${q(id)}/file`, noteSchema),
  amendNote: (api: ApiClient, id: string, body: AmendNoteRequest) =>
    api.post(`/api/notes/${q(id)}/amendments`, noteSchema, { body }),
  clarityHints: (api: ApiClient, body: ClarityHintsRequest) =>
    api.post('/api/notes/clarity-hints', clarityHintListSchema, { body }),

  search: (api: ApiClient, text: string) => api.get(`/api/search?q=${q(text)}`, searchResultsSchema),
};
