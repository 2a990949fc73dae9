import '@mantine/core/styles/SimpleGrid.css';
import { useCallback, useEffect, useRef, useState } from 'react';
import { AnonymisedExportSection } from '../anonymise/anonymised-export-section.tsx';
import type { ApiClient } from '../api-client.ts';
import { HandoverCallout } from '../exchange/handover-callout.tsx';
import { InformationExchangeSection } from '../exchange/information-exchange-section.tsx';
import { ReassignForm } from '../exchange/reassign-form.tsx';
import { useFlash } from '../lib/flash.ts';
import { useLoad } from '../lib/use-load.ts';
import { FinancialOutcomes } from '../outcomes/financial-outcomes.tsx';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';
import { ActionsSection } from './actions-section.tsx';
import { loadCaseData } from './case-data.ts';
import { CaseDetails, ContactCallouts } from './case-summary.tsx';
import { ChronologySection } from './chronology-section.tsx';
import { ConsentCallout } from './consent-callout.tsx';
import { EqualityMonitoringForm } from './equality-monitoring-form.tsx';
import { FlagsSection } from './flags-section.tsx';
import { GoalsSection } from './goals-section.tsx';
import { InformSection } from './inform-section.tsx';
import { KeyDatesSection } from './key-dates-section.tsx';
import { NotesSection } from './notes-section.tsx';
import { ObstaclesSection } from './obstacles-section.tsx';
import { PrioritySection } from './priority-section.tsx';
import { ResourcesSection } from './resources-section.tsx';
import { StatusControls } from './status-controls.tsx';
import { WeightSection } from './weight-section.tsx';

const CONTENTS = [
  ['priority', 'Priority'],
  ['resources', 'Resources'],
  ['weight', 'Weight and complexity'],
  ['flags', 'Flags'],
  ['goals', 'Goals'],
  ['actions', 'Actions'],
  ['key-dates', 'Key dates'],
  ['obstacles', 'Obstacles'],
  ['notes', 'Notes'],
  ['information-exchange', 'Information exchange'],
  ['inform', 'Inform colleagues'],
  ['chronology', 'Chronology'],
  ['anonymised-export', 'Anonymised export'],
] as const;

/** Scrolls to and focuses the #fragment's element once it exists (a link to one note of the case). */
function useFragmentTarget(ready: boolean) {
  const done = useRef(false);
  useEffect(() => {
    if (!ready || done.current) return;
    done.current = true;
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id ? document.getElementById(id) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      target.focus({ preventScroll: true });
    }
  }, [ready]);
}

/** One case: who, what, status, flags, goals, actions, key dates, obstacles, notes and the chronology. */
export function CasePage({ api, caseId }: { api: ApiClient; caseId: string }) {
  const { loaded, reload } = useLoad(() => loadCaseData(api, caseId), caseId);
  const flash = useFlash();
  const [message, setMessage] = useState<string | null>(null);
  const ready = loaded.state === 'ready';
  useFragmentTarget(ready);

  // The message left by the previous page goes into the live region just after it appears, so it is read out.
  useEffect(() => {
    if (!ready || !flash) return;
    const timer = window.setTimeout(() => setMessage((m) => m ?? flash), 50);
    return () => window.clearTimeout(timer);
  }, [ready, flash]);

  const changed = useCallback(
    (text: string) => {
      setMessage(null);
      void reload().then(() => setMessage(text));
    },
    [reload],
  );

  if (loaded.state === 'loading') return <PageLoading what="the case" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>Case not available</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const data = loaded.data;
  const { kase } = data;
  const section = { api, data, changed };
  return (
    <div className="case-page">
      <div className="case-head print-keep">
        <PageHeading eyebrow={`${kase.reference} · ${kase.type.name}`} documentTitle={kase.reference}>
          {`${kase.client.displayName}${kase.client.pronouns ? ` (${kase.client.pronouns})` : ''}`}
        </PageHeading>
        <HandoverCallout {...section} />
        <div role="status" className={message ? 'notice notice-success print-hide' : 'notice-empty'}>
          {message}
        </div>
        <div className="case-toolbar print-hide">
          {kase.yourAccess.contribute && (
            <a className="button-link primary" href={paths.newNote(kase.id)} onClick={followLink}>
              Write a note
            </a>
          )}
          <StatusControls {...section} />
          <ReassignForm {...section} />
        </div>
      </div>
      {kase.flags.some((f) => !f.resolvedAt) && (
        <div className="open-flags-banner" role="note" aria-label="Open flags">
          {kase.flags
            .filter((f) => !f.resolvedAt)
            .map((f) => (
              <span key={f.id} className={`flag-pill flag-${f.kind}`}>
                {f.kind === 'safeguarding' ? 'Safeguarding' : 'Vulnerability'}: {f.category}
              </span>
            ))}
        </div>
      )}
      <ConsentCallout {...section} />
      <ContactCallouts client={kase.client} />
      <section aria-labelledby="summary-heading" className="record-section">
        <h2 id="summary-heading" className="section-title">
          Summary
        </h2>
        <CaseDetails kase={kase} priority={data.assessments.current} />
        <FinancialOutcomes {...section} />
      </section>
      <nav aria-label="On this page" className="page-contents print-hide">
        <span className="contents-label">On this page:</span>
        <ul>
          {CONTENTS.map(([id, label]) => (
            <li key={id}>
              <a href={`#${id}`}>{label}</a>
            </li>
          ))}
        </ul>
      </nav>
      <PrioritySection {...section} />
      <ResourcesSection {...section} />
      <WeightSection {...section} />
      <FlagsSection {...section} />
      <div className="section-columns">
        <div>
          <GoalsSection {...section} />
          <ActionsSection {...section} />
        </div>
        <div>
          <KeyDatesSection {...section} />
          <ObstaclesSection {...section} />
        </div>
      </div>
      <NotesSection data={data} />
      <InformationExchangeSection {...section} />
      <InformSection {...section} />
      <EqualityMonitoringForm {...section} />
      <ChronologySection caseId={kase.id} chronology={data.chronology} />
      <AnonymisedExportSection api={api} caseId={kase.id} />
    </div>
  );
}
