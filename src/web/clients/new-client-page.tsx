import { Button, Group } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import {
  type CreateClientRequest,
  createClientRequestSchema,
  duplicateClientProblemSchema,
} from '../../contract/clients.ts';
import { type ApiClient, ApiError } from '../api-client.ts';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from '../form-problem.tsx';
import { setFlash } from '../lib/flash.ts';
import { PageHeading } from '../page-heading.tsx';
import { recordsApi } from '../records-api.ts';
import { navigate } from '../router.ts';
import { paths } from '../routes.ts';
import { AccessNeedsFields, CLIENT_FIELD_IDS, PersonFields, SafeContactFields } from './client-fields.tsx';
import { clientRequestFromForm } from './client-request.ts';
import { type DuplicateMatches, DuplicateWarning } from './duplicate-warning.tsx';

/** The matches of a POSSIBLE_DUPLICATE_CLIENT answer, each read in full (name, birth date, cases). */
async function loadMatches(api: ApiClient, error: ApiError): Promise<DuplicateMatches | null> {
  const parsed = duplicateClientProblemSchema.safeParse(error.body);
  if (!parsed.success) return null;
  const ids = (parsed.data.matches ?? []).map((m) => m.clientId);
  const clients = await Promise.all(ids.map((id) => recordsApi.getClient(api, id)));
  return { clients, otherMatches: parsed.data.otherMatches ?? 0 };
}

/** Record a new client; a possible duplicate is shown before anything is saved. Then: open a case. */
export function NewClientPage({ api }: { api: ApiClient }) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [duplicate, setDuplicate] = useState<{
    request: CreateClientRequest;
    matches: DuplicateMatches;
  } | null>(null);

  async function create(request: CreateClientRequest) {
    setPending(true);
    try {
      const client = await recordsApi.createClient(api, request);
      setFlash(`${client.displayName} is recorded. Now open a case for them.`);
      navigate(paths.openCaseFor(client.id));
    } catch (error) {
      setPending(false);
      if (error instanceof ApiError && error.code === 'POSSIBLE_DUPLICATE_CLIENT') {
        const matches = await loadMatches(api, error).catch(() => null);
        if (matches) {
          setProblem(null);
          setDuplicate({ request, matches });
          return;
        }
      }
      setDuplicate(null);
      setProblem(problemFromError(error));
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = createClientRequestSchema.safeParse(
      clientRequestFromForm(new FormData(event.currentTarget)),
    );
    if (!parsed.success) {
      setDuplicate(null);
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    void create(parsed.data);
  }

  return (
    <>
      <PageHeading>New client</PageHeading>
      <ErrorSummary problem={problem} fieldIds={CLIENT_FIELD_IDS} />
      {duplicate && (
        <DuplicateWarning
          matches={duplicate.matches}
          pending={pending}
          onCreateAnyway={() => void create({ ...duplicate.request, confirmNotDuplicate: true })}
        />
      )}
      <form
        onSubmit={submit}
        noValidate
        className="record-form"
        onChange={() => duplicate && setDuplicate(null)}
      >
        <PersonFields problem={problem} />
        <SafeContactFields problem={problem} />
        <AccessNeedsFields problem={problem} />
        <Group gap="sm">
          <Button type="submit" loading={pending && !duplicate}>
            Record client
          </Button>
        </Group>
      </form>
    </>
  );
}
