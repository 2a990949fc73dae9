/**
 * The annual analysis of file reviews: per checklist item, met / not met / not applicable in the
 * year's completed reviews and the share met where it applied; per practitioner; corrective actions
 * raised, overdue and verified. Downloads as CSV and PDF. Figures only: no case data.
 */
import { NativeSelect, Table } from '@mantine/core';
import type { FileReviewReportResponse } from '../../contract/file-reviews.ts';
import type { ApiClient } from '../api-client.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';
import { navigate, useSearch } from '../router.ts';
import { PATHS } from '../routes.ts';
import { fileReviewsApi, reportDownload } from './file-reviews-api.ts';
import './file-reviews.css';

const pc = (n: number | null) => (n === null ? 'Never applied' : `${n}%`);

export function FileReviewReportPage({ api }: { api: ApiClient }) {
  const asked = Number(new URLSearchParams(useSearch()).get('year'));
  const { loaded, reload } = useLoad(async () => {
    const rule = await fileReviewsApi.rule(api);
    const thisYear = Number(rule.currentPeriod.slice(0, 4));
    const year = Number.isInteger(asked) && asked >= 2000 && asked <= 2100 ? asked : thisYear;
    return { thisYear, report: await fileReviewsApi.report(api, year) };
  }, String(asked));

  if (loaded.state === 'loading') return <PageLoading what="the annual report" />;
  if (loaded.state === 'failed') {
    return (
      <>
        <PageHeading>File reviews: annual report</PageHeading>
        <LoadFailed detail={loaded.problem.detail} onRetry={reload} />
      </>
    );
  }
  const { thisYear, report } = loaded.data;
  const ca = report.correctiveActions;
  return (
    <>
      <PageHeading focusKey={String(report.year)}>{`File reviews: annual report ${report.year}`}</PageHeading>
      <p className="section-hint">
        {report.scope === 'organisation'
          ? 'The whole organisation.'
          : `Your teams: ${report.teams.map((t) => t.name).join(', ') || 'none'}.`}{' '}
        Completed reviews of the year’s sampling periods. “% met” counts the reviews where an item applied.
      </p>
      <div className="page-actions">
        <NativeSelect
          id="report-year"
          label="Year"
          value={String(report.year)}
          maw="10rem"
          data={[0, 1, 2, 3, 4].map((i) => String(thisYear - i))}
          onChange={(e) => navigate(`${PATHS.fileReviewReport}?year=${e.currentTarget.value}`)}
        />
        <a className="button-link" href={reportDownload(report.year, 'csv')} download>
          Download CSV
        </a>
        <a className="button-link" href={reportDownload(report.year, 'pdf')} download>
          Download PDF
        </a>
      </div>
      <ul className="plain-list report-figures" data-testid="report-figures">
        <li>
          {report.reviews} completed {report.reviews === 1 ? 'review' : 'reviews'};{' '}
          {report.reviewsNotCompleted} not completed yet.
        </li>
        <li>Items met, of those that applied: {pc(report.percentMet)}.</li>
        <li>
          Corrective actions raised: {ca.raised} — {ca.open} open, {ca.overdue} overdue,{' '}
          {ca.awaitingVerification} awaiting verification, {ca.verified} verified.
        </li>
      </ul>
      <ItemTable
        caption={`Results per checklist item, ${report.year}`}
        items={report.items}
        testId="report-items"
      />
      {report.practitioners.length > 0 && (
        <section aria-labelledby="per-practitioner-heading" className="record-section">
          <h2 id="per-practitioner-heading" className="section-title">
            Per practitioner
          </h2>
          {report.practitioners.map((p) => (
            <ItemTable
              key={p.practitioner.id}
              caption={`${p.practitioner.displayName}: ${p.reviews} ${p.reviews === 1 ? 'review' : 'reviews'}, ${pc(p.percentMet)} met`}
              items={p.items}
            />
          ))}
        </section>
      )}
    </>
  );
}

function ItemTable({
  caption,
  items,
  testId,
}: {
  caption: string;
  items: FileReviewReportResponse['items'];
  testId?: string;
}) {
  return (
    <Table.ScrollContainer minWidth={720} mb="md">
      <Table className="data-table report-figures" verticalSpacing={6} data-testid={testId}>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Checklist item</Table.Th>
            <Table.Th scope="col">Met</Table.Th>
            <Table.Th scope="col">Not met</Table.Th>
            <Table.Th scope="col">Not applicable</Table.Th>
            <Table.Th scope="col">% met</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((i) => (
            <Table.Tr key={i.itemId}>
              <Table.Th scope="row" className="file-review-item-label">
                {i.label}
              </Table.Th>
              <Table.Td>{i.met}</Table.Td>
              <Table.Td>{i.notMet}</Table.Td>
              <Table.Td>{i.notApplicable}</Table.Td>
              <Table.Td>{pc(i.percentMet)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
