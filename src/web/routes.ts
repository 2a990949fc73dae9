import type { SessionStage } from './auth-api.ts';

export const PATHS = {
  login: '/login',
  totp: '/login/code',
  enrol: '/login/enrol',
  caseload: '/',
  newClient: '/clients/new',
  openCase: '/cases/new',
  search: '/search',
  keyDates: '/key-dates',
  timeLimitSettings: '/settings/time-limits',
  timescaleSettings: '/settings/timescales',
  notifications: '/notifications',
  caseloadHealth: '/caseload-health',
  priorityPolicy: '/settings/priority-policy',
  outcomes: '/outcomes',
  outcomeSettings: '/settings/outcomes',
  capacity: '/capacity',
  complexityFactorSettings: '/settings/complexity-factors',
  peopleCapacitySettings: '/settings/people-capacity',
  dashboard: '/dashboard',
  externalFactors: '/external-factors',
  caseloadSettings: '/settings/caseload',
  reviews: '/reviews',
  reflections: '/reflections',
  fileReviews: '/file-reviews',
  fileReviewReport: '/file-reviews/report',
  fileReviewSettings: '/settings/file-reviews',
  breaches: '/breaches',
  evidencePack: '/evidence-pack',
  equalityReport: '/equality-monitoring',
  subjectAccess: '/subject-access',
  rectification: '/rectification',
  retention: '/retention',
} as const;

/** Addresses of the pages that take an id. */
export const paths = {
  case: (caseId: string) => `/cases/${caseId}`,
  note: (caseId: string, noteId: string) => `/cases/${caseId}#note-${noteId}`,
  openCaseFor: (clientId: string) => `${PATHS.openCase}?client=${encodeURIComponent(clientId)}`,
  newNote: (caseId: string) => `/cases/${caseId}/notes/new`,
  editNote: (noteId: string) => `/notes/${noteId}/edit`,
  amendNote: (noteId: string) => `/notes/${noteId}/amend`,
  search: (q: string) => `${PATHS.search}?q=${encodeURIComponent(q)}`,
  review: (reviewId: string) => `/reviews/${reviewId}`,
  fileReview: (fileReviewId: string) => `/file-reviews/${fileReviewId}`,
};

export type Page =
  | 'login'
  | 'totp'
  | 'enrol'
  | 'caseload'
  | 'new-client'
  | 'open-case'
  | 'case'
  | 'note-editor'
  | 'amend-note'
  | 'search'
  | 'key-dates'
  | 'time-limit-settings'
  | 'timescale-settings'
  | 'notifications'
  | 'caseload-health'
  | 'priority-policy'
  | 'outcomes'
  | 'outcome-settings'
  | 'capacity'
  | 'complexity-factor-settings'
  | 'people-capacity-settings'
  | 'dashboard'
  | 'external-factors'
  | 'caseload-settings'
  | 'reviews'
  | 'review'
  | 'reflections'
  | 'file-reviews'
  | 'file-review'
  | 'file-review-report'
  | 'file-review-settings'
  | 'breaches'
  | 'evidence-pack'
  | 'equality-report'
  | 'subject-access'
  | 'rectification'
  | 'retention'
  | 'not-found';

export interface Resolved {
  page: Page;
  /** Set when the address must change to match the page (replace, not push). */
  redirect?: string;
  /** Ids taken from the path: caseId, noteId. */
  params?: { caseId?: string; noteId?: string; reviewId?: string; fileReviewId?: string };
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';

/** The signed-in pages that have an id in their address. */
const PATTERNS: {
  page: Page;
  pattern: RegExp;
  param: 'caseId' | 'noteId' | 'reviewId' | 'fileReviewId';
}[] = [
  { page: 'case', pattern: new RegExp(`^/cases/(${UUID})$`), param: 'caseId' },
  { page: 'note-editor', pattern: new RegExp(`^/cases/(${UUID})/notes/new$`), param: 'caseId' },
  { page: 'note-editor', pattern: new RegExp(`^/notes/(${UUID})/edit$`), param: 'noteId' },
  { page: 'amend-note', pattern: new RegExp(`^/notes/(${UUID})/amend$`), param: 'noteId' },
  { page: 'review', pattern: new RegExp(`^/reviews/(${UUID})$`), param: 'reviewId' },
  { page: 'file-review', pattern: new RegExp(`^/file-reviews/(${UUID})$`), param: 'fileReviewId' },
];

const FIXED: Record<string, Page> = {
  [PATHS.caseload]: 'caseload',
  [PATHS.newClient]: 'new-client',
  [PATHS.openCase]: 'open-case',
  [PATHS.search]: 'search',
  [PATHS.keyDates]: 'key-dates',
  [PATHS.timeLimitSettings]: 'time-limit-settings',
  [PATHS.timescaleSettings]: 'timescale-settings',
  [PATHS.notifications]: 'notifications',
  [PATHS.caseloadHealth]: 'caseload-health',
  [PATHS.priorityPolicy]: 'priority-policy',
  [PATHS.outcomes]: 'outcomes',
  [PATHS.outcomeSettings]: 'outcome-settings',
  [PATHS.capacity]: 'capacity',
  [PATHS.complexityFactorSettings]: 'complexity-factor-settings',
  [PATHS.peopleCapacitySettings]: 'people-capacity-settings',
  [PATHS.dashboard]: 'dashboard',
  [PATHS.externalFactors]: 'external-factors',
  [PATHS.caseloadSettings]: 'caseload-settings',
  [PATHS.reviews]: 'reviews',
  [PATHS.reflections]: 'reflections',
  [PATHS.fileReviews]: 'file-reviews',
  [PATHS.fileReviewReport]: 'file-review-report',
  [PATHS.fileReviewSettings]: 'file-review-settings',
  [PATHS.breaches]: 'breaches',
  [PATHS.evidencePack]: 'evidence-pack',
  [PATHS.equalityReport]: 'equality-report',
  [PATHS.subjectAccess]: 'subject-access',
  [PATHS.rectification]: 'rectification',
  [PATHS.retention]: 'retention',
};

/** The signed-in page at a path (not the sign-in steps). */
function signedInPage(pathname: string): Resolved {
  const fixed = FIXED[pathname];
  if (fixed) return { page: fixed };
  for (const { page, pattern, param } of PATTERNS) {
    const id = pattern.exec(pathname)?.[1];
    if (id) return { page, params: { [param]: id.toLowerCase() } };
  }
  return { page: 'not-found' };
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
  return signedInPage(pathname);
}

/** A path worth returning to after signing in: a same-site page other than the sign-in steps. */
export function isReturnablePath(pathname: string): boolean {
  return /^\/(?![/\\])/.test(pathname) && pathname !== PATHS.caseload && !isSignInPath(pathname);
}
