import { describe, expect, it } from 'vitest';
import { buildTestApp, sessionCookieOf, signInAs, TestClock } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertUser, TEST_PASSWORD, totpCode } from '../factories.ts';

const t = setupTestDatabase();

const login = (
  app: Awaited<ReturnType<typeof buildTestApp>>,
  email: string,
  password: string,
  headers = {},
) => app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, headers });

describe('sign-in with password', () => {
  it('signs an adviser in with a __Host- cookie that is HttpOnly, Secure on localhost and SameSite=Strict', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db, { roles: ['adviser'] });
    const res = await login(app, user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ stage: 'full', user: { id: user.id, roles: ['adviser'] } });
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-caseload=[A-Za-z0-9_-]{22};/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('Secure');
    expect(setCookie).toContain('SameSite=Strict');
    expect(setCookie).toContain('Path=/');
    const me = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: sessionCookieOf(res.headers['set-cookie']) },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.email).toBe(user.email);
  });

  it('gives the same answer for an unknown email, a wrong password and a disabled account', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const disabled = await insertUser(t.db, { status: 'disabled' });
    const answers = await Promise.all([
      login(app, 'nobody-here@example.org', TEST_PASSWORD),
      login(app, user.email, 'not the right password'),
      login(app, disabled.email, TEST_PASSWORD),
    ]);
    const shapes = answers.map((r) => {
      const { requestId: _, ...rest } = r.json();
      return { status: r.statusCode, contentType: r.headers['content-type'], ...rest };
    });
    expect(shapes[0]).toEqual({
      status: 401,
      contentType: 'application/problem+json; charset=utf-8',
      code: 'INVALID_CREDENTIALS',
      title: 'Unauthorized',
      detail: expect.any(String),
      type: expect.stringContaining('INVALID_CREDENTIALS'),
    });
    expect(shapes[1]).toEqual(shapes[0]);
    expect(shapes[2]).toEqual(shapes[0]);
  });

  it('audits failed sign-ins, including those for unknown accounts', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    await login(app, user.email, 'wrong password here');
    const rows = await t.db.selectFrom('audit_events').selectAll().where('entity_id', '=', user.id).execute();
    expect(rows.map((r) => r.action)).toContain('auth.login_failed');
    expect(rows.find((r) => r.action === 'auth.login_failed')?.details).toMatchObject({
      reason: 'wrong-password',
    });
    expect(JSON.stringify(rows)).not.toContain(user.email);
  });

  it('ends the session at sign-out: the old cookie is refused afterwards', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const s = await signInAs(app, user);
    const out = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
    });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/__Host-caseload=;/);
    const again = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: s.cookie },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('UNAUTHENTICATED');
  });

  it('rotates the session token at sign-in: the previous session is deleted', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const first = await signInAs(app, user);
    const second = await login(app, user.email, TEST_PASSWORD, {
      cookie: first.cookie,
      'x-csrf-token': first.csrfToken,
    });
    expect(second.statusCode).toBe(200);
    expect(sessionCookieOf(second.headers['set-cookie'])).not.toBe(first.cookie);
    const old = await app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: { cookie: first.cookie },
    });
    expect(old.statusCode).toBe(401);
  });
});

describe('session lifetime', () => {
  it('ends after 30 idle minutes', async () => {
    const clock = new TestClock();
    const app = await buildTestApp(t, { clock });
    const user = await insertUser(t.db);
    const s = await signInAs(app, user);
    clock.advance(29 * 60_000);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
    clock.advance(29 * 60_000); // activity above reset the idle timer
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
    clock.advance(31 * 60_000);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('ends 12 hours after sign-in however active it is', async () => {
    const clock = new TestClock();
    const app = await buildTestApp(t, { clock });
    const user = await insertUser(t.db);
    const s = await signInAs(app, user);
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      clock.advance(20 * 60_000);
      expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
        200,
      );
    }
    clock.advance(25 * 60_000);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('ends at once when the user is disabled', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const s = await signInAs(app, user);
    await t.db.updateTable('users').set({ status: 'disabled' }).where('id', '=', user.id).execute();
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });
});

describe('second factor', () => {
  it('asks an enrolled user for a TOTP code, accepts the right one once, refuses a wrong one', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db, { roles: ['supervisor'], totp: true });
    const res = await login(app, user.email, TEST_PASSWORD);
    expect(res.json().stage).toBe('totp');
    const cookie = sessionCookieOf(res.headers['set-cookie']);
    const csrf = res.json().csrfToken;
    const blocked = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { currentPassword: 'x', newPassword: 'y'.repeat(12) },
    });
    expect(blocked.json().code).toBe('MFA_REQUIRED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: '000000' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().code).toBe('INVALID_TOTP');
    const code = await totpCode(user.totpSecret ?? '');
    const right = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code },
    });
    expect(right.statusCode).toBe(200);
    expect(right.json().stage).toBe('full');
    expect(sessionCookieOf(right.headers['set-cookie'])).not.toBe(cookie);
    // The same code cannot be replayed in a new sign-in.
    const again = await login(app, user.email, TEST_PASSWORD);
    const replay = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: {
        cookie: sessionCookieOf(again.headers['set-cookie']),
        'x-csrf-token': again.json().csrfToken,
      },
      payload: { code },
    });
    expect(replay.json().code).toBe('INVALID_TOTP');
  });

  it('makes an admin without an authenticator enrol, then gives ten single-use recovery codes', async () => {
    const app = await buildTestApp(t);
    const admin = await insertUser(t.db, { roles: ['admin'] });
    const res = await login(app, admin.email, TEST_PASSWORD);
    expect(res.json().stage).toBe('enrol');
    let cookie = sessionCookieOf(res.headers['set-cookie']);
    let csrf = res.json().csrfToken;
    const start = await app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrol',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(start.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCodeSvg } = start.json();
    expect(otpauthUrl).toContain(`secret=${secret}`);
    expect(qrCodeSvg).toContain('<svg');
    const bad = await app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrol/confirm',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: '123456' },
    });
    expect(bad.json().code).toBe('INVALID_TOTP');
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/totp/enrol/confirm',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: await totpCode(secret) },
    });
    expect(ok.statusCode).toBe(200);
    const { recoveryCodes, session } = ok.json();
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(session.stage).toBe('full');
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie } })).statusCode).toBe(401);

    // Next sign-in: a recovery code works once.
    const next = await login(app, admin.email, TEST_PASSWORD);
    expect(next.json().stage).toBe('totp');
    cookie = sessionCookieOf(next.headers['set-cookie']);
    csrf = next.json().csrfToken;
    const viaRecovery = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { code: recoveryCodes[0] },
    });
    expect(viaRecovery.json().stage).toBe('full');
    const third = await login(app, admin.email, TEST_PASSWORD);
    const reused = await app.inject({
      method: 'POST',
      url: '/api/auth/login/totp',
      headers: {
        cookie: sessionCookieOf(third.headers['set-cookie']),
        'x-csrf-token': third.json().csrfToken,
      },
      payload: { code: recoveryCodes[0] },
    });
    expect(reused.json().code).toBe('INVALID_TOTP');
  });
});

