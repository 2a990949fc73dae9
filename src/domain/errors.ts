/**
 * One error type for everything a caller can get wrong or is refused. Each code is documented
 * here and in README "Error codes"; src/api maps codes to HTTP statuses. No HTTP in here.
 */
export const ERROR_CODES = {
  VALIDATION_FAILED: 'The request has missing or invalid fields.',
  UNAUTHENTICATED: 'You are not signed in, or your session has ended.',
  INVALID_CREDENTIALS: 'The email address or password is not right.',
  INVALID_TOTP: 'The code from the authenticator app (or the recovery code) is not right.',
  ACCOUNT_THROTTLED: 'Too many failed sign-ins: wait before trying again.',
  ACCOUNT_LOCKED: 'This account is locked after too many failed sign-ins: an administrator must unlock it.',
  MFA_REQUIRED: 'Finish signing in with your second factor first.',
  CSRF_FAILED: 'The request did not carry this session’s anti-forgery token.',
  FORBIDDEN: 'You do not have access to this.',
  NOT_FOUND: 'There is nothing here.',
  USER_NOT_FOUND: 'There is no such user in your organisation.',
  TEAM_NOT_FOUND: 'There is no such team in your organisation.',
  EMAIL_TAKEN: 'An account with this email address already exists.',
  TEAM_NAME_TAKEN: 'Your organisation already has a team with this name.',
  LAST_ADMIN: 'The organisation must keep at least one active administrator.',
  SELF_LOCKOUT:
    'You cannot disable your own account or remove your own admin role; ask another administrator.',
  WEAK_PASSWORD: 'Choose a stronger password.',
  CONFLICT: 'The request conflicts with the current state.',
  CASE_NOT_FOUND: 'There is no such case, or you do not have access to it.',
  CLIENT_NOT_FOUND: 'There is no such client, or you do not have access to them.',
  CASE_TYPE_NOT_FOUND: 'There is no such case type in your organisation.',
  CASE_TYPE_KEY_TAKEN: 'Your organisation already has a case type with this key.',
  CONSENT_NOT_FOUND: 'There is no such consent record for this client.',
  NOTE_NOT_FOUND: 'There is no such note, or you do not have access to it.',
  NOTE_IMMUTABLE: 'A filed note cannot be changed or deleted; record an amendment that names it instead.',
  NOTE_EMPTY: 'Write at least one of: facts, advice given, actions agreed.',
  GLOSSARY_TERM_NOT_FOUND: 'There is no such abbreviation in your organisation’s glossary.',
  GOAL_NOT_FOUND: 'There is no such goal on this case.',
  ACTION_NOT_FOUND: 'There is no such action on this case.',
  OBSTACLE_NOT_FOUND: 'There is no such obstacle on this case.',
  REVIEW_NOT_FOUND: 'There is no such caseload review, or you do not have access to it.',
  REFLECTION_NOT_FOUND: 'There is no such entry in your reflective log.',
  KEY_DATE_NOT_FOUND: 'There is no such key date on this case.',
  DOCUMENT_NOT_FOUND: 'There is no such document, or you do not have access to it.',
  DOCUMENT_TOO_LARGE: 'The file is larger than the upload limit.',
  DOCUMENT_TYPE_NOT_ALLOWED: 'Files of this type cannot be attached.',
  POSSIBLE_DUPLICATE_CLIENT: 'A client with the same name and date of birth exists already.',
  INVALID_STATUS_CHANGE: 'The case cannot move to that status from its current one.',
  FLAG_NOT_FOUND: 'There is no such flag on this case.',
  SHARE_NOT_FOUND: 'There is no such share of this case.',
  SPECIALIST_NOT_FOUND: 'There is no such specialist on this case.',
  CONSENT_REQUIRED:
    'The client has no live consent to this referral: record their consent, or a lawful basis and your rationale for sharing without it.',
  REFERRAL_NOT_FOUND: 'There is no such referral, or you do not have access to its case.',
  HANDOVER_NOT_FOUND: 'There is no such handover, or you do not have access to its case.',
  OUTCOME_TYPE_NOT_FOUND: 'There is no such outcome in your organisation’s outcome list.',
  OUTCOME_TYPE_KEY_TAKEN: 'Your organisation’s outcome list already has an outcome with this key.',
  FINANCIAL_OUTCOMES_NOT_RECORDED: 'Your organisation does not record financial outcomes.',
  TIME_LIMIT_TEMPLATE_NOT_FOUND:
    'There is no such time-limit template in your organisation (or it is inactive).',
  TIME_LIMIT_TEMPLATE_KEY_TAKEN: 'Your organisation already has a time-limit template with this key.',
  RATE_LIMITED: 'Too many requests: slow down and try again shortly.',
  PAYLOAD_TOO_LARGE: 'The request body is too large.',
  UNSUPPORTED_MEDIA_TYPE: 'Send the request body as application/json.',
  DATABASE_UNAVAILABLE: 'The database is not reachable; try again shortly.',
  INTERNAL: 'Something went wrong on our side; it has been logged.',
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface FieldError {
  readonly field: string;
  readonly message: string;
}

export class AppError extends Error {
  override name = 'AppError';
  readonly code: ErrorCode;
  readonly fields: readonly FieldError[];
  /** Extra machine-readable facts for the response (e.g. retryAfterSeconds). */
  readonly extra: Readonly<Record<string, unknown>>;

  constructor(
    code: ErrorCode,
    detail?: string,
    options: { fields?: readonly FieldError[]; extra?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(detail ?? ERROR_CODES[code], { cause: options.cause });
    this.code = code;
    this.fields = options.fields ?? [];
    this.extra = options.extra ?? {};
  }

  /** A validation problem on one field. */
  static field(field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): AppError {
    return new AppError(code, message, { fields: [{ field, message }] });
  }
}
