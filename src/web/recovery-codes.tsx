import { Button, CopyButton, Group, Text } from '@mantine/core';

export interface RecoveryCodesProps {
  codes: readonly string[];
  onContinue: () => void;
}

/** The recovery codes, shown once after setting up an authenticator app. */
export function RecoveryCodes({ codes, onContinue }: RecoveryCodesProps) {
  return (
    <>
      <div className="notice notice-warning">
        <Text fw={700} size="sm" mb={4}>
          Store these somewhere safe; each works once.
        </Text>
        <Text size="sm">
          If you lose your phone, sign in with one of these codes instead of a code from the app. Caseload
          will not show them again.
        </Text>
      </div>
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>{code}</li>
        ))}
      </ol>
      <Group gap="sm" mt="md">
        <Button onClick={onContinue}>Continue</Button>
        <CopyButton value={codes.join('\n')}>
          {({ copied, copy }) => (
            <Button variant="default" onClick={copy}>
              {copied ? 'Codes copied' : 'Copy codes'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </>
  );
}
