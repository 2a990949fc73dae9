import { Button, CopyButton, Group, List, Loader, Stack, Text } from '@mantine/core';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { totpCodeRequestSchema } from '../contract/auth.ts';
import type { ApiClient } from './api-client.ts';
import { authApi, type Session } from './auth-api.ts';
import { AuthLayout } from './auth-layout.tsx';
import { CodeField } from './code-field.tsx';
import { ErrorSummary, type FormProblem, problemFromError, problemFromIssues } from './form-problem.tsx';
import { PageHeading } from './page-heading.tsx';
import { RecoveryCodes } from './recovery-codes.tsx';

const CODE_PROBLEMS = { fieldOfCode: { INVALID_TOTP: 'code' } };
const FIELD_IDS = { code: 'enrol-code' };

interface Enrolment {
  secret: string;
  qrCodeSvg: string;
}

interface Confirmed {
  recoveryCodes: string[];
  session: Session;
}

/** The secret in groups of four, easier to read and type: "JBSW Y3DP EHPK 3PXP". */
export function groupSecret(secret: string): string {
  return (secret.replace(/\s+/g, '').match(/.{1,4}/g) ?? []).join(' ');
}

const svgDataUri = (svg: string): string => `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;

export interface EnrolPageProps {
  api: ApiClient;
  /** Called with the full session once the person has seen their recovery codes. */
  onSession: (session: Session) => void;
  onCancel: () => void;
}

/** Sets up an authenticator app (required for admins and supervisors), then shows the recovery codes once. */
export function EnrolPage({ api, onSession, onCancel }: EnrolPageProps) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [loadProblem, setLoadProblem] = useState<FormProblem | null>(null);
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const [pending, setPending] = useState(false);
  const [confirmed, setConfirmed] = useState<Confirmed | null>(null);
  const started = useRef(false);

  async function start() {
    setLoadProblem(null);
    try {
      setEnrolment(await authApi.startEnrolment(api));
    } catch (error) {
      setLoadProblem(problemFromError(error));
    }
  }

  useEffect(() => {
    // Each call makes a new secret, so ask once even when React runs effects twice in development.
    if (started.current) return;
    started.current = true;
    void start();
  });

  async function confirm(event: FormEvent<HTMLFormElement>) {
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
      const result = await authApi.confirmEnrolment(api, parsed.data.code);
      api.setCsrfToken(result.session.csrfToken);
      setConfirmed(result);
    } catch (error) {
      setProblem(problemFromError(error, CODE_PROBLEMS));
      setPending(false);
    }
  }

  if (confirmed) {
    return (
      <AuthLayout>
        <PageHeading focusKey="codes">Save your recovery codes</PageHeading>
        <RecoveryCodes codes={confirmed.recoveryCodes} onContinue={() => onSession(confirmed.session)} />
      </AuthLayout>
    );
  }

  return (
    <AuthLayout>
      <PageHeading focusKey="setup">Set up your authenticator app</PageHeading>
      <Text size="sm" mb="md">
        Your role needs a second step when you sign in: a code from an authenticator app on your phone, such
        as Microsoft Authenticator or Google Authenticator.
      </Text>
      <ErrorSummary problem={loadProblem ?? problem} fieldIds={FIELD_IDS} />
      {loadProblem ? (
        <Group gap="sm">
          <Button onClick={() => void start()}>Try again</Button>
          <Button variant="subtle" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      ) : !enrolment ? (
        <Group gap="xs" role="status">
          <Loader size="sm" aria-hidden="true" />
          <Text size="sm">Preparing your set-up key…</Text>
        </Group>
      ) : (
        <List type="ordered" spacing="lg" size="sm">
          <List.Item>
            <Text size="sm" mb="xs">
              In the app, add an account and scan this QR code.
            </Text>
            <img
              className="qr-code"
              src={svgDataUri(enrolment.qrCodeSvg)}
              alt="QR code for adding Caseload to your authenticator app"
            />
          </List.Item>
          <List.Item>
            <Text size="sm" mb="xs">
              If you cannot scan it, type this key into the app instead:
            </Text>
            <Group gap="sm">
              <code className="secret-key" data-testid="totp-secret">
                {groupSecret(enrolment.secret)}
              </code>
              <CopyButton value={enrolment.secret.replace(/\s+/g, '')}>
                {({ copied, copy }) => (
                  <Button size="xs" variant="default" onClick={copy}>
                    {copied ? 'Key copied' : 'Copy key'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </List.Item>
          <List.Item>
            <form onSubmit={confirm} noValidate>
              <Stack gap="sm" align="flex-start">
                <CodeField
                  id={FIELD_IDS.code}
                  error={problem?.fields.code}
                  description="Enter the 6-digit code the app now shows for Caseload."
                />
                <Group gap="sm">
                  <Button type="submit" loading={pending}>
                    Continue
                  </Button>
                  <Button variant="subtle" onClick={onCancel}>
                    Cancel
                  </Button>
                </Group>
              </Stack>
            </form>
          </List.Item>
        </List>
      )}
    </AuthLayout>
  );
}
