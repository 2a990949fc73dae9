import { Paper, Text } from '@mantine/core';
import { PageHeading } from './page-heading.tsx';

/** The adviser's own caseload. Case records arrive in a later release, so for now it says so plainly. */
export function CaseloadPage() {
  return (
    <>
      <PageHeading>My caseload</PageHeading>
      <Paper withBorder p="lg" radius="sm" maw="40rem">
        <Text fw={600} mb={4}>
          You have no cases yet.
        </Text>
        <Text size="sm">
          Case records arrive in a later release of Caseload. When they do, your open cases will be listed
          here.
        </Text>
      </Paper>
    </>
  );
}
