/**
 * The forecast of the next 4 weeks: week by week the hours available and planned, the cases whose
 * attention is done and those that breach their timescale; then every case in the order worked,
 * with the reason for its projection.
 */
import { Table } from '@mantine/core';
import type { CaseloadEffect } from './caseload-effect-api.ts';
import { BandName, CaseLink, CaseLinks, hours } from './effect-parts.tsx';

type Forecast = CaseloadEffect['forecast'];

export function ForecastSection({ forecast }: { forecast: Forecast }) {
  const breaching = forecast.cases.filter((c) => c.breaches);
  return (
    <section aria-labelledby="forecast-title" className="record-section">
      <h2 id="forecast-title" className="section-title">
        Forecast, next {forecast.horizonWeeks} weeks
      </h2>
      <p className="effect-headline">{forecast.summary.text}</p>
      <Table.ScrollContainer minWidth={720}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>
            Week by week: hours, cases attended and cases breaching their timescale
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Week</Table.Th>
              <Table.Th scope="col">Capacity</Table.Th>
              <Table.Th scope="col">Planned</Table.Th>
              <Table.Th scope="col">Spare</Table.Th>
              <Table.Th scope="col">Attention done</Table.Th>
              <Table.Th scope="col">Breaching</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forecast.weeks.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Th scope="row">Week {w.week}</Table.Th>
                <Table.Td>{hours(w.capacityHours)}</Table.Td>
                <Table.Td>{hours(w.allocatedHours)}</Table.Td>
                <Table.Td>{hours(w.spareHours)}</Table.Td>
                <Table.Td>
                  <CaseLinks cases={w.attended} />
                </Table.Td>
                <Table.Td>
                  <CaseLinks cases={w.breaching} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <h3 className="subsection-title effect-subtitle">Cases forecast to breach</h3>
      {breaching.length === 0 ? (
        <p className="empty-text">No case is forecast to breach its timescale.</p>
      ) : (
        <ul className="effect-reasons" data-testid="forecast-breaches">
          {breaching.map((c) => (
            <li key={c.case.id}>
              <CaseLink kase={c.case} /> <BandName band={c.band} />
              <p className="effect-reason">{c.reason}</p>
            </li>
          ))}
        </ul>
      )}

      <h3 className="subsection-title effect-subtitle">Every case, in the order worked</h3>
      <Table.ScrollContainer minWidth={720}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>The forecast of each open case</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Order</Table.Th>
              <Table.Th scope="col">Case</Table.Th>
              <Table.Th scope="col">Band</Table.Th>
              <Table.Th scope="col">Effort</Table.Th>
              <Table.Th scope="col">Projection</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {forecast.cases.map((c) => (
              <Table.Tr key={c.case.id}>
                <Table.Td>{c.position}</Table.Td>
                <Table.Th scope="row">
                  <CaseLink kase={c.case} />
                </Table.Th>
                <Table.Td>
                  <BandName band={c.band} />
                </Table.Td>
                <Table.Td>
                  {hours(c.effortHours)}
                  {!c.effortEstimated && <span className="meta"> (default)</span>}
                </Table.Td>
                <Table.Td>{c.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
