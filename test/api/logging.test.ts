import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/api/app.ts';
import { systemClock } from '../../src/services/context.ts';
import { sessionCookieOf, testConfig } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertUser, TEST_PASSWORD } from '../factories.ts';

const t = setupTestDatabase();

describe('request logging', () => {
  it('logs each request by path and status, without credentials, query strings or personal data', async () => {
    const lines: string[] = [];
    const app = await buildApp(testConfig({ LOG_LEVEL: 'debug' }), {
      db: t.db,
      dbKind: 'external',
      clock: systemClock,
      logStream: { write: (line) => lines.push(line) },
    });
    const user = await insertUser(t.db, { email: 'jane.doe@example.org', displayName: 'Jane Doe' });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
    });
    const cookie = sessionCookieOf(ok.headers['set-cookie']);
    const csrf = ok.json().csrfToken as string;
    await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: user.email, password: 'wrong password here' },
    });
    await app.inject({
      method: 'GET',
      url: '/api/auth/session?search=Jane+Doe',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    await app.close();

    const log = lines.join('');
    expect(log).toContain('"path":"/api/auth/session"');
    expect(log).toContain('"statusCode":401');
    for (const secret of [
      'jane.doe@example.org',
      'Jane',
      TEST_PASSWORD,
      'wrong password here',
      cookie.split('=')[1] ?? '',
      csrf,
    ]) {
      expect(log).not.toContain(secret);
    }
  });
});
