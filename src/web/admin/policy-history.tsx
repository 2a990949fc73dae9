/**
 * The versions of the priority policy, newest first, with who saved each, when and why; any
 * version can be read in plain words, and (admins) copied into the form to start from it.
 */
import { Button, Table } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import type { ApiClient } from '../api-client.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { formatDateTime } from '../lib/format.ts';
import { type PolicyVersion, priorityPolicyApi, type VersionSummary } from './priority-policy-api.ts';

export interface PolicyHistoryProps {
  readonly api: ApiClient;
  readonly versions: readonly VersionSummary[];
  readonly inForce: number;
  /** Admins: copy a version into the editing form. */
  readonly onCopy?: ((version: PolicyVersion) => void) | undefined;
}

export function PolicyHistory({ api, versions, inForce, onCopy }: PolicyHistoryProps) {
  const [shown, setShown] = useState<PolicyVersion | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (shown) heading.current?.focus();
  }, [shown]);

  async function view(version: number) {
    setProblem(null);
    try {
      setShown(await priorityPolicyApi.version(api, version));
    } catch (error) {
      setProblem(problemFromError(error));
    }
  }

  const rows = [
    ...versions.map((v) => ({
      version: v.version,
      saved: formatDateTime(v.createdAt),
      by: v.createdBy?.name ?? '—',
      note: v.changeNote ?? '—',
    })),
    { version: 0, saved: '—', by: '—', note: 'The built-in default policy' },
  ];

  return (
    <section aria-labelledby="policy-history-title" className="record-section">
      <h2 id="policy-history-title" className="section-title">
        Versions
      </h2>
      <p className="section-hint">
        Every save is a new version; versions are never changed, and each assessment names the version it
        used.
      </p>
      <Table.ScrollContainer minWidth={560}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>The priority policy’s versions, newest first</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Saved</Table.Th>
              <Table.Th scope="col">By</Table.Th>
              <Table.Th scope="col">Change note</Table.Th>
              <Table.Th scope="col">In plain words</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.version}>
                <Table.Th scope="row">
                  {row.version}
                  {row.version === inForce && <span className="policy-in-force"> (in force)</span>}
                </Table.Th>
                <Table.Td>{row.saved}</Table.Td>
                <Table.Td>{row.by}</Table.Td>
                <Table.Td>{row.note}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => void view(row.version)}>
                    Read version {row.version}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {problem && (
        <p role="alert" className="field-error">
          {problem.detail}
        </p>
      )}
      {shown && (
        <section aria-labelledby="policy-version-title" className="policy-version">
          <h3 id="policy-version-title" ref={heading} tabIndex={-1} className="subsection-title">
            Version {shown.version} in plain words
          </h3>
          {shown.changeNote && <p className="meta">Change note: {shown.changeNote}</p>}
          <ul className="policy-description">
            {shown.description.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
          <div className="page-actions">
            {onCopy && (
              <Button variant="default" size="compact-sm" onClick={() => onCopy(shown)}>
                Start the form from version {shown.version}
              </Button>
            )}
            <Button variant="subtle" size="compact-sm" onClick={() => setShown(null)}>
              Close version {shown.version}
            </Button>
          </div>
        </section>
      )}
    </section>
  );
}
