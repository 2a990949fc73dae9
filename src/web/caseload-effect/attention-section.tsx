/**
 * Where the practitioner's attention went by band over the last 4 weeks: a table (the figures,
 * and the text alternative of the chart) and a simple bar chart of share of cases against share of
 * attention, hidden from assistive technology because the table says the same.
 */
import { Table } from '@mantine/core';
import { formatDate } from '../lib/format.ts';
import type { CaseloadEffect } from './caseload-effect-api.ts';
import { BAND_NAMES, BandName, CaseLinks, percent } from './effect-parts.tsx';

type Attention = CaseloadEffect['attention'];

const ratioWords = (ratio: number | null): string => {
  if (ratio === null) return 'No cases in this band';
  if (ratio === 0) return 'None';
  if (ratio >= 0.8 && ratio <= 1.25) return `In proportion (${ratio.toFixed(1)}×)`;
  return ratio < 1
    ? `Less than its share (${ratio.toFixed(1)}×)`
    : `More than its share (${ratio.toFixed(1)}×)`;
};

export function AttentionSection({ attention }: { attention: Attention }) {
  return (
    <section aria-labelledby="attention-title" className="record-section">
      <h2 id="attention-title" className="section-title">
        Attention by band, last {attention.weeks} weeks
      </h2>
      <p className="section-hint">
        Attention is a filed note, counted in the band the case had at the time. {attention.totalEvents}{' '}
        {attention.totalEvents === 1 ? 'attention event' : 'attention events'} from{' '}
        {formatDate(attention.from)} to {formatDate(attention.to)}
        {attention.eventsOutsideCaseload > 0 &&
          ` (and ${attention.eventsOutsideCaseload} on cases no longer open, not counted here)`}
        .
      </p>
      <Table.ScrollContainer minWidth={640}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>Share of the caseload and share of the attention, by band</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Band</Table.Th>
              <Table.Th scope="col">Cases now</Table.Th>
              <Table.Th scope="col">Attention events</Table.Th>
              <Table.Th scope="col">Attention against its share</Table.Th>
              <Table.Th scope="col">Cases with no attention</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {attention.bands.map((b) => (
              <Table.Tr key={b.band}>
                <Table.Th scope="row">
                  <BandName band={b.band} />
                </Table.Th>
                <Table.Td>
                  {b.cases} ({percent(b.shareOfCases)})
                </Table.Td>
                <Table.Td>
                  {b.attentionEvents} ({percent(b.shareOfAttention)})
                </Table.Td>
                <Table.Td>{ratioWords(b.attentionRatio)}</Table.Td>
                <Table.Td>
                  <CaseLinks cases={b.casesWithoutAttention} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <AttentionChart attention={attention} />
      <ul className="effect-sentences">
        {attention.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}

/** The table above as bars; hidden from screen readers, for whom the table is the same information. */
function AttentionChart({ attention }: { attention: Attention }) {
  return (
    <div className="effect-chart" aria-hidden="true" data-testid="attention-chart">
      <div className="effect-chart-key">
        <span className="effect-key effect-key-cases">Share of cases</span>
        <span className="effect-key effect-key-attention">Share of attention</span>
      </div>
      {attention.bands.map((b) => (
        <div key={b.band} className="effect-chart-row">
          <span className="effect-chart-label">{BAND_NAMES[b.band]}</span>
          <div className="effect-bars">
            <BarLine kind="cases" share={b.shareOfCases} />
            <BarLine kind="attention" share={b.shareOfAttention} />
          </div>
        </div>
      ))}
    </div>
  );
}

function BarLine({ kind, share }: { kind: 'cases' | 'attention'; share: number }) {
  return (
    <div className="effect-bar-line">
      <div className="effect-bar-track">
        <div className={`effect-bar effect-bar-${kind}`} style={{ width: `${Math.min(1, share) * 100}%` }} />
      </div>
      <span className="effect-bar-value">{percent(share)}</span>
    </div>
  );
}
