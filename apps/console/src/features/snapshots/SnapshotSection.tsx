import { Paper, Stack, Text, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';

export interface SnapshotSectionProps {
  title: string;
  description?: ReactNode;
  children: ReactNode;
}

/** One part of the report, a named region so it reads (and prints) as a section. */
export function SnapshotSection({ title, description, children }: SnapshotSectionProps) {
  const headingId = useId();
  return (
    <Paper component="section" aria-labelledby={headingId} p="md" withBorder>
      <Stack gap="sm">
        <div>
          <Title order={2} size="h4" id={headingId}>
            {title}
          </Title>
          {description ? (
            <Text size="sm" c="dimmed">
              {description}
            </Text>
          ) : null}
        </div>
        {children}
      </Stack>
    </Paper>
  );
}
