/** Properties of every registered route: an access policy, and problem-details for bad input. */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildTestApp, signInAs } from '../app.ts';
import { setupTestDatabase } from '../db.ts';
import { insertUser } from '../factories.ts';

const t = setupTestDatabase();

const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.literal(400),
  code: z.literal('VALIDATION_FAILED'),
  detail: z.string().min(1),
  field: z.string().min(1),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).min(1),
});

describe('route enumeration', () => {
  it('finds an access policy on every registered route', async () => {
    const app = await buildTestApp(t);
    await app.ready();
    const routes = app.routeCatalogue;
    expect(routes.map((r) => `${r.method} ${r.url}`)).toEqual(
      expect.arrayContaining([
        'GET /api/health',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'GET /api/openapi.json',
      ]),
    );
    const withoutPolicy = routes.filter((r) => !r.policy).map((r) => `${r.method} ${r.url}`);
    expect(withoutPolicy).toEqual([]);
  });

  it('refuses to start when a route declares no policy, naming it', async () => {
    const app = await buildTestApp(t);
    app.get('/api/unguarded', async () => ({ secret: true }));
    await expect(app.ready()).rejects.toThrow(/Routes without an access policy: GET \/api\/unguarded/);
  });
});

describe('bad input to every route', () => {
  it('answers problem-details JSON naming the failing field', async () => {
    const app = await buildTestApp(t);
    await app.ready();
    const admin = await insertUser(t.db, {
      roles: ['admin', 'supervisor', 'adviser', 'auditor'],
      totp: true,
    });
    const s = await signInAs(app, admin);
    const checked: string[] = [];
    for (const route of app.routeCatalogue) {
      if (route.method === 'HEAD' || route.url.startsWith('/api/docs')) continue;
      const { body, params, querystring } = route.validates;
      if (!body && !params && !querystring) continue;
      const url =
        route.url.replace(/:[A-Za-z]+/g, params ? 'not-an-id' : 'x') +
        (querystring ? '?limit=-1&page=zero' : '');
      const res = await app.inject({
        method: route.method as 'POST',
        url,
        headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
        ...(body ? { payload: { unexpectedOnly: 1 } } : {}),
      });
      const label = `${route.method} ${route.url}`;
      expect(res.statusCode, label).toBe(400);
      expect(res.headers['content-type'], label).toContain('application/problem+json');
      const parsed = problem.safeParse(res.json());
      expect(parsed.success, `${label}: ${res.body}`).toBe(true);
      checked.push(label);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        'POST /api/auth/login',
        'POST /api/auth/login/totp',
        'POST /api/auth/password',
      ]),
    );
  });

  it('names the field and keeps the message actionable', async () => {
    const app = await buildTestApp(t);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email: 'not-an-email', password: 'x' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      field: 'email',
      errors: [{ field: 'email', message: 'Enter an email address such as name@example.org' }],
    });
  });

  it('explains malformed JSON and a wrong content type', async () => {
    const app = await buildTestApp(t);
    const broken = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email": ',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'body' });
    const text = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'text/plain' },
      payload: 'hello',
    });
    expect(text.statusCode).toBe(415);
    expect(text.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers unknown API paths with a NOT_FOUND problem', async () => {
    const app = await buildTestApp(t);
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'NOT_FOUND',
      detail: 'There is no API route GET /api/nothing-here.',
    });
  });
});

describe('API documentation', () => {
  it('serves an OpenAPI document generated from the schemas, and the reference page', async () => {
    const app = await buildTestApp(t);
    const doc = await app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(doc.statusCode).toBe(200);
    const spec = doc.json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeDefined();
    expect(Object.keys(spec.components.schemas)).toEqual(
      expect.arrayContaining(['LoginRequest', 'Session', 'Problem']),
    );
    expect(spec.info.description).toContain('INVALID_CREDENTIALS');
    const page = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<h1>Caseload API reference</h1>');
    expect(page.body).toContain('<code>/api/auth/login</code>');
    expect(page.body).toContain('id="error-INVALID_CREDENTIALS"');
    expect(page.body).toContain('id="schema-loginrequest"');
    expect(page.body).not.toContain('<script');
  });
});

describe('unknown fields', () => {
  it('names an unknown body field so the person knows what to remove', async () => {
    const app = await buildTestApp(t);
    const admin = await insertUser(t.db, { roles: ['admin'], totp: true });
    const s = await signInAs(app, admin);
    const res = await app.inject({
      method: 'POST',
      url: '/api/teams',
      headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken },
      payload: { name: 'Housing', colour: 'blue' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      field: 'colour',
      errors: [{ field: 'colour', message: expect.stringContaining('remove it') }],
    });
    expect(await t.db.selectFrom('teams').select('id').where('name', '=', 'Housing').execute()).toEqual([]);
  });

  it('has no HEAD routes on the API (a HEAD of case data would be audited as a read that sent nothing)', async () => {
    const app = await buildTestApp(t);
    await app.ready();
    expect(app.routeCatalogue.filter((r) => r.method === 'HEAD' && r.url.startsWith('/api'))).toEqual([]);
    expect(app.routeCatalogue.some((r) => r.method === 'GET' && r.url === '/api/cases/:id')).toBe(true);
  });
});
