import { Button, Code, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { guideToCsv, guideToMarkdown, type RoutingGuideRow } from '@switchboard/domain';

import { IconCheck, IconCopy, IconDownload, IconMap } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { TableSkeleton } from '../components/TableSkeleton.tsx';
import { downloadFile } from '../download-file.ts';
import { useTRPC } from '../trpc.tsx';
import { describeError } from '../trpc-errors.ts';

/**
 * Excel reads a CSV without a byte-order mark in the machine's legacy code page, which
 * garbles accents and the curly quotes around rule names.
 */
const UTF8_BOM = '\uFEFF';

function guideCsvFile(rows: readonly RoutingGuideRow[]): string {
  return `${UTF8_BOM}${guideToCsv(rows)}`;
}

/**
 * The inbound routing guide — in the console for leads and in the workspace for agents — — request type → tags → inbox → playbook → priority
 * → SLA — built from the live rules and taxonomy, to read here or export.
 */
export function RoutingGuidePage() {
  const trpc = useTRPC();
  const guide = useQuery(trpc.routing.guide.queryOptions());
  const clipboard = useClipboard({ timeout: 2000 });
  const rows = guide.data ?? [];

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            Routing guide
          </Title>
          <Text c="dimmed" size="sm" maw={760}>
            Where each kind of request goes, read from the enabled routing rules and the taxonomy as
            they are now: the tags it gets, its inbox, playbook, priority and SLA.
          </Text>
        </div>
        <Group gap="xs">
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={rows.length === 0}
            onClick={() => downloadFile('routing-guide.csv', guideCsvFile(rows), 'text/csv')}
          >
            Download CSV
          </Button>
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            disabled={rows.length === 0}
            onClick={() => downloadFile('routing-guide.md', guideToMarkdown(rows), 'text/markdown')}
          >
            Download Markdown
          </Button>
          <Button
            variant="default"
            leftSection={clipboard.copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            color={clipboard.copied ? 'teal' : undefined}
            disabled={rows.length === 0}
            onClick={() => clipboard.copy(guideToMarkdown(rows))}
          >
            {clipboard.copied ? 'Copied' : 'Copy Markdown'}
          </Button>
        </Group>
      </Group>
      {clipboard.error ? (
        <Text size="sm" c="red">
          Could not copy: your browser did not allow it. Download the Markdown instead.
        </Text>
      ) : null}
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {guide.isPending ? (
          <TableSkeleton label="Loading the routing guide" />
        ) : guide.isError ? (
          <ErrorState message={describeError(guide.error)} onRetry={() => void guide.refetch()} />
        ) : rows.length === 0 ? (
          <EmptyState
            icon={<IconMap />}
            title="No request types yet"
            description="The guide lists each request type in the taxonomy; add request types to see where they go."
          />
        ) : (
          <Table.ScrollContainer minWidth={1100}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Request type</Table.Th>
                  <Table.Th>Audience</Table.Th>
                  <Table.Th>Set by</Table.Th>
                  <Table.Th>Tags</Table.Th>
                  <Table.Th>Inbox</Table.Th>
                  <Table.Th>Playbook</Table.Th>
                  <Table.Th>Priority</Table.Th>
                  <Table.Th>SLA</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((row) => (
                  <Table.Tr key={row.requestTypeCode}>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {row.requestType}
                      </Text>
                      <Code>{row.requestTypeCode}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.audience}</Text>
                    </Table.Td>
                    <Table.Td maw={220}>
                      <Text size="sm">{row.setBy}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.tags}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.inbox}</Text>
                    </Table.Td>
                    <Table.Td maw={260}>
                      <Text size="sm">{row.playbook}</Text>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{row.priority}</Text>
                    </Table.Td>
                    <Table.Td maw={220}>
                      <Text size="sm">{row.sla}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
    </Stack>
  );
}
