import { Button } from '@mantine/core';
import { type ReactNode, useEffect, useState } from 'react';
import { notificationListSchema } from '../contract/notifications.ts';
import type { ApiClient } from './api-client.ts';
import type { Session } from './auth-api.ts';
import { followLink } from './router.ts';
import { PATHS } from './routes.ts';

const NAV_ITEMS = [
  { path: PATHS.caseload, label: 'My caseload', caseWork: false },
  { path: PATHS.newClient, label: 'New client', caseWork: true },
  { path: PATHS.search, label: 'Search', caseWork: false },
  { path: PATHS.keyDates, label: 'Key dates', caseWork: true },
  { path: PATHS.dashboard, label: 'Dashboard', caseWork: true },
  { path: PATHS.caseloadHealth, label: 'Caseload health', caseWork: true },
  { path: PATHS.outcomes, label: 'Outcomes', caseWork: true },
  { path: PATHS.capacity, label: 'Capacity', caseWork: true },
  { path: PATHS.reviews, label: 'Caseload reviews', caseWork: true },
  { path: PATHS.reflections, label: 'Reflective log', caseWork: true },
  { path: PATHS.fileReviews, label: 'File reviews', caseWork: true },
  { path: PATHS.notifications, label: 'Notifications', caseWork: false },
  { path: PATHS.externalFactors, label: 'External factors', caseWork: false },
] as const;

/** Organisation settings, shown to administrators after the main items. */
const ADMIN_NAV_ITEMS = [
  { path: PATHS.timeLimitSettings, label: 'Time limits and reminders' },
  { path: PATHS.timescaleSettings, label: 'Service timescales' },
  { path: PATHS.priorityPolicy, label: 'Priority policy' },
  { path: PATHS.outcomeSettings, label: 'Outcome list' },
  { path: PATHS.complexityFactorSettings, label: 'Complexity factors' },
  { path: PATHS.peopleCapacitySettings, label: 'People’s capacity' },
  { path: PATHS.caseloadSettings, label: 'Caseload settings' },
  { path: PATHS.fileReviewSettings, label: 'File-review settings' },
] as const;

/** Data-protection records, shown to administrators and auditors. */
const DATA_PROTECTION_NAV_ITEMS = [
  { path: PATHS.breaches, label: 'Breach log' },
  { path: PATHS.subjectAccess, label: 'Subject access' },
  { path: PATHS.rectification, label: 'Rectification' },
  { path: PATHS.retention, label: 'Retention and erasure' },
] as const;

/** The quality-mark evidence pack: administrators and supervisors. */
const EVIDENCE_NAV_ITEMS = [{ path: PATHS.evidencePack, label: 'Evidence pack' }] as const;

/** Equality monitoring in aggregate: administrators only. */
const EQUALITY_NAV_ITEMS = [{ path: PATHS.equalityReport, label: 'Equality monitoring' }] as const;

/** Advisers and supervisors hold cases and record clients; admins and auditors do not. */
export const holdsCases = (session: Session): boolean =>
  session.user.roles.some((r) => r === 'adviser' || r === 'supervisor');

const hasAnyRole = (session: Session, ...roles: string[]) =>
  session.user.roles.some((r) => roles.includes(r));

/** The navigation groups in order, each with who sees it. */
const NAV_GROUPS: readonly {
  readonly items: readonly { readonly path: string; readonly label: string; readonly caseWork?: boolean }[];
  readonly shownTo: (session: Session) => boolean;
}[] = [
  { items: NAV_ITEMS, shownTo: () => true },
  { items: EQUALITY_NAV_ITEMS, shownTo: (s) => hasAnyRole(s, 'admin') },
  { items: EVIDENCE_NAV_ITEMS, shownTo: (s) => hasAnyRole(s, 'admin', 'supervisor') },
  { items: DATA_PROTECTION_NAV_ITEMS, shownTo: (s) => hasAnyRole(s, 'admin', 'auditor') },
  { items: ADMIN_NAV_ITEMS, shownTo: (s) => hasAnyRole(s, 'admin') },
];

/** The links of the main navigation for this person (case work only for those who hold cases). */
const visibleNavItems = (session: Session) =>
  NAV_GROUPS.filter((g) => g.shownTo(session))
    .flatMap((g) => g.items)
    .filter((item) => !item.caseWork || holdsCases(session));

export interface AppShellProps {
  api: ApiClient;
  session: Session;
  pathname: string;
  signingOut: boolean;
  onSignOut: () => void;
  children: ReactNode;
}

/** How many notifications are unread; checked again on every page change. Null until known (or on failure). */
function useUnreadCount(api: ApiClient, pathname: string): number | null {
  const [count, setCount] = useState<number | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: pathname is the trigger, not an input
  useEffect(() => {
    let live = true;
    api
      .get('/api/notifications?unread=true&limit=1', notificationListSchema)
      .then((list) => live && setCount(list.unreadCount))
      .catch(() => live && setCount(null)); // a count is a nicety: never an error on every page
    return () => {
      live = false;
    };
  }, [api, pathname]);
  return count;
}

/** The signed-in frame: banner with the product and the person, the main navigation, and the page. */
export function AppShell({ api, session, pathname, signingOut, onSignOut, children }: AppShellProps) {
  const unread = useUnreadCount(api, pathname);
  return (
    <>
      <header className="banner">
        <div className="banner-inner">
          <a className="product-name" href="/" onClick={followLink}>
            Caseload
          </a>
          <div className="banner-user">
            {unread !== null && unread > 0 && (
              <a
                className="notification-count"
                data-testid="unread-notifications"
                href={PATHS.notifications}
                onClick={followLink}
              >
                {unread === 1 ? '1 unread notification' : `${unread} unread notifications`}
              </a>
            )}
            <span data-testid="signed-in-user">{session.user.displayName}</span>
            <Button size="compact-sm" variant="default" loading={signingOut} onClick={onSignOut}>
              Sign out
            </Button>
          </div>
        </div>
      </header>
      <div className="shell">
        <nav className="side-nav" aria-label="Main">
          <ul>
            {visibleNavItems(session).map((item) => (
              <li key={item.path}>
                <a
                  href={item.path}
                  aria-current={pathname === item.path ? 'page' : undefined}
                  onClick={followLink}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main id="main" tabIndex={-1} className="shell-main">
          {children}
        </main>
      </div>
    </>
  );
}
