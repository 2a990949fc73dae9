import type { SessionStage } from './auth-api.ts';

export const PATHS = {
  login: '/login',
  totp: '/login/code',
  enrol: '/login/enrol',
  caseload: '/',
} as const;

export type Page = 'login' | 'totp' | 'enrol' | 'caseload' | 'not-found';

export interface Resolved {
  page: Page;
  /** Set when the address must change to match the page (replace, not push). */
  redirect?: string;
}

/** /login and the steps under it. */
export const isSignInPath = (pathname: string): boolean =>
  pathname === PATHS.login || pathname.startsWith(`${PATHS.login}/`);

const STEP_PAGES = { totp: 'totp', enrol: 'enrol' } as const;

/**
 * Which page to show for a sign-in stage (null: nobody signed in) at a path. The sign-in steps each
 * have one address; a signed-in person never sees them, and nobody else sees anything else.
 */
export function resolvePage(stage: SessionStage | null, pathname: string): Resolved {
  const at = (page: Page, path: string): Resolved =>
    pathname === path ? { page } : { page, redirect: path };
  if (stage === null) return at('login', PATHS.login);
  if (stage !== 'full') return at(STEP_PAGES[stage], PATHS[stage]);
  if (isSignInPath(pathname)) return { page: 'caseload', redirect: PATHS.caseload };
  if (pathname === PATHS.caseload) return { page: 'caseload' };
  return { page: 'not-found' };
}

/** A path worth returning to after signing in: a same-site page other than the sign-in steps. */
export function isReturnablePath(pathname: string): boolean {
  return /^\/(?![/\\])/.test(pathname) && pathname !== PATHS.caseload && !isSignInPath(pathname);
}
