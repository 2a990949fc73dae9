import { Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { totpCodeRequestSchema } from '../contract/auth.ts';
import type { ApiClient } from './api-client.ts';
import { authApi, type Session } from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { CodeField } from './code-field.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from './form-problem.tsx';
import { PageHeading } from './page-heading.tsx';

const CODE_PROBLEMS = { fieldOfCode: { INVALID_TOTP: 'code' } };
const FIELD_IDS = { code: 'totp-code' };

export interface TotpPageProps {
  api: ApiClient;
  session: Session;
  onSession: (session: Session) => void;
  onCancel: () => void;
}

/** The second sign-in step: a code from the authenticator app, or one of the recovery codes. */
export function TotpPage({ api, session, onSession, onCancel }: TotpPageProps) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [recovery, setRecovery] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = totpCodeRequestSchema.safeParse({
      code: new FormData(event.currentTarget).get('code') ?? '',
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      onSession(await authApi.loginTotp(api, parsed.data.code));
    } catch (error) {
      setProblem(problemFromError(error, CODE_PROBLEMS));
      setPending(false);
    }
  }

  return (
    <AuthLayout>
      <PageHeading>Enter your authentication code</PageHeading>
      <Text size="sm" mb="md">
        You are signing in as <strong>{session.user.email}</strong>.
      </Text>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm" align="flex-start">
          <CodeField
            id={FIELD_IDS.code}
            allowLetters={recovery}
            error={problem?.fields.code}
            description={
              recovery
                ? 'Enter one of the recovery codes you saved, like ab12c-d34ef. Each code works once.'
                : 'Open the authenticator app on your phone and enter the 6-digit code it shows for Caseload.'
            }
          />
          <UnstyledButton className="text-button" onClick={() => setRecovery((r) => !r)}>
            {recovery
              ? 'Use the code from my authenticator app'
              : 'I do not have my phone: use a recovery code'}
          </UnstyledButton>
          <Group gap="sm" mt="xs">
            <Button type="submit" loading={pending}>
              Continue
            </Button>
            <Button variant="subtle" onClick={onCancel}>
              Cancel
            </Button>
          </Group>
        </Stack>
      </form>
    </AuthLayout>
  );
}
