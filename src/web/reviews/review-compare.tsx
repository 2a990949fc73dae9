/** The snapshot of a review beside the previous one's, figure by figure: before, after and the change. */
import '@mantine/core/styles/Checkbox.css';
import '@mantine/core/styles/InlineInput.css';
import { Button, Checkbox, Table } from '@mantine/core';
import { useState } from 'react';
import type { ReviewComparisonResponse } from '../../contract/reviews.ts';
import type { ApiClient } from '../api-client.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDate } from '../lib/format.ts';
import { reviewsApi } from './reviews-api.ts';

export function CompareSection({ api, fromId, toId }: { api: ApiClient; fromId: string; toId: string }) {
  const [comparison, setComparison] = useState<ReviewComparisonResponse | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [changedOnly, setChangedOnly] = useState(true);

  async function load() {
    setPending(true);
    try {
      setComparison(await reviewsApi.compare(api, fromId, toId));
      setProblem(null);
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setPending(false);
    }
  }

  const rows = comparison?.figures.filter((f) => !changedOnly || f.words !== 'no change') ?? [];
  return (
    <section aria-labelledby="compare-title" className="record-section">
      <h2 id="compare-title" className="section-title">
        Compared with the previous review
      </h2>
      {!comparison && (
        <Button
          size="compact-sm"
          variant="default"
          loading={pending}
          onClick={() => void load()}
          className="print-hide"
        >
          Compare with the previous review
        </Button>
      )}
      {problem && (
        <div role="alert" className="load-failed">
          {problem.detail}
        </div>
      )}
      {comparison && (
        <>
          <p className="section-hint">
            The review of {formatDate(comparison.from.startedAt.slice(0, 10))} beside this one (
            {formatDate(comparison.to.startedAt.slice(0, 10))}).
          </p>
          <Checkbox
            className="print-hide"
            label="Show only the figures that changed"
            checked={changedOnly}
            onChange={(e) => setChangedOnly(e.currentTarget.checked)}
            mb="xs"
          />
          {rows.length === 0 ? (
            <p className="empty-text">No figure changed.</p>
          ) : (
            <Table.ScrollContainer minWidth={480}>
              <Table className="data-table rv-figures" verticalSpacing={4} data-testid="comparison">
                <Table.Caption>Figures of the two snapshots</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Figure</Table.Th>
                    <Table.Th scope="col">Previous review</Table.Th>
                    <Table.Th scope="col">This review</Table.Th>
                    <Table.Th scope="col">Change</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {rows.map((f) => (
                    <Table.Tr key={f.key}>
                      <Table.Th scope="row">{f.label}</Table.Th>
                      <Table.Td>{f.before ?? '—'}</Table.Td>
                      <Table.Td>{f.after ?? '—'}</Table.Td>
                      <Table.Td>{f.words}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </>
      )}
    </section>
  );
}
