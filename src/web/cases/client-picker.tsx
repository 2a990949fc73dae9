import { Button, Group, Text, TextInput } from '@mantine/core';
import { type KeyboardEvent, useState } from 'react';
import { type ClientLookupResponse, clientLookupQuerySchema } from '../../contract/clients.ts';
import type { ApiClient } from '../api-client.ts';
import { problemFromError } from '../form-problem.tsx';
import { formatDate } from '../lib/format.ts';
import { recordsApi } from '../records-api.ts';
import { followLink } from '../router.ts';
import { PATHS } from '../routes.ts';

export type ClientChoice = { id: string; label: string };

export interface ClientPickerProps {
  api: ApiClient;
  /** The id of the search input (the error summary links the clientId problem to it). */
  inputId: string;
  error: string | undefined;
  chosen: ClientChoice | null;
  onChoose: (choice: ClientChoice | null) => void;
}

type Match = ClientLookupResponse['clients'][number];

const describe = (m: Match) =>
  `${m.preferredName ?? m.legalName}${m.dateOfBirth ? `, born ${formatDate(m.dateOfBirth)}` : ''}`;

/** Find a client you may see by part of a name or a date of birth, and choose one. */
export function ClientPicker({ api, inputId, error, chosen, onChoose }: ClientPickerProps) {
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<Match[] | null>(null);
  const [lookupError, setLookupError] = useState<string | undefined>();
  const [pending, setPending] = useState(false);

  async function find() {
    const parsed = clientLookupQuerySchema.safeParse({ q: text });
    if (!parsed.success) {
      setLookupError(parsed.error.issues[0]?.message);
      return;
    }
    setPending(true);
    setLookupError(undefined);
    try {
      setMatches((await recordsApi.lookUpClients(api, parsed.data.q)).clients);
    } catch (e) {
      setLookupError(problemFromError(e)?.detail);
    } finally {
      setPending(false);
    }
  }

  // Enter in the search box finds; it must not submit the whole form.
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      void find();
    }
  };

  if (chosen) {
    return (
      <div className="chosen-client">
        <Text size="sm" fw={600} component="span" id={`${inputId}-chosen`}>
          Client: {chosen.label}
        </Text>{' '}
        <button id={inputId} type="button" className="text-button" onClick={() => onChoose(null)}>
          Choose another client
        </button>
      </div>
    );
  }

  return (
    <div>
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          id={inputId}
          label="Client"
          description="Type part of their name, or their date of birth (17/05/1980)"
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          error={lookupError ?? error}
          autoComplete="off"
          style={{ flex: 1 }}
        />
        <Button
          variant="default"
          onClick={() => void find()}
          loading={pending}
          mb={(lookupError ?? error) ? 22 : 0}
        >
          Find
        </Button>
      </Group>
      {matches && (
        <div className="match-choices">
          {matches.length === 0 ? (
            <Text size="sm" role="status">
              No client you may see matches. Check the spelling, or{' '}
              <a href={PATHS.newClient} onClick={followLink}>
                record a new client
              </a>
              .
            </Text>
          ) : (
            <>
              <Text size="sm" role="status" mb={4}>
                {matches.length === 1 ? '1 client matches' : `${matches.length} clients match`}:
              </Text>
              <ul className="plain-list">
                {matches.map((m) => (
                  <li key={m.id}>
                    <button
                      type="button"
                      className="text-button"
                      onClick={() => onChoose({ id: m.id, label: describe(m) })}
                    >
                      Choose {describe(m)}
                    </button>
                    {m.caseReferences.length > 0 && (
                      <span className="muted"> — cases {m.caseReferences.join(', ')}</span>
                    )}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
