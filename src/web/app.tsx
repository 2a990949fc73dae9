import { Alert, Button, Loader, Text } from '@mantine/core';
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { PageLoading } from './page-loading.tsx';
import { navigate, usePathname } from './router.ts';
import { isReturnablePath, PATHS, type Resolved, resolvePage } from './routes.ts';
import { SkipLink } from './skip-link.tsx';
import { TotpPage } from './totp-page.tsx';

// The record pages load on first use, keeping the first download small.
const NewClientPage = lazy(() =>
  import('./clients/new-client-page.tsx').then((m) => ({ default: m.NewClientPage })),
);
const OpenCasePage = lazy(() =>
  import('./cases/open-case-page.tsx').then((m) => ({ default: m.OpenCasePage })),
);
const CasePage = lazy(() => import('./case/case-page.tsx').then((m) => ({ default: m.CasePage })));
const NoteEditorPage = lazy(() =>
  import('./notes/note-editor-page.tsx').then((m) => ({ default: m.NoteEditorPage })),
);
const AmendNotePage = lazy(() =>
  import('./notes/amend-note-page.tsx').then((m) => ({ default: m.AmendNotePage })),
);
const SearchPage = lazy(() => import('./search/search-page.tsx').then((m) => ({ default: m.SearchPage })));
const KeyDatesPage = lazy(() =>
  import('./key-dates/key-dates-page.tsx').then((m) => ({ default: m.KeyDatesPage })),
);
const TimeLimitsPage = lazy(() =>
  import('./settings/time-limits-page.tsx').then((m) => ({ default: m.TimeLimitsPage })),
);
const TimescalesPage = lazy(() =>
  import('./settings/timescales-page.tsx').then((m) => ({ default: m.TimescalesPage })),
);
const CaseloadHealthPage = lazy(() =>
  import('./caseload-effect/caseload-health-page.tsx').then((m) => ({ default: m.CaseloadHealthPage })),
);
const PriorityPolicyPage = lazy(() =>
  import('./admin/priority-policy-page.tsx').then((m) => ({ default: m.PriorityPolicyPage })),
);
const CapacityPage = lazy(() =>
  import('./capacity/capacity-page.tsx').then((m) => ({ default: m.CapacityPage })),
);
const ComplexityFactorsPage = lazy(() =>
  import('./settings/complexity-factors-page.tsx').then((m) => ({ default: m.ComplexityFactorsPage })),
);
const PeopleCapacityPage = lazy(() =>
  import('./settings/people-capacity-page.tsx').then((m) => ({ default: m.PeopleCapacityPage })),
);
const DashboardPage = lazy(() =>
  import('./dashboard/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })),
);
const ExternalFactorsPage = lazy(() =>
  import('./dashboard/external-factors-page.tsx').then((m) => ({ default: m.ExternalFactorsPage })),
);
const SubjectAccessPage = lazy(() =>
  import('./data-protection/subject-access-page.tsx').then((m) => ({ default: m.SubjectAccessPage })),
);
const RectificationPage = lazy(() =>
  import('./data-protection/rectification-page.tsx').then((m) => ({ default: m.RectificationPage })),
);
const RetentionPage = lazy(() =>
  import('./data-protection/retention-page.tsx').then((m) => ({ default: m.RetentionPage })),
);
const EqualityReportPage = lazy(() =>
  import('./compliance/equality-report-page.tsx').then((m) => ({ default: m.EqualityReportPage })),
);
const EvidencePackPage = lazy(() =>
  import('./compliance/evidence-pack-page.tsx').then((m) => ({ default: m.EvidencePackPage })),
);
const BreachesPage = lazy(() =>
  import('./compliance/breaches-page.tsx').then((m) => ({ default: m.BreachesPage })),
);
const CaseloadSettingsPage = lazy(() =>
  import('./settings/caseload-settings-page.tsx').then((m) => ({ default: m.CaseloadSettingsPage })),
);
const ReviewsPage = lazy(() =>
  import('./reviews/reviews-page.tsx').then((m) => ({ default: m.ReviewsPage })),
);
const ReviewPage = lazy(() => import('./reviews/review-page.tsx').then((m) => ({ default: m.ReviewPage })));
const ReflectionsPage = lazy(() =>
  import('./reviews/reflections-page.tsx').then((m) => ({ default: m.ReflectionsPage })),
);
const FileReviewsPage = lazy(() =>
  import('./file-reviews/file-reviews-page.tsx').then((m) => ({ default: m.FileReviewsPage })),
);
const FileReviewPage = lazy(() =>
  import('./file-reviews/file-review-page.tsx').then((m) => ({ default: m.FileReviewPage })),
);
const FileReviewReportPage = lazy(() =>
  import('./file-reviews/file-review-report-page.tsx').then((m) => ({ default: m.FileReviewReportPage })),
);
const FileReviewSettingsPage = lazy(() =>
  import('./file-reviews/file-review-settings-page.tsx').then((m) => ({ default: m.FileReviewSettingsPage })),
);
const OutcomeReportPage = lazy(() =>
  import('./outcomes/outcome-report-page.tsx').then((m) => ({ default: m.OutcomeReportPage })),
);
const OutcomeTypesPage = lazy(() =>
  import('./outcomes/outcome-types-page.tsx').then((m) => ({ default: m.OutcomeTypesPage })),
);
const NotificationsPage = lazy(() =>
  import('./notifications/notifications-page.tsx').then((m) => ({ default: m.NotificationsPage })),
);

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
    if (stage === null && isReturnablePath(pathname)) returnTo.current = pathname + window.location.search;
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
      default:
        return (
          <AppShell
            api={api}
            session={session}
            pathname={pathname}
            signingOut={signingOut}
            onSignOut={signOut}
          >
            {shellProblem && (
              <Alert color="red" variant="light" mb="md" title="Sign out did not work">
                {shellProblem.detail}
              </Alert>
            )}
            <Suspense fallback={<PageLoading what="page" />}>{renderShellPage(resolved, session)}</Suspense>
          </AppShell>
        );
    }
  }

  function renderShellPage(resolved: Resolved, session: Session) {
    const { caseId, noteId, reviewId, fileReviewId } = resolved.params ?? {};
    switch (resolved.page) {
      case 'new-client':
        return <NewClientPage api={api} />;
      case 'open-case':
        return <OpenCasePage api={api} session={session} />;
      case 'case':
        return caseId ? <CasePage key={caseId} api={api} caseId={caseId} /> : <NotFoundPage />;
      case 'note-editor':
        // One key for new and edit: the editor replaces /cases/…/notes/new with /notes/…/edit once the
        // draft is saved, and must keep what is being typed.
        return <NoteEditorPage key="note-editor" api={api} caseId={caseId} noteId={noteId} />;
      case 'amend-note':
        return noteId ? <AmendNotePage key={noteId} api={api} noteId={noteId} /> : <NotFoundPage />;
      case 'search':
        return <SearchPage api={api} />;
      case 'key-dates':
        return <KeyDatesPage api={api} session={session} />;
      case 'time-limit-settings':
        return <TimeLimitsPage api={api} />;
      case 'timescale-settings':
        return <TimescalesPage api={api} />;
      case 'notifications':
        return <NotificationsPage api={api} />;
      case 'caseload-health':
        return <CaseloadHealthPage api={api} session={session} />;
      case 'priority-policy':
        return <PriorityPolicyPage api={api} session={session} />;
      case 'capacity':
        return <CapacityPage api={api} session={session} />;
      case 'complexity-factor-settings':
        return <ComplexityFactorsPage api={api} />;
      case 'people-capacity-settings':
        return <PeopleCapacityPage api={api} session={session} />;
      case 'dashboard':
        return <DashboardPage api={api} session={session} />;
      case 'external-factors':
        return <ExternalFactorsPage api={api} session={session} />;
      case 'caseload-settings':
        return <CaseloadSettingsPage api={api} />;
      case 'breaches':
        return <BreachesPage api={api} />;
      case 'evidence-pack':
        return <EvidencePackPage />;
      case 'equality-report':
        return <EqualityReportPage api={api} />;
      case 'subject-access':
        return <SubjectAccessPage api={api} />;
      case 'rectification':
        return <RectificationPage api={api} />;
      case 'retention':
        return <RetentionPage api={api} session={session} />;
      case 'reviews':
        return <ReviewsPage api={api} session={session} />;
      case 'review':
        return reviewId ? <ReviewPage key={reviewId} api={api} reviewId={reviewId} /> : <NotFoundPage />;
      case 'reflections':
        return <ReflectionsPage api={api} />;
      case 'file-reviews':
        return <FileReviewsPage api={api} session={session} />;
      case 'file-review':
        return fileReviewId ? (
          <FileReviewPage key={fileReviewId} api={api} session={session} id={fileReviewId} />
        ) : (
          <NotFoundPage />
        );
      case 'file-review-report':
        return <FileReviewReportPage api={api} />;
      case 'file-review-settings':
        return <FileReviewSettingsPage api={api} />;
      case 'outcomes':
        return <OutcomeReportPage api={api} session={session} />;
      case 'outcome-settings':
        return <OutcomeTypesPage api={api} />;
      case 'not-found':
        return <NotFoundPage />;
      default:
        return <CaseloadPage api={api} session={session} />;
    }
  }
}
