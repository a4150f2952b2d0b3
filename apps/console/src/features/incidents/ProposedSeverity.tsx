import { Alert, Group, List, Loader, Text } from '@mantine/core';
import { SEVERITY_LABELS } from '@switchboard/domain';
import { describeError, SeverityBadge } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import type { UseQueryResult } from '@tanstack/react-query';

type Classification = RouterOutputs['incidents']['classify'];

/** What the classification rules propose for the facts given so far, and why. */
export function ProposedSeverity({ query }: { query: UseQueryResult<Classification, unknown> }) {
  if (query.isPending) {
    return (
      <Group gap="xs">
        <Loader size="xs" />
        <Text size="sm" c="dimmed">
          Working out the proposed severity…
        </Text>
      </Group>
    );
  }
  if (query.isError) {
    return (
      <Alert color="red" variant="light" title="No proposal">
        {describeError(query.error)} Choose the severity yourself.
      </Alert>
    );
  }
  const { severity, reasons } = query.data;
  return (
    <Alert
      color="gray"
      variant="light"
      title={
        <Group gap="xs">
          <Text size="sm" fw={600}>
            Proposed: {SEVERITY_LABELS[severity]}
          </Text>
          <SeverityBadge severity={severity} />
        </Group>
      }
    >
      <List size="sm" spacing={2}>
        {reasons.map((reason) => (
          <List.Item key={reason}>{reason}</List.Item>
        ))}
      </List>
    </Alert>
  );
}
