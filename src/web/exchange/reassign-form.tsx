import { NativeSelect, Textarea } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { ZodError } from 'zod';
import { updateCaseRequestSchema } from '../../contract/cases.ts';
import type { CaseColleagues } from '../../contract/notifications.ts';
import type { SectionProps } from '../case/case-data.ts';
import { InlineForm, parseOrThrow, textOf } from '../case/inline-form.tsx';
import { priorityApi } from '../case/priority-api.ts';
import { type FormProblem, problemFromError } from '../form-problem.tsx';
import { navigate } from '../router.ts';
import { PATHS } from '../routes.ts';
import { exchangeApi } from './exchange-api.ts';

/** Who may take the case: active colleagues in the case's team (any colleague when it has none), not the owner. */
function OwnerAndNote({
  api,
  data,
  problem: p,
}: Pick<SectionProps, 'api' | 'data'> & { problem: FormProblem | null }) {
  const { kase } = data;
  const [colleagues, setColleagues] = useState<CaseColleagues['colleagues'] | null>(null);
  const [loadProblem, setLoadProblem] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    priorityApi.colleagues(api, kase.id).then(
      (list) => live && setColleagues(list.colleagues),
      (error: unknown) => live && setLoadProblem(problemFromError(error)?.detail ?? null),
    );
    return () => {
      live = false;
    };
  }, [api, kase.id]);
  const choices = (colleagues ?? []).filter(
    (c) => c.id !== kase.owner.id && (!kase.team || c.teams.some((t) => t.id === kase.team?.id)),
  );
  return (
    <>
      <NativeSelect
        id="reassign-owner"
        name="ownerId"
        label="New owner"
        description={
          loadProblem ??
          (colleagues ? `A member of ${kase.team?.name ?? 'your organisation'}` : 'Loading colleagues…')
        }
        data={[
          { value: '', label: 'Choose the new owner' },
          ...choices.map((c) => ({ value: c.id, label: c.displayName })),
        ]}
        error={p?.fields.ownerId}
      />
      <Textarea
        id="reassign-note"
        name="handoverNote"
        label="Handover note"
        description="What the new owner must know and do first: deadlines, risks, what the client expects. They see it at the top of the case until they mark it read."
        required
        autosize
        minRows={4}
        mt="xs"
        error={p?.fields.handoverNote}
      />
    </>
  );
}

/**
 * Reassign the case to a colleague, with the handover note the new owner reads first. Someone who
 * loses the case by handing it over goes back to their caseload.
 */
export function ReassignForm({ api, data, changed }: SectionProps) {
  const { kase } = data;
  const keepsCase = useRef(true);
  if (!kase.yourAccess.manage || kase.status === 'closed') return null;
  const done = 'The case is reassigned; the new owner has been told to read your handover note.';
  return (
    <InlineForm
      label="Reassign"
      submitLabel="Reassign the case"
      fieldIds={{ ownerId: 'reassign-owner', handoverNote: 'reassign-note' }}
      onSubmit={async (d) => {
        const ownerId = textOf(d, 'ownerId');
        if (!ownerId) {
          throw new ZodError([
            { code: 'custom', path: ['ownerId'], message: 'Choose the new owner', input: '' },
          ]);
        }
        const body = parseOrThrow(
          updateCaseRequestSchema.safeParse({ ownerId, handoverNote: textOf(d, 'handoverNote') }),
        );
        const updated = await exchangeApi.reassign(api, kase.id, body);
        keepsCase.current = updated.yourAccess.contribute;
      }}
      onDone={() => {
        if (keepsCase.current) {
          changed(done);
          return;
        }
        // The case is no longer theirs to see: back to their caseload, where it no longer is.
        navigate(PATHS.caseload);
      }}
    >
      {(p) => <OwnerAndNote api={api} data={data} problem={p} />}
    </InlineForm>
  );
}
