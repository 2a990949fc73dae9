import { describe, expect, it } from 'vitest';
import { isReturnablePath, resolvePage } from './routes.ts';

describe('resolvePage', () => {
  it('sends anyone not signed in to /login, whatever the path', () => {
    expect(resolvePage(null, '/login')).toEqual({ page: 'login' });
    expect(resolvePage(null, '/')).toEqual({ page: 'login', redirect: '/login' });
    expect(resolvePage(null, '/login/code')).toEqual({ page: 'login', redirect: '/login' });
  });

  it('keeps a half-signed-in person on their step', () => {
    expect(resolvePage('totp', '/login/code')).toEqual({ page: 'totp' });
    expect(resolvePage('totp', '/')).toEqual({ page: 'totp', redirect: '/login/code' });
    expect(resolvePage('enrol', '/login')).toEqual({ page: 'enrol', redirect: '/login/enrol' });
  });

  it('takes a signed-in person past the sign-in steps, and says when a page does not exist', () => {
    expect(resolvePage('full', '/login')).toEqual({ page: 'caseload', redirect: '/' });
    expect(resolvePage('full', '/login/enrol')).toEqual({ page: 'caseload', redirect: '/' });
    expect(resolvePage('full', '/')).toEqual({ page: 'caseload' });
    expect(resolvePage('full', '/loginx')).toEqual({ page: 'not-found' });
  });
});

describe('isReturnablePath', () => {
  it('accepts app pages and refuses sign-in steps and other sites', () => {
    expect(isReturnablePath('/cases/123')).toBe(true);
    expect(isReturnablePath('/')).toBe(false);
    expect(isReturnablePath('/login/code')).toBe(false);
    expect(isReturnablePath('//evil.example/x')).toBe(false);
    expect(isReturnablePath('/\\evil.example')).toBe(false);
  });
});
