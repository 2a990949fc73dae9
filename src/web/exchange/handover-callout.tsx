import './exchange.css';
import { Button } from '@mantine/core';
import { useState } from 'react';
import type { HandoverResponse } from '../../contract/exchange.ts';
import type { SectionProps } from '../case/case-data.ts';
import { problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { exchangeApi } from './exchange-api.ts';

/** The handovers to the reader that they have not marked read, oldest first. */
export function unreadHandoversToYou(data: SectionProps['data']): HandoverResponse[] {
  return data.exchange.entries
    .flatMap((e) => (e.kind === 'handover' ? [e.handover] : []))
    .filter((h) => h.toYou && h.acknowledgedAt === null)
    .reverse();
}

function HandoverNote({
  handover: h,
  api,
  changed,
}: { handover: HandoverResponse } & Omit<SectionProps, 'data'>) {
  const [pending, setPending] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const headingId = `handover-${h.id}-heading`;
  const acknowledge = async () => {
    setPending(true);
    setProblem(null);
    try {
      await exchangeApi.acknowledgeHandover(api, h.id);
      changed('Handover note marked as read.');
    } catch (error) {
      setPending(false);
      setProblem(problemFromError(error)?.detail ?? null);
    }
  };
  return (
    <section className="callout callout-warning handover-callout" aria-labelledby={headingId}>
      <h2 id={headingId} className="callout-title">
        Handover to you: read this first
      </h2>
      <p className="callout-text">
        {h.from.displayName} handed this case to you on {formatDateTime(h.handedOverAt)}
        {h.handedOverBy.id !== h.from.id ? ` (handed over by ${h.handedOverBy.displayName})` : ''}.
      </p>
      <p className="prose">{h.note}</p>
      <Button size="compact-sm" loading={pending} onClick={() => void acknowledge()}>
        I have read the handover
      </Button>
      {problem && (
        <p role="alert" className="field-error">
          {problem}
        </p>
      )}
    </section>
  );
}

/**
 * What the new owner of a case sees first, right under the heading: each handover note to them
 * not yet marked read, with who handed over and when, and "I have read the handover".
 */
export function HandoverCallout({ api, data, changed }: SectionProps) {
  const unread = unreadHandoversToYou(data);
  if (unread.length === 0) return null;
  return (
    <div data-testid="handover-callout">
      {unread.map((h) => (
        <HandoverNote key={h.id} handover={h} api={api} changed={changed} />
      ))}
    </div>
  );
}
