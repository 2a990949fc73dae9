import { Group, Loader, Text } from '@mantine/core';

/** What a page shows while its code or data arrives: a quiet spinner and a polite status. */
export function PageLoading({ what }: { what: string }) {
  return (
    <Group gap="xs" py="md">
      <Loader size="xs" aria-hidden="true" />
      <Text size="sm" role="status">
        Loading {what}…
      </Text>
    </Group>
  );
}

/** A page whose data could not be loaded: says why, with a way to try again. */
export function LoadFailed({ detail, onRetry }: { detail: string; onRetry?: () => void }) {
  return (
    <div role="alert" className="load-failed">
      <Text size="sm" mb={onRetry ? 'xs' : 0}>
        {detail}
      </Text>
      {onRetry && (
        <button type="button" className="text-button" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
