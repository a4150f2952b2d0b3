import { Button, EmptyState as MantineEmptyState } from '@mantine/core';
import { IconAlertTriangle, IconRefresh } from '@tabler/icons-react';

export interface ErrorStateProps {
  title?: string;
  message: string;
  onRetry?: () => void;
}

export function ErrorState({ title = 'Something went wrong', message, onRetry }: ErrorStateProps) {
  return (
    <MantineEmptyState
      role="alert"
      py="xl"
      variant="light"
      color="red"
      icon={<IconAlertTriangle />}
      title={title}
      description={message}
    >
      {onRetry ? (
        <MantineEmptyState.Actions>
          <Button variant="default" leftSection={<IconRefresh size={16} />} onClick={onRetry}>
            Try again
          </Button>
        </MantineEmptyState.Actions>
      ) : null}
    </MantineEmptyState>
  );
}
