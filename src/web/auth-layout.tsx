import { Paper } from '@mantine/core';
import type { ReactNode } from 'react';

/** The frame of the sign-in steps: a plain banner and one narrow card in the main landmark. */
export function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="banner">
        <div className="banner-inner">
          <span className="product-name">Caseload</span>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="auth-main">
        <Paper withBorder p="lg" radius="sm">
          {children}
        </Paper>
      </main>
    </>
  );
}
