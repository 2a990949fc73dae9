/**
 * HTTP as the bench sends it: an undici Pool of keep-alive connections per server, sign-in through
 * the real API (session cookie + anti-forgery token), and requests that count anything but the
 * expected status as an error.
 */
import { Pool } from 'undici';
import type { Outcome } from './load.ts';

export interface Session {
  readonly cookie: string;
  readonly csrfToken: string;
}

export interface HttpClient {
  readonly pool: Pool;
  close(): Promise<void>;
}

/** A pool of `connections` keep-alive connections to `base` (pipelining off, as browsers do). */
export function httpClient(base: string, connections = 32): HttpClient {
  const pool = new Pool(base, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  return { pool, close: () => pool.close() };
}

interface Answer {
  status: number;
  body: string;
  setCookie: string[];
}

async function send(
  client: HttpClient,
  method: 'GET' | 'POST',
  path: string,
  session: Session | null,
  body?: object,
): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (session) {
    headers.cookie = session.cookie;
    headers['x-csrf-token'] = session.csrfToken;
  }
  if (body) headers['content-type'] = 'application/json';
  const res = await client.pool.request({
    method,
    path,
    headers,
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const raw = res.headers['set-cookie'];
  return {
    status: res.statusCode,
    body: await res.body.text(),
    setCookie: Array.isArray(raw) ? raw : raw ? [raw] : [],
  };
}

/**
 * Signs in with email and password (an adviser: no second factor).
 * @throws when the sign-in fails or asks for a second factor
 */
export async function signIn(client: HttpClient, email: string, password: string): Promise<Session> {
  const res = await send(client, 'POST', '/api/auth/login', null, { email, password });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${res.body}`);
  const body = JSON.parse(res.body) as { stage: 'full' | 'totp' | 'enrol'; csrfToken: string };
  if (body.stage !== 'full') throw new Error(`${email} needs a second factor (stage ${body.stage})`);
  const cookie = res.setCookie.find((c) => /^(__Host-)?caseload=/.test(c))?.split(';')[0];
  if (!cookie) throw new Error(`no session cookie after signing in as ${email}`);
  return { cookie, csrfToken: body.csrfToken };
}

/** A GET that must answer 200; the body (JSON) goes to `check` when given. */
export async function getJson<T>(client: HttpClient, path: string, session: Session | null): Promise<T> {
  const res = await send(client, 'GET', path, session);
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${res.body.slice(0, 300)}`);
  return JSON.parse(res.body) as T;
}

/** A POST that must answer `expected`; answers the parsed body. */
export async function postJson<T>(
  client: HttpClient,
  path: string,
  session: Session,
  body: object | undefined,
  expected: number,
): Promise<T> {
  const res = await send(client, 'POST', path, session, body ?? {});
  if (res.status !== expected) throw new HttpError(res.status, `POST ${path}: ${res.status} ${res.body}`);
  return JSON.parse(res.body) as T;
}

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** A GET as one load-test operation: 200 is ok, any other status an error named by it. */
export function getOperation(
  client: HttpClient,
  path: string | ((i: number) => string),
  session: Session | null,
) {
  return async (i: number): Promise<Outcome> => {
    const res = await client.pool.request({
      method: 'GET',
      path: typeof path === 'string' ? path : path(i),
      headers: session ? { cookie: session.cookie } : {},
    });
    await res.body.arrayBuffer();
    return res.statusCode === 200 ? { ok: true } : { ok: false, error: `HTTP ${res.statusCode}` };
  };
}

/** Turns a thrown HttpError into an outcome named by its status. */
export function outcomeOf(error: unknown): Outcome {
  if (error instanceof HttpError) return { ok: false, error: `HTTP ${error.status}` };
  return { ok: false, error: (error as NodeJS.ErrnoException).code ?? (error as Error).name };
}
