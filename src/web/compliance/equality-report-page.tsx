/**
 * Administrators' page: equality monitoring in aggregate for a period — one table per question,
 * small numbers suppressed by the API (never computed here).
 */
import '../exchange/exchange.css';
import { Button, Group, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { equalityReportSchema } from '../../contract/equality-monitoring.ts';
import type { ApiClient } from '../api-client.ts';
import { textOf } from '../case/inline-form.tsx';
import { todayIso } from '../lib/format.ts';
import { useLoad } from '../lib/use-load.ts';
import { PageHeading } from '../page-heading.tsx';
import { LoadFailed, PageLoading } from '../page-loading.tsx';

export function EqualityReportPage({ api }: { api: ApiClient }) {
  const today = todayIso();
  const [period, setPeriod] = useState({ from: `${today.slice(0, 4)}-01-01`, to: today });
  const query = `from=${encodeURIComponent(period.from)}&to=${encodeURIComponent(period.to)}`;
  const { loaded, reload } = useLoad(
    () => api.get(`/api/equality-monitoring/report?${query}`, equalityReportSchema),
    query,
  );
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const d = new FormData(event.currentTarget);
    setPeriod({ from: textOf(d, 'from'), to: textOf(d, 'to') });
  };
  return (
    <>
      <PageHeading>Equality monitoring</PageHeading>
      <p className="meta">
        Clients with a case open at some time in the period, counted per answer. Answers are never shown for a
        person, and small numbers are suppressed.
      </p>
      <form onSubmit={submit} aria-label="Period" noValidate>
        <Group align="flex-end" mb="md">
          <TextInput id="equality-from" name="from" type="date" label="From" defaultValue={period.from} />
          <TextInput id="equality-to" name="to" type="date" label="To" defaultValue={period.to} />
          <Button type="submit">Show</Button>
        </Group>
      </form>
      {loaded.state === 'loading' && <PageLoading what="the equality monitoring report" />}
      {loaded.state === 'failed' && <LoadFailed detail={loaded.problem.detail} onRetry={reload} />}
      {loaded.state === 'ready' && (
        <>
          <p className="meta">{loaded.data.suppression}</p>
          {loaded.data.tables.map((t) => (
            <table key={t.question} className="outcome-report-table">
              <caption className="subsection-title">{t.label}</caption>
              <thead>
                <tr>
                  <th scope="col">Answer</th>
                  <th scope="col" className="number">
                    Clients
                  </th>
                </tr>
              </thead>
              <tbody>
                {t.rows.map((r) => (
                  <tr key={r.value}>
                    <th scope="row">{r.label}</th>
                    <td className="number">{r.shown}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">Total</th>
                  <td className="number">{t.total === null ? 'suppressed' : t.total}</td>
                </tr>
              </tbody>
            </table>
          ))}
        </>
      )}
    </>
  );
}
