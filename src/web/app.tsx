import { Alert, Button, Loader, Text } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ApiError, createApiClient } from './api-client.ts';
import { AppShell } from './app-shell.tsx';
import { authApi, type Session } from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { CaseloadPage } from './caseload-page.tsx';
import { EnrolPage } from './enrol-page.tsx';
import { type FormProblem, problemFromError } from './form-problem.tsx';
import { LoginPage } from './login-page.tsx';
import { NotFoundPage } from './not-found-page.tsx';
import { NOTICES, type Notice } from './notice.tsx';
import { PageHeading } from './page-heading.tsx';
import { navigate, usePathname } from './router.ts';
import { isReturnablePath, PATHS, resolvePage } from './routes.ts';
import { SkipLink } from './skip-link.tsx';
import { TotpPage } from './totp-page.tsx';

type AuthState =
  | { kind: 'loading' }
  | { kind: 'unavailable'; problem: FormProblem | null }
  | { kind: 'anonymous'; notice: Notice | null }
  | { kind: 'signed-in'; session: Session };

/** The whole app: checks the session on load, then shows the page that fits the sign-in stage and path. */
export function App() {
  const pathname = usePathname();
  const [auth, setAuth] = useState<AuthState>({ kind: 'loading' });
  const [signingOut, setSigningOut] = useState(false);
  const [shellProblem, setShellProblem] = useState<FormProblem | null>(null);
  const returnTo = useRef<string | null>(null);
  const firstPage = useRef(true);

  const api = useMemo(
    () =>
      createApiClient({
        onUnauthenticated: () => setAuth({ kind: 'anonymous', notice: NOTICES.sessionEnded }),
      }),
    [],
  );

  const applySession = useCallback(
    (session: Session) => {
      api.setCsrfToken(session.csrfToken);
      setShellProblem(null);
      setAuth({ kind: 'signed-in', session });
    },
    [api],
  );

  const checkSession = useCallback(async () => {
    try {
      applySession(await authApi.session(api));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setAuth({ kind: 'anonymous', notice: null });
      else setAuth({ kind: 'unavailable', problem: problemFromError(error) });
    }
  }, [api, applySession]);

  useEffect(() => {
    void checkSession();
  }, [checkSession]);

  const signOut = useCallback(async () => {
    setSigningOut(true);
    setShellProblem(null);
    try {
      await authApi.logout(api);
    } catch (error) {
      // 401: the session had already ended, which is what signing out wants.
      if (!(error instanceof ApiError && error.status === 401)) {
        setShellProblem(problemFromError(error));
        setSigningOut(false);
        return;
      }
    }
    api.setCsrfToken(null);
    setSigningOut(false);
    setAuth({ kind: 'anonymous', notice: NOTICES.signedOut });
    navigate(PATHS.login);
  }, [api]);

  const stage = auth.kind === 'signed-in' ? auth.session.stage : null;
  const settled = auth.kind === 'anonymous' || auth.kind === 'signed-in';
  const resolved = settled ? resolvePage(stage, pathname) : null;
  const redirect = resolved?.redirect;

  useEffect(() => {
    if (!redirect) {
      if (settled) firstPage.current = false;
      return;
    }
    // Redirects after something the person did move focus to the new page; the one on first load does not.
    const focus = !firstPage.current;
    if (stage === null && isReturnablePath(pathname)) returnTo.current = pathname;
    if (stage === 'full' && returnTo.current) {
      navigate(returnTo.current, { replace: true, focus });
      returnTo.current = null;
      return;
    }
    navigate(redirect, { replace: true, focus });
  }, [redirect, settled, stage, pathname]);

  return (
    <>
      <SkipLink />
      {renderPage()}
    </>
  );

  function renderPage() {
    if (auth.kind === 'loading') {
      return (
        <main id="main" tabIndex={-1} className="auth-main">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm" role="status">
            Loading Caseload…
          </Text>
        </main>
      );
    }
    if (auth.kind === 'unavailable') {
      return (
        <AuthLayout>
          <PageHeading>Caseload is not available</PageHeading>
          <Alert color="red" variant="light" mb="md">
            {auth.problem?.detail}
          </Alert>
          <Button onClick={() => void checkSession()}>Try again</Button>
        </AuthLayout>
      );
    }
    if (auth.kind === 'anonymous' || !resolved) {
      return (
        <LoginPage
          api={api}
          notice={auth.kind === 'anonymous' ? auth.notice : null}
          onSession={applySession}
        />
      );
    }
    const { session } = auth;
    switch (resolved.page) {
      case 'totp':
        return <TotpPage api={api} session={session} onSession={applySession} onCancel={signOut} />;
      case 'enrol':
        return <EnrolPage api={api} onSession={applySession} onCancel={signOut} />;
      case 'login':
      case 'caseload':
      case 'not-found':
        return (
          <AppShell session={session} pathname={pathname} signingOut={signingOut} onSignOut={signOut}>
            {shellProblem && (
              <Alert color="red" variant="light" mb="md" title="Sign out did not work">
                {shellProblem.detail}
              </Alert>
            )}
            {resolved.page === 'not-found' ? <NotFoundPage /> : <CaseloadPage />}
          </AppShell>
        );
    }
  }
}
