import {
  type LoginRequest,
  type SessionResponse,
  sessionResponseSchema,
  totpEnrolConfirmResponseSchema,
  totpEnrolmentSchema,
} from '../contract/auth.ts';
import type { ApiClient } from './api-client.ts';

export type Session = SessionResponse;
export type SessionStage = Session['stage'];

/** The calls the sign-in journey makes. Each throws ApiError with the server's problem details. */
export const authApi = {
  /** The current session, or ApiError 401 UNAUTHENTICATED when nobody is signed in. */
  session: (api: ApiClient) =>
    api.get('/api/auth/session', sessionResponseSchema, { expectUnauthenticated: true }),

  /** @throws ApiError INVALID_CREDENTIALS, ACCOUNT_THROTTLED, ACCOUNT_LOCKED, VALIDATION_FAILED */
  login: (api: ApiClient, body: LoginRequest) => api.post('/api/auth/login', sessionResponseSchema, { body }),

  /** @throws ApiError INVALID_TOTP, ACCOUNT_THROTTLED, ACCOUNT_LOCKED, VALIDATION_FAILED */
  loginTotp: (api: ApiClient, code: string) =>
    api.post('/api/auth/login/totp', sessionResponseSchema, { body: { code } }),

  /** A new authenticator secret (replacing any unconfirmed one) with its QR code. */
  startEnrolment: (api: ApiClient) => api.post('/api/auth/totp/enrol', totpEnrolmentSchema),

  /** @throws ApiError INVALID_TOTP, VALIDATION_FAILED */
  confirmEnrolment: (api: ApiClient, code: string) =>
    api.post('/api/auth/totp/enrol/confirm', totpEnrolConfirmResponseSchema, { body: { code } }),

  /** 401 means the session had already ended: the caller treats that as signed out. */
  logout: (api: ApiClient) => api.postNoContent('/api/auth/logout', { expectUnauthenticated: true }),
};
