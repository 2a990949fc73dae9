import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Session } from './auth-api.ts';
import { followLink } from './router.ts';

const NAV_ITEMS = [{ path: '/', label: 'My caseload' }] as const;

export interface AppShellProps {
  session: Session;
  pathname: string;
  signingOut: boolean;
  onSignOut: () => void;
  children: ReactNode;
}

/** The signed-in frame: banner with the product and the person, the main navigation, and the page. */
export function AppShell({ session, pathname, signingOut, onSignOut, children }: AppShellProps) {
  return (
    <>
      <header className="banner">
        <div className="banner-inner">
          <a className="product-name" href="/" onClick={followLink}>
            Caseload
          </a>
          <div className="banner-user">
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
            {NAV_ITEMS.map((item) => (
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
