import { Text } from '@mantine/core';
import { PageHeading } from './page-heading.tsx';
import { followLink } from './router.ts';

/** Any path the app does not know, inside the signed-in shell. */
export function NotFoundPage() {
  return (
    <>
      <PageHeading>Page not found</PageHeading>
      <Text size="sm">
        There is no page at this address. Check the address, or go to{' '}
        <a href="/" onClick={followLink}>
          My caseload
        </a>
        .
      </Text>
    </>
  );
}
