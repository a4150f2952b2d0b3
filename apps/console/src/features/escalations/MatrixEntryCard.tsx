import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import {
  type DownstreamTeamKind,
  durationText,
  escalationMatrixSummary,
  HANDOFF_FIELD_LABELS,
  SEVERITIES,
  SEVERITY_LABELS,
  TEAM_KIND_LABELS,
} from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconHistory, IconPencil, IconPlus } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { matrixEditorPath, matrixHistoryPath } from './escalation-links.ts';

export type MatrixRow = RouterOutputs['escalations']['matrix'][number];

function Setting({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" fw={700} c="dimmed" tt="uppercase">
        {label}
      </Text>
      {children}
    </div>
  );
}

/** Acknowledge and resolve targets per severity, as a lead compares them across teams. */
function SlaTable({ sla }: { sla: MatrixRow['definition']['sla'] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" aria-label="SLA">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Acknowledge</Table.Th>
          <Table.Th>Resolve</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SEVERITIES.map((severity) => (
          <Table.Tr key={severity}>
            <Table.Td>
              <Text size="sm">{SEVERITY_LABELS[severity]}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{durationText(sla[severity].acknowledgeMinutes)}</Text>
            </Table.Td>
            <Table.Td>
              <Text size="sm">{durationText(sla[severity].resolveMinutes)}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function EntrySettings({ row }: { row: MatrixRow }) {
  const entry = row.definition;
  // The same wording the change history uses for triggers, calendar and reminder.
  const summary = escalationMatrixSummary(entry);
  const triggers = summary.Triggers as string[];
  return (
    <Stack gap="sm">
      <Setting label="Owner queue">
        <Text size="sm">
          {row.ownerTeamName}{' '}
          <Text span size="xs" c="dimmed">
            {entry.ownerTeamCode}
          </Text>
        </Text>
      </Setting>
      <Setting label="Triggers">
        {triggers.length === 0 ? (
          <Text size="sm" c="dimmed">
            None: support escalates here only by choice.
          </Text>
        ) : (
          <List size="sm" spacing={2}>
            {triggers.map((trigger) => (
              <List.Item key={trigger}>{trigger}</List.Item>
            ))}
          </List>
        )}
      </Setting>
      <Setting label="Required handoff fields">
        {entry.requiredFields.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Group gap={4} mt={2}>
            {entry.requiredFields.map((field) => (
              <Badge key={field} variant="default" size="sm">
                {HANDOFF_FIELD_LABELS[field].label}
              </Badge>
            ))}
          </Group>
        )}
      </Setting>
      <Setting label="SLA">
        <SlaTable sla={entry.sla} />
      </Setting>
      <Setting label="Business calendar">
        <Text size="sm">{String(summary['Business calendar'])}</Text>
      </Setting>
      <Setting label="Reminder">
        <Text size="sm">{String(summary.Reminder)}</Text>
      </Setting>
    </Stack>
  );
}

/**
 * One downstream team's row of the matrix: what sends work there, what a handoff carries,
 * how fast it is owed — or that it is not set up yet.
 */
export function MatrixEntryCard({
  teamKind,
  row,
  canEdit,
}: {
  teamKind: DownstreamTeamKind;
  row: MatrixRow | undefined;
  canEdit: boolean;
}) {
  const label = TEAM_KIND_LABELS[teamKind];
  return (
    <Paper component="section" aria-label={label} withBorder p="md">
      <Stack gap="md" h="100%">
        <Group justify="space-between" align="flex-start">
          <Title order={2} size="h4">
            {label}
          </Title>
          {row ? (
            <Badge variant="light" color="blue">
              v{row.version}
            </Badge>
          ) : (
            <Badge variant="light" color="yellow">
              Not set up
            </Badge>
          )}
        </Group>
        {row ? (
          <EntrySettings row={row} />
        ) : (
          <Text size="sm" c="dimmed">
            Support cannot escalate to {label} until its owner queue, handoff fields and SLA are set
            up.
          </Text>
        )}
        <Group justify="space-between" mt="auto">
          {row ? (
            <Stack gap={2}>
              <Text size="xs" c="dimmed">
                Version {row.version} · changed {formatDateTime(row.updatedAt)} by{' '}
                {row.updatedByName ?? 'someone no longer here'}
              </Text>
              <Anchor component={Link} to={matrixHistoryPath(row.id)} size="xs">
                <Group gap={4} component="span">
                  <IconHistory size={12} />
                  History of {label}
                </Group>
              </Anchor>
            </Stack>
          ) : (
            <span />
          )}
          {row ? (
            <Button
              component={Link}
              to={matrixEditorPath(teamKind)}
              variant="default"
              size="xs"
              leftSection={<IconPencil size={14} />}
              aria-label={`${canEdit ? 'Edit' : 'View'} ${label}`}
            >
              {canEdit ? 'Edit' : 'View'}
            </Button>
          ) : canEdit ? (
            <Button
              component={Link}
              to={matrixEditorPath(teamKind)}
              size="xs"
              leftSection={<IconPlus size={14} />}
              aria-label={`Set up ${label}`}
            >
              Set up
            </Button>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
