/**
 * "What if I move a case?": a supervisor chooses a case of a member of a team they supervise and a
 * colleague of that team, and sees both people's load before and after. Nothing is saved.
 */
import { Button, NativeSelect, Table } from '@mantine/core';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { LoadStatusResponse } from '../../contract/capacity.ts';
import type { ApiClient } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError } from '../form-problem.tsx';
import { type Capacity, capacityApi, type Practitioner, type WhatIfResult } from './capacity-api.ts';
import { RagTag } from './load-bar.tsx';

const FIELD_IDS = { caseId: 'whatif-case', toUserId: 'whatif-to' };

interface Movable {
  readonly id: string;
  readonly label: string;
  readonly ownerId: string;
  readonly teamId: string;
}

/** The visible cases in the teams the reader supervises, by owner (optgroups), heaviest first. */
function movableCases(data: Capacity): { group: string; items: Movable[] }[] {
  const supervised = new Set(data.supervisedTeams.map((t) => t.id));
  return data.practitioners
    .map((p) => ({
      group: p.displayName,
      items: p.cases
        .filter((c) => c.teamId !== null && supervised.has(c.teamId))
        .map((c) => ({
          id: c.id,
          label: `${c.reference} (weight ${c.weight})`,
          ownerId: p.id,
          teamId: c.teamId as string,
        })),
    }))
    .filter((g) => g.items.length > 0);
}

/** Who could receive the case: active advisers and supervisors of its team, other than its owner. */
const receiversOf = (data: Capacity, kase: Movable | undefined): Practitioner[] =>
  kase
    ? data.practitioners.filter(
        (p) => p.active && p.id !== kase.ownerId && p.teams.some((t) => t.id === kase.teamId),
      )
    : [];

export function ReallocationForm({ api, data }: { api: ApiClient; data: Capacity }) {
  const groups = movableCases(data);
  const all = groups.flatMap((g) => g.items);
  const [caseId, setCaseId] = useState('');
  const [toUserId, setToUserId] = useState('');
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<WhatIfResult | null>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const chosen = all.find((c) => c.id === caseId);
  const receivers = receiversOf(data, chosen);

  useEffect(() => {
    if (result) resultHeading.current?.focus();
  }, [result]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (!caseId) fields.caseId = 'Choose the case to move';
    if (!toUserId) fields.toUserId = 'Choose the colleague who would receive it';
    if (Object.keys(fields).length > 0) {
      setProblem({ detail: 'Check what you chose.', fields });
      setResult(null);
      return;
    }
    setPending(true);
    try {
      setResult(await capacityApi.whatIf(api, { caseId, toUserId }));
      setProblem(null);
    } catch (error) {
      setProblem(problemFromError(error));
      setResult(null);
    } finally {
      setPending(false);
    }
  }

  return (
    <section aria-labelledby="whatif-title" className="record-section cap-whatif">
      <h2 id="whatif-title" className="section-title">
        What if I move a case?
      </h2>
      <p className="section-hint">
        Choose a case of someone in a team you supervise and a colleague in the same team: see both loads
        before and after. Nothing is moved or saved.
      </p>
      {all.length === 0 ? (
        <p className="empty-text">There is no open case in the teams you supervise to try moving.</p>
      ) : (
        <form onSubmit={submit} noValidate className="record-form" aria-label="What if I move a case?">
          <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
          <div className="cap-whatif-fields">
            <NativeSelect
              id="whatif-case"
              label="Case to move"
              value={caseId}
              error={problem?.fields.caseId}
              onChange={(event) => {
                setCaseId(event.currentTarget.value);
                setToUserId('');
              }}
              data={[
                { value: '', label: 'Choose a case' },
                ...groups.map((g) => ({
                  group: g.group,
                  items: g.items.map((c) => ({ value: c.id, label: c.label })),
                })),
              ]}
            />
            <NativeSelect
              id="whatif-to"
              label="Colleague to receive it"
              description={chosen ? undefined : 'Choose the case first: colleagues of its team are listed'}
              value={toUserId}
              error={problem?.fields.toUserId}
              onChange={(event) => setToUserId(event.currentTarget.value)}
              data={[
                {
                  value: '',
                  label: receivers.length > 0 || !chosen ? 'Choose a colleague' : 'Nobody else in its team',
                },
                ...receivers.map((p) => ({
                  value: p.id,
                  label: `${p.displayName} (${p.ragWords}, ${p.load} of ${p.capacity} points)`,
                })),
              ]}
            />
          </div>
          <Button type="submit" loading={pending}>
            Show before and after
          </Button>
        </form>
      )}
      {result && <WhatIfOutcome result={result} headingRef={resultHeading} />}
    </section>
  );
}

function Status({ status }: { status: LoadStatusResponse }) {
  return (
    <span className="cap-figures">
      <RagTag rag={status.rag} />
      <span>{status.summary}</span>
    </span>
  );
}

function WhatIfOutcome({
  result,
  headingRef,
}: {
  result: WhatIfResult;
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const rows = [
    { who: result.from, role: 'gives the case' },
    { who: result.to, role: 'receives it' },
  ];
  return (
    <section aria-labelledby="whatif-result-title" data-testid="whatif-result">
      <h3 id="whatif-result-title" ref={headingRef} tabIndex={-1} className="subsection-title">
        Before and after moving {result.reference}
      </h3>
      <p className="cap-result-summary">{result.summary}</p>
      <p className="meta">Its weight: {result.explanation}.</p>
      {result.warnings.length > 0 && (
        <div className="cap-warning" role="note" aria-label="Warning">
          <p className="cap-warning-title">Warning</p>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <Table.ScrollContainer minWidth={640}>
        <Table className="data-table" verticalSpacing={6}>
          <Table.Caption>Load before and after the move</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Person</Table.Th>
              <Table.Th scope="col">Now</Table.Th>
              <Table.Th scope="col">After the move</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map(({ who, role }) => (
              <Table.Tr key={who.userId}>
                <Table.Th scope="row">
                  {who.displayName} <span className="meta">({role})</span>
                </Table.Th>
                <Table.Td>
                  <Status status={who.before} />
                </Table.Td>
                <Table.Td>
                  <Status status={who.after} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </section>
  );
}
