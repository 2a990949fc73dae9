/** Builds the real app on a test database, and signs users in through the real API. */
import { afterAll } from 'vitest';
import { type App, buildApp } from '../src/api/app.ts';
import { loadConfig } from '../src/config.ts';
import { type Clock, systemClock } from '../src/services/context.ts';
import type { TestDatabase } from './db.ts';
import { totpCode } from './factories.ts';

/** CASELOAD_WEB_DIST passes through, so parallel work can build the web app into folders of its own. */
const webDist = process.env.CASELOAD_WEB_DIST ? { CASELOAD_WEB_DIST: process.env.CASELOAD_WEB_DIST } : {};

export const testConfig = (env: Record<string, string> = {}) =>
  loadConfig({ LOG_LEVEL: 'silent', CASELOAD_DATA_DIR: '/nonexistent-caseload-test', ...webDist, ...env });

/** A settable clock for tests of time-outs and back-off. */
export class TestClock implements Clock {
  constructor(private current = new Date()) {}
  now() {
    return new Date(this.current);
  }
  advance(ms: number) {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export async function buildTestApp(
  t: TestDatabase,
  opts: { env?: Record<string, string>; clock?: Clock } = {},
): Promise<App> {
  // Sign-in limits are counted in the database, shared by every app on it; each test app starts
  // with fresh windows, as a new server's would be (test/scale-out shows the sharing).
  await t.db.deleteFrom('rate_limit_hits').execute();
  const app = await buildApp(testConfig(opts.env), {
    db: t.db,
    dbKind: 'external',
    clock: opts.clock ?? systemClock,
  });
  afterAll(() => app.close());
  return app;
}

export interface SignedIn {
  /** The Cookie header to send. */
  cookie: string;
  csrfToken: string;
  stage: string;
}

/** Extracts `name=value` of the session cookie from a response. */
export function sessionCookieOf(setCookie: string | string[] | undefined): string {
  const list = Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : [];
  const found = list.find((c) => c.startsWith('__Host-caseload=') || c.startsWith('caseload='));
  if (!found) throw new Error(`no session cookie in ${JSON.stringify(list)}`);
  return found.split(';')[0] ?? '';
}

/** Signs in with password (and TOTP when the user has a secret; `clock`: the app's test clock). */
export async function signInAs(
  app: App,
  user: { email: string; password: string; totpSecret?: string | null },
  options: { clock?: Clock } = {},
): Promise<SignedIn> {
  const login = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { email: user.email, password: user.password },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  let cookie = sessionCookieOf(login.headers['set-cookie']);
  let body = login.json<{ stage: string; csrfToken: string }>();
  if (body.stage === 'totp' && user.totpSecret) {
    const step = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie, 'x-csrf-token': body.csrfToken },
      payload: { code: await totpCode(user.totpSecret, options.clock?.now()) },
    });
    if (step.statusCode !== 200) throw new Error(`totp failed: ${step.statusCode} ${step.body}`);
    cookie = sessionCookieOf(step.headers['set-cookie']);
    body = step.json();
  }
  return { cookie, csrfToken: body.csrfToken, stage: body.stage };
}

/** A request as a signed-in user: their cookie and the session's anti-forgery token. */
export function sendAs(
  app: App,
  session: SignedIn,
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  url: string,
  payload?: object,
) {
  return app.inject({
    method,
    url,
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken },
    ...(payload ? { payload } : {}),
  });
}
