import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { ApiError, createApiClient, fieldErrorsOf } from './api-client.ts';

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  new Response(
    JSON.stringify({
      type: `/api/docs#${code}`,
      title: 'x',
      status,
      code,
      detail: `${code} detail`,
      ...extra,
    }),
    {
      status,
      headers: { 'content-type': 'application/problem+json' },
    },
  );

function recordingFetch(answer: () => Response) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    return answer();
  });
  return { calls, fetch: fetch as unknown as typeof globalThis.fetch };
}

const header = (init: RequestInit, name: string) => (init.headers as Record<string, string>)[name];

describe('createApiClient', () => {
  it('sends the CSRF token on writes only, same-origin, JSON only when there is a body', async () => {
    const { calls, fetch } = recordingFetch(() => Response.json({ ok: true }));
    const api = createApiClient({ fetch });
    api.setCsrfToken('t0k');
    await api.get('/api/a', z.object({ ok: z.boolean() }));
    await api.post('/api/b', z.object({ ok: z.boolean() }), { body: { code: '123456' } });
    await api.post('/api/c', z.object({ ok: z.boolean() }));
    const [get, postWithBody, postEmpty] = calls.map((c) => c.init);
    expect(get?.credentials).toBe('same-origin');
    expect(header(get ?? {}, 'x-csrf-token')).toBeUndefined();
    expect(header(postWithBody ?? {}, 'x-csrf-token')).toBe('t0k');
    expect(header(postWithBody ?? {}, 'content-type')).toBe('application/json');
    expect(postWithBody?.body).toBe('{"code":"123456"}');
    expect(header(postEmpty ?? {}, 'content-type')).toBeUndefined();
  });

  it('throws the problem details, with extra facts such as retryAfterSeconds', async () => {
    const { fetch } = recordingFetch(() => problem(429, 'ACCOUNT_THROTTLED', { retryAfterSeconds: 90 }));
    const error = await createApiClient({ fetch })
      .postNoContent('/api/x')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).problem).toMatchObject({ code: 'ACCOUNT_THROTTLED', retryAfterSeconds: 90 });
  });

  it('reports 401 UNAUTHENTICATED once to the app, unless the caller expects it', async () => {
    const onUnauthenticated = vi.fn();
    const { fetch } = recordingFetch(() => problem(401, 'UNAUTHENTICATED'));
    const api = createApiClient({ fetch, onUnauthenticated });
    const expected = await api.get('/api/s', z.unknown(), { expectUnauthenticated: true }).catch((e) => e);
    expect(onUnauthenticated).not.toHaveBeenCalled();
    expect((expected as ApiError).handled).toBe(false);
    const handled = await api.postNoContent('/api/x').catch((e) => e);
    expect(onUnauthenticated).toHaveBeenCalledTimes(1);
    expect((handled as ApiError).handled).toBe(true);
  });

  it('does not treat a wrong password (401 INVALID_CREDENTIALS) as an ended session', async () => {
    const onUnauthenticated = vi.fn();
    const { fetch } = recordingFetch(() => problem(401, 'INVALID_CREDENTIALS'));
    await createApiClient({ fetch, onUnauthenticated })
      .postNoContent('/api/auth/login')
      .catch(() => undefined);
    expect(onUnauthenticated).not.toHaveBeenCalled();
  });

  it('turns network failures and unreadable answers into client problems', async () => {
    const down = createApiClient({
      fetch: (async () => Promise.reject(new TypeError('offline'))) as typeof fetch,
    });
    expect(await down.postNoContent('/api/x').catch((e: ApiError) => e.code)).toBe('NETWORK_ERROR');
    const html = createApiClient({
      fetch: (async () => new Response('<html>', { status: 502 })) as typeof fetch,
    });
    expect(await html.postNoContent('/api/x').catch((e: ApiError) => e.code)).toBe('UNEXPECTED_RESPONSE');
    const wrong = createApiClient({ fetch: (async () => Response.json({ nope: 1 })) as typeof fetch });
    expect(await wrong.get('/api/x', z.object({ ok: z.boolean() })).catch((e: ApiError) => e.code)).toBe(
      'UNEXPECTED_RESPONSE',
    );
  });
});

describe('fieldErrorsOf', () => {
  it('keeps the first message per field, and falls back to field + detail', () => {
    expect(
      fieldErrorsOf({
        type: 't',
        title: 't',
        status: 400,
        code: 'VALIDATION_FAILED',
        detail: 'email: bad',
        field: 'email',
        errors: [
          { field: 'email', message: 'bad' },
          { field: 'email', message: 'worse' },
        ],
      }),
    ).toEqual({ email: 'bad' });
    expect(
      fieldErrorsOf({ type: 't', title: 't', status: 400, code: 'X', detail: 'd', field: 'code' }),
    ).toEqual({
      code: 'd',
    });
  });
});

describe('createApiClient writes', () => {
  it('sends PATCH and DELETE with the CSRF token, and keeps the whole problem body', async () => {
    const { calls, fetch } = recordingFetch(() => Response.json({ ok: true }));
    const api = createApiClient({ fetch });
    api.setCsrfToken('t0k');
    await api.patch('/api/notes/1', z.object({ ok: z.boolean() }), { body: { facts: 'x' } });
    await api.delete('/api/notes/1');
    expect(calls.map((c) => c.init.method)).toEqual(['PATCH', 'DELETE']);
    expect(calls.every((c) => header(c.init, 'x-csrf-token') === 't0k')).toBe(true);

    const dup = createApiClient({
      fetch: (async () =>
        problem(409, 'POSSIBLE_DUPLICATE_CLIENT', {
          matches: [{ clientId: 'c1' }],
        })) as typeof globalThis.fetch,
    });
    const error = (await dup.post('/api/clients', z.unknown()).catch((e: unknown) => e)) as ApiError;
    expect(error.code).toBe('POSSIBLE_DUPLICATE_CLIENT');
    expect(error.body).toMatchObject({ matches: [{ clientId: 'c1' }] });
  });
});
