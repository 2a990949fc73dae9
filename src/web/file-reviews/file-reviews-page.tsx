/**
 * "File reviews": this period's sample (or an earlier period's) with each review's progress, a
 * supervisor's "Sample this period" (saying what was chosen and why), and the corrective actions
 * one must do or verify.
 */
import { Button, NativeSelect, Table } from '@mantine/core';
import { useState } from 'react';
import type { SampleResultResponse } from '../../contract/file-reviews.ts';
import type { ApiClient } from '../api-client.ts';
import type { Session } from '../auth-api.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { followLink, navigate, useSearch } from '../router.ts';
import { PATHS, paths } from '../routes.ts';
import { CorrectiveActionList } from './corrective-action-list.tsx';
import { actionCountsInWords, periodWords, recentPeriods, SELECTION_WORDS } from './file-review-words.ts';
import { fileReviewsApi } from './file-reviews-api.ts';
import './file-reviews.css';

export function FileReviewsPage({ api, session }: { api: ApiClient; session: Session }) {
  const chosenPeriod = new URLSearchParams(useSearch()).get('period') ?? '';
  const supervisor = session.user.roles.includes('supervisor');
  const { loaded, reload } = useLoad(async () => {
    const rule = await fileReviewsApi.rule(api);
    const period = chosenPeriod || rule.currentPeriod;
    const [list, actions] = await Promise.all([
      fileReviewsApi.list(api, { period }),
      fileReviewsApi.actions(api),
    ]);
    return { rule, period, list, actions };
  }, chosenPeriod);
  const [announcement, setAnnouncement] = useState('');
  const [sample, setSample] = useState<SampleResultResponse | null>(null);
  const [sampling, setSampling] = useState(false);
  const [problem, setProblem] = useState<FormProblem | null>(null);

  if (loaded.state === 'loading') return <PageLoading what="file reviews" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>File reviews</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { rule, period, list, actions } = loaded.data;
  const current = period === rule.currentPeriod;

  const changed = (message: string) => {
    setAnnouncement(message);
    void reload();
  };

  async function drawSample() {
    setSampling(true);
    setProblem(null);
    try {
      const result = await fileReviewsApi.sample(api, { period });
      setSample(result);
      changed(
        result.added === 0
          ? `No case added: the sample of ${result.periodWords} is complete.`
          : `${result.added} ${result.added === 1 ? 'case' : 'cases'} added to the sample of ${result.periodWords}.`,
      );
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setSampling(false);
    }
  }

  return (
    <>
      <PageHeading>File reviews</PageHeading>
      <p className="section-hint">
        {rule.description} A supervisor of the team checks each sampled case against the checklist; what falls
        short becomes a corrective action, due 28 days after it is raised and verified once done.
      </p>
      <p role="status" className="meta">
        {announcement}
      </p>
      <div className="page-actions file-review-controls">
        <NativeSelect
          id="file-review-period"
          label="Period"
          value={period}
          miw="24rem"
          data={recentPeriods(rule.currentPeriod, 5).map((p) => ({
            value: p.label,
            label: p.label === rule.currentPeriod ? `${p.words}, this period` : p.words,
          }))}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setSample(null);
            navigate(
              value === rule.currentPeriod ? PATHS.fileReviews : `${PATHS.fileReviews}?period=${value}`,
            );
          }}
        />
        {supervisor && (
          <Button onClick={() => void drawSample()} loading={sampling}>
            {current ? 'Sample this period' : `Sample ${period}`}
          </Button>
        )}
        {(supervisor || session.user.roles.includes('admin')) && (
          <a href={PATHS.fileReviewReport} onClick={followLink} className="button-link">
            Annual report
          </a>
        )}
      </div>
      {problem && (
        <div role="alert" className="load-failed">
          {problem.detail}
        </div>
      )}
      {sample && <SampleOutcome sample={sample} />}
      <section aria-labelledby="sample-heading" className="record-section">
        <h2 id="sample-heading" className="section-title">
          Cases to review in {periodWords(period)}
        </h2>
        {list.reviews.length === 0 ? (
          <p className="empty-text">
            No case has been chosen for {period} yet.
            {supervisor ? ' Use “Sample this period” to choose them.' : ''}
          </p>
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table className="data-table" verticalSpacing={6} data-testid="file-review-table">
              <Table.Caption>The sampled cases of {period}, with their progress</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Case</Table.Th>
                  <Table.Th scope="col">Practitioner</Table.Th>
                  <Table.Th scope="col">Why chosen</Table.Th>
                  <Table.Th scope="col">Status</Table.Th>
                  <Table.Th scope="col">Corrective actions</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.reviews.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Th scope="row">
                      <a href={paths.fileReview(r.id)} onClick={followLink} className="case-ref">
                        {r.case.reference}
                      </a>
                    </Table.Th>
                    <Table.Td>{r.practitioner.displayName}</Table.Td>
                    <Table.Td>{r.selectionReason ?? SELECTION_WORDS[r.selection]}</Table.Td>
                    <Table.Td>
                      {r.status === 'completed'
                        ? `Completed ${r.completedAt ? formatDateTime(r.completedAt) : ''}`
                        : `Due: ${r.answered} of ${r.itemsToAnswer} items answered`}
                    </Table.Td>
                    <Table.Td>{actionCountsInWords(r.correctiveActions)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </section>
      <section aria-labelledby="actions-heading" className="record-section">
        <h2 id="actions-heading" className="section-title">
          Corrective actions
        </h2>
        <p className="section-hint">
          {supervisor
            ? 'Those assigned to you and those of the teams you supervise, earliest due first.'
            : 'Those assigned to you, earliest due first.'}
        </p>
        <CorrectiveActionList
          api={api}
          session={session}
          actions={actions.correctiveActions}
          withCase
          onChanged={changed}
        />
      </section>
    </>
  );
}

function SampleOutcome({ sample }: { sample: SampleResultResponse }) {
  return (
    <section aria-labelledby="sample-outcome-heading" className="record-section" data-testid="sample-outcome">
      <h2 id="sample-outcome-heading" className="section-title">
        What was chosen and why
      </h2>
      {sample.practitioners.length === 0 ? (
        <p className="empty-text">Your teams have no members to sample.</p>
      ) : (
        <ul className="plain-list">
          {sample.practitioners.map((p) => (
            <li key={p.practitioner.id}>
              <strong>{p.practitioner.displayName}:</strong> {p.summary}
              {p.chosen.length > 0 && (
                <ul>
                  {p.chosen.map((c) => (
                    <li key={c.fileReviewId}>
                      <a href={paths.fileReview(c.fileReviewId)} onClick={followLink} className="case-ref">
                        {c.case.reference}
                      </a>{' '}
                      — {c.reason}
                    </li>
                  ))}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
