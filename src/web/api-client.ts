import { z } from 'zod';
import { type Problem, problemSchema } from '../contract/common.ts';

/** A problem-details body, with the extra facts some codes carry (ACCOUNT_THROTTLED: retryAfterSeconds). */
export type ApiProblem = Problem & { retryAfterSeconds?: number | undefined };

const apiProblemSchema = problemSchema.extend({ retryAfterSeconds: z.number().optional() });

/** Codes the client makes up itself when the server gave no problem-details body. */
export const CLIENT_CODES = {
  NETWORK_ERROR: 'Caseload could not reach the server. Check your connection and try again.',
  UNEXPECTED_RESPONSE: 'The server sent a response Caseload did not expect. Try again in a moment.',
} as const;

/** A failed API call: carries the server's problem details (or one the client made up). */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly problem: ApiProblem;
  /** The whole problem body as the server sent it, with any extra members a code carries (e.g. matches). */
  readonly body: unknown;
  /** True when the client already acted on the error (a 401 sent the person back to sign in). */
  handled = false;

  constructor(problem: ApiProblem, body: unknown = problem) {
    super(problem.detail);
    this.problem = problem;
    this.body = body;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }
}

export interface ApiClientOptions {
  /** Called when any call (except those marked `expectUnauthenticated`) answers 401 UNAUTHENTICATED. */
  onUnauthenticated?: (problem: ApiProblem) => void;
  fetch?: typeof fetch;
}

export interface RequestOptions {
  body?: unknown;
  /** The caller expects a 401 (the first session check) and handles it itself. */
  expectUnauthenticated?: boolean;
}

export interface ApiClient {
  /** GET and parse the JSON response with `schema`. @throws ApiError */
  get<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** POST (with the CSRF header) and parse the JSON response with `schema`. @throws ApiError */
  post<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** POST (with the CSRF header) expecting no content back. @throws ApiError */
  postNoContent(path: string, options?: RequestOptions): Promise<void>;
  /** PATCH (with the CSRF header) and parse the JSON response with `schema`. @throws ApiError */
  patch<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** PUT (with the CSRF header) and parse the JSON response with `schema`. @throws ApiError */
  put<S extends z.ZodType>(path: string, schema: S, options?: RequestOptions): Promise<z.output<S>>;
  /** DELETE (with the CSRF header) expecting no content back. @throws ApiError */
  delete(path: string, options?: RequestOptions): Promise<void>;
  /** Keep the session's anti-forgery token; every non-GET request sends it as `x-csrf-token`. */
  setCsrfToken(token: string | null): void;
}

const clientProblem = (code: keyof typeof CLIENT_CODES, status: number): ApiProblem => ({
  type: 'about:blank',
  title: code === 'NETWORK_ERROR' ? 'Network error' : 'Unexpected response',
  status,
  code,
  detail: CLIENT_CODES[code],
});

async function readProblem(response: Response): Promise<ApiError> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    const body: unknown = await response.json().catch(() => null);
    const parsed = apiProblemSchema.safeParse(body);
    if (parsed.success) return new ApiError(parsed.data, body);
  }
  return new ApiError(clientProblem('UNEXPECTED_RESPONSE', response.status));
}

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/**
 * A same-origin JSON client for the Caseload API. Errors arrive as application/problem+json and are
 * thrown as `ApiError`; network failures and unreadable answers become client-made problems.
 */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init));
  let csrfToken: string | null = null;

  async function send(method: Method, path: string, request: RequestOptions): Promise<Response> {
    const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
    let response: Response;
    try {
      response = await doFetch(path, {
        method,
        headers,
        credentials: 'same-origin',
        cache: 'no-store',
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
      });
    } catch {
      throw new ApiError(clientProblem('NETWORK_ERROR', 0));
    }
    if (response.ok) return response;
    const error = await readProblem(response);
    if (error.status === 401 && error.code === 'UNAUTHENTICATED' && !request.expectUnauthenticated) {
      csrfToken = null;
      error.handled = Boolean(options.onUnauthenticated);
      options.onUnauthenticated?.(error.problem);
    }
    throw error;
  }

  async function parse<S extends z.ZodType>(response: Response, schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(await response.json().catch(() => undefined));
    if (!parsed.success) throw new ApiError(clientProblem('UNEXPECTED_RESPONSE', response.status));
    return parsed.data;
  }

  return {
    async get(path, schema, request = {}) {
      return parse(await send('GET', path, request), schema);
    },
    async post(path, schema, request = {}) {
      return parse(await send('POST', path, request), schema);
    },
    async postNoContent(path, request = {}) {
      await send('POST', path, request);
    },
    async patch(path, schema, request = {}) {
      return parse(await send('PATCH', path, request), schema);
    },
    async put(path, schema, request = {}) {
      return parse(await send('PUT', path, request), schema);
    },
    async delete(path, request = {}) {
      await send('DELETE', path, request);
    },
    setCsrfToken(token) {
      csrfToken = token;
    },
  };
}

/** Field errors of a problem, first message per field (`errors[]`, else `field` with `detail`). */
export function fieldErrorsOf(problem: ApiProblem): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const { field, message } of problem.errors ?? []) fields[field] ??= message;
  if (problem.field && !fields[problem.field]) fields[problem.field] = problem.detail;
  return fields;
}
