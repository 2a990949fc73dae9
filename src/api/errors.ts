/**
 * The one error handler: every failure leaves as application/problem+json (RFC 9457) with
 * type, title, status, code, detail, and for validation the failing fields.
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '../contract/common.ts';
import { AppError, ERROR_CODES, type ErrorCode, type FieldError } from '../domain/errors.ts';

/** HTTP status of each error code. */
export const STATUS_OF: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  WEAK_PASSWORD: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  INVALID_TOTP: 401,
  MFA_REQUIRED: 401,
  CSRF_FAILED: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  USER_NOT_FOUND: 404,
  TEAM_NOT_FOUND: 404,
  EMAIL_TAKEN: 409,
  TEAM_NAME_TAKEN: 409,
  LAST_ADMIN: 409,
  SELF_LOCKOUT: 409,
  CONFLICT: 409,
  CASE_NOT_FOUND: 404,
  CLIENT_NOT_FOUND: 404,
  CASE_TYPE_NOT_FOUND: 404,
  CASE_TYPE_KEY_TAKEN: 409,
  CONSENT_NOT_FOUND: 404,
  NOTE_NOT_FOUND: 404,
  NOTE_IMMUTABLE: 409,
  NOTE_EMPTY: 400,
  GLOSSARY_TERM_NOT_FOUND: 404,
  GOAL_NOT_FOUND: 404,
  ACTION_NOT_FOUND: 404,
  OBSTACLE_NOT_FOUND: 404,
  REVIEW_NOT_FOUND: 404,
  REFLECTION_NOT_FOUND: 404,
  KEY_DATE_NOT_FOUND: 404,
  DOCUMENT_NOT_FOUND: 404,
  DOCUMENT_TOO_LARGE: 413,
  DOCUMENT_TYPE_NOT_ALLOWED: 415,
  POSSIBLE_DUPLICATE_CLIENT: 409,
  INVALID_STATUS_CHANGE: 409,
  FLAG_NOT_FOUND: 404,
  SHARE_NOT_FOUND: 404,
  SPECIALIST_NOT_FOUND: 404,
  CONSENT_REQUIRED: 400,
  REFERRAL_NOT_FOUND: 404,
  HANDOVER_NOT_FOUND: 404,
  OUTCOME_TYPE_NOT_FOUND: 404,
  OUTCOME_TYPE_KEY_TAKEN: 409,
  FINANCIAL_OUTCOMES_NOT_RECORDED: 409,
  TIME_LIMIT_TEMPLATE_NOT_FOUND: 404,
  TIME_LIMIT_TEMPLATE_KEY_TAKEN: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 423,
  ACCOUNT_THROTTLED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  DATABASE_UNAVAILABLE: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function problemOf(error: AppError, requestId?: string): Problem & Record<string, unknown> {
  const status = STATUS_OF[error.code];
  const first = error.fields[0];
  return {
    type: `/api/docs#error-${error.code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code: error.code,
    detail: error.message,
    ...(first ? { field: first.field, errors: [...error.fields] } : {}),
    ...error.extra,
    ...(requestId ? { requestId } : {}),
  };
}

export function sendProblem(reply: FastifyReply, error: AppError) {
  const problem = problemOf(error, String(reply.request.id));
  if (typeof error.extra.retryAfterSeconds === 'number') {
    void reply.header('retry-after', String(error.extra.retryAfterSeconds));
  }
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** Field name of a validation issue: body fields by name, query and params prefixed. */
function fieldName(context: string | undefined, path: string): string {
  const name = path.replace(/^\//, '').replaceAll('/', '.');
  if (!name) return context ?? 'body';
  return context === 'querystring' ? `query.${name}` : context === 'params' ? `params.${name}` : name;
}

const PG_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  '57P01',
  '57P02',
  '57P03',
  '08006',
  '08001',
  '53300',
]);

/** Turns anything thrown into an AppError. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  const e = error as FastifyError & { validationContext?: string; code?: string };
  if (hasZodFastifySchemaValidationErrors(e)) {
    const fields: FieldError[] = e.validation.flatMap((v) => {
      // An unknown key is named itself, so the person sees which field to remove.
      const keys = v.keyword === 'unrecognized_keys' ? ((v.params as { keys?: string[] }).keys ?? []) : [];
      if (keys.length > 0) {
        return keys.map((key) => ({
          field: fieldName(e.validationContext, `${v.instancePath.replace(/\/$/, '')}/${key}`),
          message: `"${key}" is not a field of this request; remove it`,
        }));
      }
      return [{ field: fieldName(e.validationContext, v.instancePath), message: v.message ?? 'is invalid' }];
    });
    const first = fields[0];
    const detail = first ? `${first.field}: ${first.message}` : ERROR_CODES.VALIDATION_FAILED;
    return new AppError('VALIDATION_FAILED', detail, { fields });
  }
  if (isResponseSerializationError(e)) return new AppError('INTERNAL', undefined, { cause: e });
  switch (e.code) {
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError('UNSUPPORTED_MEDIA_TYPE');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError('PAYLOAD_TOO_LARGE');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return AppError.field('body', 'The request body is empty; send a JSON object.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return AppError.field('body', 'The request body is not valid JSON.');
    case 'FST_ERR_VALIDATION':
      return AppError.field(e.validationContext ?? 'body', e.message);
  }
  if (e instanceof SyntaxError && e.statusCode === 400) {
    return AppError.field('body', 'The request body is not valid JSON.');
  }
  if (e.code && PG_UNAVAILABLE.has(e.code))
    return new AppError('DATABASE_UNAVAILABLE', undefined, { cause: e });
  if (e.statusCode === 429) return new AppError('RATE_LIMITED');
  if (e.statusCode === 404) return new AppError('NOT_FOUND');
  return new AppError('INTERNAL', undefined, { cause: e });
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const appError = toAppError(error);
  const status = STATUS_OF[appError.code];
  if (status >= 500) {
    request.log.error({ err: appError.cause ?? error, code: appError.code }, 'request failed');
  } else {
    request.log.info({ code: appError.code, status }, 'request refused');
  }
  return sendProblem(reply, appError);
}
