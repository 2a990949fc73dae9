import { Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { loginRequestSchema } from '../contract/auth.ts';
import type { ApiClient } from './api-client.ts';
import { authApi, type Session } from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from './form-problem.tsx';
import { type Notice, StatusNotice } from './notice.tsx';
import { PageHeading } from './page-heading.tsx';

const FIELD_IDS = { email: 'login-email', password: 'login-password' };

export interface LoginPageProps {
  api: ApiClient;
  notice: Notice | null;
  onSession: (session: Session) => void;
}

/** Sign in with email and password; the session that comes back says which step is next. */
export function LoginPage({ api, notice, onSession }: LoginPageProps) {
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const parsed = loginRequestSchema.safeParse({
      email: String(data.get('email') ?? '').trim(),
      password: String(data.get('password') ?? ''),
    });
    if (!parsed.success) {
      setProblem(problemFromIssues(parsed.error));
      return;
    }
    setPending(true);
    try {
      onSession(await authApi.login(api, parsed.data));
    } catch (error) {
      setProblem(problemFromError(error));
      setPending(false);
    }
  }

  return (
    <AuthLayout>
      {/* Once the person tries again, the earlier notice no longer applies. */}
      <StatusNotice notice={problem || pending ? null : notice} />
      <PageHeading>Sign in</PageHeading>
      <ErrorSummary problem={problem} fieldIds={FIELD_IDS} />
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            id={FIELD_IDS.email}
            name="email"
            type="email"
            label="Email address"
            autoComplete="username"
            spellCheck={false}
            autoCapitalize="none"
            required
            error={problem?.fields.email}
          />
          <PasswordInput
            id={FIELD_IDS.password}
            name="password"
            label="Password"
            autoComplete="current-password"
            required
            visibilityToggleFocusable
            visibilityToggleButtonProps={{ 'aria-label': 'Show password' }}
            error={problem?.fields.password}
            // Mantine marks a PasswordInput in error with data-invalid only; assistive tech needs aria-invalid.
            aria-invalid={problem?.fields.password ? true : undefined}
          />
          <Button type="submit" loading={pending} mt="xs" style={{ alignSelf: 'flex-start' }}>
            Sign in
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
