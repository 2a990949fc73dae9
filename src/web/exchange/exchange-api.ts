/**
 * The calls of the case page's information exchange (handovers, referrals, sharing records),
 * reassignment with a handover note, and outcomes (the list, financial outcomes, the report). Every
 * call throws ApiError with the server's problem details.
 */
import { caseSchema, type UpdateCaseRequest } from '../../contract/cases.ts';
import {
  type CreateReferralRequest,
  type CreateSharingRecordRequest,
  handoverSchema,
  informationExchangeSchema,
  referralSchema,
  sharingRecordSchema,
  type UpdateReferralRequest,
} from '../../contract/exchange.ts';
import {
  type CreateOutcomeTypeRequest,
  type FinancialOutcomeInput,
  financialOutcomeListSchema,
  financialOutcomeSchema,
  outcomeReportSchema,
  outcomeTypeListSchema,
  outcomeTypeSchema,
  type UpdateOutcomeTypeRequest,
} from '../../contract/outcomes.ts';
import type { ApiClient } from '../api-client.ts';

const q = encodeURIComponent;
const caseUrl = (caseId: string, rest: string) => `/api/cases/${q(caseId)}/${rest}`;

export interface OutcomeReportParams {
  from: string;
  to: string;
  scope: 'mine' | 'user' | 'team';
  userId?: string | undefined;
  teamId?: string | undefined;
}

/** The query string of an outcome report (also the CSV link's). */
export function outcomeReportQuery(p: OutcomeReportParams, format?: 'csv'): string {
  const params = new URLSearchParams({ from: p.from, to: p.to, scope: p.scope });
  if (p.scope === 'user' && p.userId) params.set('userId', p.userId);
  if (p.scope === 'team' && p.teamId) params.set('teamId', p.teamId);
  if (format) params.set('format', format);
  return params.toString();
}

export const exchangeApi = {
  informationExchange: (api: ApiClient, caseId: string) =>
    api.get(caseUrl(caseId, 'information-exchange'), informationExchangeSchema),
  /** @throws ApiError CONSENT_REQUIRED (consentId), VALIDATION_FAILED (lawfulBasis, sharingRationale, informationShared…) */
  addReferral: (api: ApiClient, caseId: string, body: CreateReferralRequest) =>
    api.post(caseUrl(caseId, 'referrals'), referralSchema, { body }),
  /** @throws ApiError INVALID_STATUS_CHANGE (status) */
  updateReferral: (api: ApiClient, id: string, body: UpdateReferralRequest) =>
    api.patch(`/api/referrals/${q(id)}`, referralSchema, { body }),
  /** @throws ApiError VALIDATION_FAILED (lawfulBasis, consentId, decidedOn…) */
  addSharingRecord: (api: ApiClient, caseId: string, body: CreateSharingRecordRequest) =>
    api.post(caseUrl(caseId, 'sharing-records'), sharingRecordSchema, { body }),
  acknowledgeHandover: (api: ApiClient, id: string) =>
    api.post(`/api/handovers/${q(id)}/acknowledge`, handoverSchema),
  /** Reassign: @throws ApiError VALIDATION_FAILED (ownerId, handoverNote), FORBIDDEN */
  reassign: (api: ApiClient, caseId: string, body: UpdateCaseRequest) =>
    api.patch(`/api/cases/${q(caseId)}`, caseSchema, { body }),

  outcomeTypes: (api: ApiClient, all = false) =>
    api.get(`/api/outcome-types${all ? '?all=true' : ''}`, outcomeTypeListSchema),
  /** @throws ApiError OUTCOME_TYPE_KEY_TAKEN (key), VALIDATION_FAILED */
  addOutcomeType: (api: ApiClient, body: CreateOutcomeTypeRequest) =>
    api.post('/api/outcome-types', outcomeTypeSchema, { body }),
  /** @throws ApiError CONFLICT (active: the last one in use) */
  updateOutcomeType: (api: ApiClient, id: string, body: UpdateOutcomeTypeRequest) =>
    api.patch(`/api/outcome-types/${q(id)}`, outcomeTypeSchema, { body }),
  financialOutcomes: (api: ApiClient, caseId: string) =>
    api.get(caseUrl(caseId, 'financial-outcomes'), financialOutcomeListSchema),
  /** @throws ApiError FINANCIAL_OUTCOMES_NOT_RECORDED, VALIDATION_FAILED */
  addFinancialOutcome: (api: ApiClient, caseId: string, body: FinancialOutcomeInput) =>
    api.post(caseUrl(caseId, 'financial-outcomes'), financialOutcomeSchema, { body }),
  /** @throws ApiError FORBIDDEN (someone else's outcomes without supervising them), VALIDATION_FAILED */
  outcomeReport: (api: ApiClient, params: OutcomeReportParams) =>
    api.get(`/api/outcome-report?${outcomeReportQuery(params)}`, outcomeReportSchema),
};