describe('throttling', () => {
  it('backs off exponentially after five failures and says how long to wait', async () => {
    const clock = new TestClock();
    const app = await buildTestApp(t, { clock });
    const user = await insertUser(t.db);
    for (let i = 0; i < 5; i++)
      expect((await login(app, user.email, 'wrong password!')).statusCode).toBe(401);
    const waiting = await login(app, user.email, TEST_PASSWORD);
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json()).toMatchObject({ code: 'ACCOUNT_THROTTLED', retryAfterSeconds: 1 });
    expect(waiting.headers['retry-after']).toBe('1');
    clock.advance(1500);
    expect((await login(app, user.email, 'wrong password!')).statusCode).toBe(401);
    const longer = await login(app, user.email, TEST_PASSWORD);
    expect(longer.json().retryAfterSeconds).toBe(2);
    clock.advance(2500);
    expect((await login(app, user.email, TEST_PASSWORD)).statusCode).toBe(200);
    const row = await t.db
      .selectFrom('users')
      .select(['failed_logins', 'locked_until'])
      .where('id', '=', user.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ failed_logins: 0, locked_until: null });
  });

  it('locks the account after 100 consecutive failures until an admin unlocks it', async () => {
    const clock = new TestClock();
    const app = await buildTestApp(t, { clock });
    const user = await insertUser(t.db);
    await t.db.updateTable('users').set({ failed_logins: 99 }).where('id', '=', user.id).execute();
    expect((await login(app, user.email, 'wrong password!')).statusCode).toBe(401);
    clock.advance(24 * 3_600_000);
    const locked = await login(app, user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(423);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
  });

  it('limits sign-in attempts per IP address', async () => {
    const app = await buildTestApp(t, { env: { CASELOAD_LOGIN_IP_LIMIT: '3' } });
    for (let i = 0; i < 3; i++)
      expect((await login(app, 'x@example.org', 'whatever pass')).statusCode).toBe(401);
    const limited = await login(app, 'x@example.org', 'whatever pass');
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
  });
});

describe('CSRF defence', () => {
  it('refuses a cookie-authenticated write without the session’s token', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const s = await signInAs(app, user);
    const res = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(22) },
    });
    expect(wrong.json().code).toBe('CSRF_FAILED');
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: s.cookie } })).statusCode).toBe(
      200,
    );
  });

  it('refuses writes whose Origin is another site, even sign-in', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const res = await login(app, user.email, TEST_PASSWORD, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CSRF_FAILED');
  });
});

describe('password change', () => {
  it('refuses a common password naming the field, then changes it and ends other sessions', async () => {
    const app = await buildTestApp(t);
    const user = await insertUser(t.db);
    const a = await signInAs(app, user);
    const b = await signInAs(app, user);
    const weak = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'qwerty123456' },
    });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'newPassword' });
    const ok = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken },
      payload: { currentPassword: TEST_PASSWORD, newPassword: 'a much better passphrase' },
    });
    expect(ok.statusCode).toBe(204);
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: a.cookie } })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ url: '/api/auth/session', headers: { cookie: b.cookie } })).statusCode).toBe(
      401,
    );
    expect((await login(app, user.email, 'a much better passphrase')).statusCode).toBe(200);
  });
});
