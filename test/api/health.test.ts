import { describe, expect, it } from 'vitest';
import { buildTestApp } from '../app.ts';
import { setupTestDatabase } from '../db.ts';

const t = setupTestDatabase();

describe('GET /api/health', () => {
  it('reports the database as up, with security headers and no caching', async () => {
    const app = await buildTestApp(t);
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', database: { status: 'up', kind: 'external' } });
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toContain('max-age=31536000');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('echoes a well-formed request id and replaces a malformed one', async () => {
    const app = await buildTestApp(t);
    const good = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(good.headers['x-request-id']).toBe('abc-123');
    const bad = await app.inject({
      method: 'GET',
      url: '/api/health',
      headers: { 'x-request-id': 'a b<script>' },
    });
    expect(bad.headers['x-request-id']).not.toBe('a b<script>');
  });

  it('answers 503 with database down when the database is unreachable', async () => {
    const { createDb } = await import('../../src/store/db.ts');
    const dead = createDb({ url: 'postgres://nobody:x@127.0.0.1:1/none' });
    const { buildApp } = await import('../../src/api/app.ts');
    const { testConfig } = await import('../app.ts');
    const { systemClock } = await import('../../src/services/context.ts');
    const app = await buildApp(testConfig(), { db: dead, dbKind: 'embedded', clock: systemClock });
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({
      status: 'unavailable',
      database: { status: 'down', kind: 'embedded' },
    });
    await app.close();
    await dead.destroy();
  });
});
