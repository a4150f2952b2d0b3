import { Button, type ButtonProps, Group, Paper, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { type ReactNode, useId } from 'react';

/** A titled block of the report, with what it shows and its controls on the right. */
export function ReportSection({
  title,
  description,
  aside,
  children,
  padded = true,
}: {
  title: string;
  description?: ReactNode;
  aside?: ReactNode;
  children: ReactNode;
  /** Tables run to the edges; figures and charts are padded. */
  padded?: boolean;
}) {
  const id = useId();
  return (
    <Paper p={0} component="section" aria-labelledby={id} style={{ overflow: 'hidden' }}>
      <Group justify="space-between" align="flex-end" p="md" pb="xs" gap="sm">
        <div>
          <Title order={2} size="h4" id={id}>
            {title}
          </Title>
          {description ? (
            <Text size="sm" c="dimmed" maw={760}>
              {description}
            </Text>
          ) : null}
        </div>
        {aside ? (
          <Group gap="xs" align="flex-end">
            {aside}
          </Group>
        ) : null}
      </Group>
      {padded ? (
        <Paper p="md" pt="xs" withBorder={false} bg="transparent">
          {children}
        </Paper>
      ) : (
        children
      )}
    </Paper>
  );
}

/** "Export CSV" as every report table offers it. */
export function ExportCsvButton({
  onClick,
  label = 'Export CSV',
  ...props
}: { onClick: () => void; label?: string } & Omit<ButtonProps, 'children'>) {
  return (
    <Button
      variant="default"
      size="xs"
      leftSection={<IconDownload size={14} />}
      onClick={onClick}
      {...props}
    >
      {label}
    </Button>
  );
}
