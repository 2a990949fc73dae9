import { describe, expect, it } from 'vitest';
import { isReturnablePath, paths, resolvePage } from './routes.ts';

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

describe('resolvePage for case records', () => {
  const id = '0b0e6f1c-8a3e-4d61-9f3b-2f0b7c1d9a11';

  it('knows the record pages and takes their ids from the path', () => {
    expect(resolvePage('full', '/clients/new')).toEqual({ page: 'new-client' });
    expect(resolvePage('full', '/cases/new')).toEqual({ page: 'open-case' });
    expect(resolvePage('full', '/search')).toEqual({ page: 'search' });
    expect(resolvePage('full', '/notifications')).toEqual({ page: 'notifications' });
    expect(resolvePage('full', '/caseload-health')).toEqual({ page: 'caseload-health' });
    expect(resolvePage('full', '/settings/priority-policy')).toEqual({ page: 'priority-policy' });
    expect(resolvePage('full', '/outcomes')).toEqual({ page: 'outcomes' });
    expect(resolvePage('full', '/settings/outcomes')).toEqual({ page: 'outcome-settings' });
    expect(resolvePage('full', '/capacity')).toEqual({ page: 'capacity' });
    expect(resolvePage('full', '/settings/complexity-factors')).toEqual({
      page: 'complexity-factor-settings',
    });
    expect(resolvePage('full', '/settings/people-capacity')).toEqual({ page: 'people-capacity-settings' });
    expect(resolvePage('full', '/dashboard')).toEqual({ page: 'dashboard' });
    expect(resolvePage('full', '/external-factors')).toEqual({ page: 'external-factors' });
    expect(resolvePage('full', '/settings/caseload')).toEqual({ page: 'caseload-settings' });
    expect(resolvePage('full', '/reviews')).toEqual({ page: 'reviews' });
    expect(resolvePage('full', '/reflections')).toEqual({ page: 'reflections' });
    expect(resolvePage('full', `/reviews/${id}`)).toEqual({ page: 'review', params: { reviewId: id } });
    expect(resolvePage('full', '/file-reviews')).toEqual({ page: 'file-reviews' });
    expect(resolvePage('full', '/file-reviews/report')).toEqual({ page: 'file-review-report' });
    expect(resolvePage('full', '/settings/file-reviews')).toEqual({ page: 'file-review-settings' });
    expect(resolvePage('full', `/file-reviews/${id}`)).toEqual({
      page: 'file-review',
      params: { fileReviewId: id },
    });
    expect(resolvePage('full', '/file-reviews/123')).toEqual({ page: 'not-found' });
    expect(resolvePage('full', `/cases/${id}`)).toEqual({ page: 'case', params: { caseId: id } });
    expect(resolvePage('full', `/cases/${id}/notes/new`)).toEqual({
      page: 'note-editor',
      params: { caseId: id },
    });
    expect(resolvePage('full', `/notes/${id}/edit`)).toEqual({ page: 'note-editor', params: { noteId: id } });
    expect(resolvePage('full', `/notes/${id}/amend`)).toEqual({ page: 'amend-note', params: { noteId: id } });
  });

  it('says "not found" for ids that are not ids, and sends the signed-out to sign in', () => {
    expect(resolvePage('full', '/cases/123')).toEqual({ page: 'not-found' });
    expect(resolvePage('full', `/cases/${id}/extra`)).toEqual({ page: 'not-found' });
    expect(resolvePage(null, `/cases/${id}`)).toEqual({ page: 'login', redirect: '/login' });
  });

  it('builds addresses for links', () => {
    expect(paths.note('c', 'n')).toBe('/cases/c#note-n');
    expect(paths.search('a b&c')).toBe('/search?q=a%20b%26c');
    expect(paths.openCaseFor('x')).toBe('/cases/new?client=x');
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
