import { Button, Text } from '@mantine/core';
import { useEffect, useRef } from 'react';
import type { ClientResponse } from '../../contract/clients.ts';
import { formatDate } from '../lib/format.ts';
import { followLink } from '../router.ts';
import { paths } from '../routes.ts';

export interface DuplicateMatches {
  /** The matching clients you may see, as the client record answers them. */
  clients: ClientResponse[];
  /** Matching clients known to another team, whom you may not see. */
  otherMatches: number;
}

export interface DuplicateWarningProps {
  matches: DuplicateMatches;
  pending: boolean;
  onCreateAnyway: () => void;
}

/**
 * The answer to POSSIBLE_DUPLICATE_CLIENT: who the person may already be (with links to their
 * cases and to open a case for them), and a deliberate way to record a different person anyway.
 */
export function DuplicateWarning({ matches, pending, onCreateAnyway }: DuplicateWarningProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { clients, otherMatches } = matches;
  return (
    <section
      className="callout callout-warning"
      aria-labelledby="duplicate-heading"
      data-testid="duplicate-warning"
    >
      <h2 id="duplicate-heading" ref={heading} tabIndex={-1} className="section-title">
        This person may already be recorded
      </h2>
      <Text size="sm" mb="xs">
        A client with the same legal name and date of birth exists. Check before recording them again: one
        record per person keeps their history in one place.
      </Text>
      {clients.length > 0 && (
        <ul className="match-list">
          {clients.map((c) => (
            <li key={c.id}>
              <strong>{c.displayName}</strong>
              {c.preferredName && c.preferredName !== c.legalName ? ` (legal name ${c.legalName})` : ''}
              {c.dateOfBirth ? `, born ${formatDate(c.dateOfBirth)}` : ''}
              <div className="match-links">
                {c.cases.length > 0 ? (
                  <>
                    Cases:{' '}
                    {c.cases.map((k, i) => (
                      <span key={k.id}>
                        {i > 0 && ', '}
                        <a href={paths.case(k.id)} onClick={followLink}>
                          {k.reference}
                        </a>
                      </span>
                    ))}
                    {' · '}
                  </>
                ) : (
                  'No cases you may see · '
                )}
                <a href={paths.openCaseFor(c.id)} onClick={followLink}>
                  Open a new case for {c.displayName}
                </a>
              </div>
            </li>
          ))}
        </ul>
      )}
      {otherMatches > 0 && (
        <Text size="sm" mb="xs">
          {otherMatches === 1 ? 'One matching client is' : `${otherMatches} matching clients are`} known to
          another team: ask a supervisor before recording the person again.
        </Text>
      )}
      <Button variant="default" onClick={onCreateAnyway} loading={pending}>
        This is a different person — create anyway
      </Button>
    </section>
  );
}
