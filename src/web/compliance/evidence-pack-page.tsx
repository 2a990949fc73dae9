/**
 * Admins' and supervisors' page: download the quality-mark evidence pack (AQS, SQM, Lexcel) for a
 * period, as a PDF to read or a CSV to work with.
 */
import { Group, TextInput } from '@mantine/core';
import { useState } from 'react';
import { todayIso } from '../lib/format.ts';
import { PageHeading } from '../page-heading.tsx';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function firstOfYear(today: string): string {
  return `${today.slice(0, 4)}-01-01`;
}

export function EvidencePackPage() {
  const today = todayIso();
  const [from, setFrom] = useState(firstOfYear(today));
  const [to, setTo] = useState(today);
  const problem =
    !DATE.test(from) || !DATE.test(to)
      ? 'Enter both dates'
      : to < from
        ? 'The end of the period cannot be before its start'
        : null;
  const link = (format: 'pdf' | 'csv') =>
    `/api/evidence-pack?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}&format=${format}`;
  return (
    <>
      <PageHeading>Evidence pack</PageHeading>
      <p className="meta">
        For quality-mark assessors (AQS, SQM, Lexcel): the key-dates register, the file-review log and
        results, caseload reviews held, and service timescale compliance for a period. Case references only:
        no client names. Supervisors get their teams; administrators the whole organisation.
      </p>
      <Group align="flex-end" mb="md">
        <TextInput
          id="evidence-from"
          type="date"
          label="From"
          value={from}
          onChange={(e) => setFrom(e.currentTarget.value)}
        />
        <TextInput
          id="evidence-to"
          type="date"
          label="To"
          value={to}
          onChange={(e) => setTo(e.currentTarget.value)}
          error={problem ?? undefined}
        />
      </Group>
      {problem === null && (
        <ul className="plain-list" aria-label="Downloads">
          <li>
            <a href={link('pdf')} download>
              Download the evidence pack as a PDF
            </a>
          </li>
          <li>
            <a href={link('csv')} download>
              Download the evidence pack as a CSV
            </a>
          </li>
        </ul>
      )}
    </>
  );
}
