import {
  ActionIcon,
  Anchor,
  Badge,
  Button,
  Group,
  Menu,
  Paper,
  Stack,
  Switch,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { AUDIENCE_LABELS, describeValidity } from '@switchboard/domain';
import { describeError, ListQueryState } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import {
  IconArchive,
  IconCertificate,
  IconDots,
  IconHistory,
  IconPencil,
  IconPlus,
  IconRestore,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { useListParams } from '../../lib/use-list-params.ts';
import { ArchiveCertificationModal } from './ArchiveCertificationModal.tsx';
import { CertificationFormModal } from './CertificationFormModal.tsx';
import { CERTIFICATION_PATHS, CertificationTabs } from './CertificationTabs.tsx';
import type { Certification } from './certification-types.ts';

const PARAMS = ['archived'] as const;

function holdersLink(certificationId: string, state: string) {
  return `${CERTIFICATION_PATHS.holders}?certification=${certificationId}&state=${state}`;
}

/** The catalog: each certification, its validity and tier, its holders and what it gates. */
export function CertificationsPage() {
  const trpc = useTRPC();
  const { values, update } = useListParams(PARAMS);
  const includeArchived = values.archived === 'yes';
  const [editing, setEditing] = useState<Certification | 'new' | null>(null);
  const [archiving, setArchiving] = useState<Certification | null>(null);
  const refresh = useRefreshArea('certifications');
  const catalog = useQuery({
    ...trpc.certifications.list.queryOptions({ includeArchived }),
    // Shaped as a list page for ListQueryState: the catalog is small and not paged.
    select: (items) => ({ items }),
  });
  const restore = useMutation(
    trpc.certifications.restore.mutationOptions({
      onSuccess: (restored) => {
        notifications.show({ color: 'teal', message: `${restored.name} restored` });
        void refresh();
      },
      onError: (error) => notifications.show({ color: 'red', message: describeError(error) }),
    }),
  );

  return (
    <Stack gap="md">
      <CertificationTabs
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
            New certification
          </Button>
        }
      />
      <Switch
        label="Show archived"
        checked={includeArchived}
        onChange={(event) =>
          update({ archived: event.currentTarget.checked ? 'yes' : undefined }, { replace: true })
        }
      />
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={catalog}
          loadingLabel="Loading certifications"
          empty={{
            icon: <IconCertificate />,
            title: 'No certifications yet',
            description: 'Create one, then require it on the request types only holders may take.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={1000}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Certification</Table.Th>
                    <Table.Th>Validity</Table.Th>
                    <Table.Th>Tier</Table.Th>
                    <Table.Th>Holders</Table.Th>
                    <Table.Th>Required by</Table.Th>
                    <Table.Th>Granted by</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((certification) => (
                    <Table.Tr key={certification.id}>
                      <Table.Td maw={320}>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {certification.name}
                          </Text>
                          {certification.active ? null : (
                            <Badge size="xs" color="gray" variant="outline">
                              Archived
                            </Badge>
                          )}
                        </Group>
                        <Text size="xs" c="dimmed" ff="monospace">
                          {certification.code}
                        </Text>
                        {certification.description ? (
                          <Text size="xs" c="dimmed" lineClamp={2}>
                            {certification.description}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{describeValidity(certification.validityDays)}</Text>
                        {certification.validityDays !== null &&
                        certification.renewalReminderDays > 0 ? (
                          <Text size="xs" c="dimmed">
                            Reminder {certification.renewalReminderDays} days before
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {certification.grantsTier ? (
                          <Badge variant="light" color="violet">
                            {certification.grantsTier}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <HolderCounts certification={certification} />
                      </Table.Td>
                      <Table.Td maw={260}>
                        {certification.requiredBy.length === 0 ? (
                          <Text size="sm" c="dimmed">
                            No request type
                          </Text>
                        ) : (
                          <Group gap={4}>
                            {certification.requiredBy.map((type) => (
                              <Badge
                                key={type.code}
                                size="sm"
                                variant="default"
                                title={`${type.code} · ${AUDIENCE_LABELS[type.audience]}`}
                              >
                                {type.name}
                              </Badge>
                            ))}
                          </Group>
                        )}
                      </Table.Td>
                      <Table.Td maw={200}>
                        <Text
                          size="sm"
                          c={certification.grantedByCurricula.length ? undefined : 'dimmed'}
                        >
                          {certification.grantedByCurricula.length === 0
                            ? 'Trainers only'
                            : certification.grantedByCurricula
                                .map((curriculum) => curriculum.name)
                                .join(', ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Menu position="bottom-end" withinPortal>
                          <Menu.Target>
                            <ActionIcon
                              variant="subtle"
                              color="gray"
                              aria-label={`Actions for ${certification.name}`}
                            >
                              <IconDots size={16} />
                            </ActionIcon>
                          </Menu.Target>
                          <Menu.Dropdown>
                            <Menu.Item
                              leftSection={<IconPencil size={14} />}
                              onClick={() => setEditing(certification)}
                            >
                              Edit
                            </Menu.Item>
                            <Menu.Item
                              leftSection={<IconHistory size={14} />}
                              component={Link}
                              to={`/changes?entityType=certification&entityId=${certification.id}`}
                            >
                              History
                            </Menu.Item>
                            {certification.active ? (
                              <Menu.Item
                                color="red"
                                leftSection={<IconArchive size={14} />}
                                onClick={() => setArchiving(certification)}
                              >
                                Archive
                              </Menu.Item>
                            ) : (
                              <Menu.Item
                                leftSection={<IconRestore size={14} />}
                                onClick={() => restore.mutate({ id: certification.id })}
                              >
                                Restore
                              </Menu.Item>
                            )}
                          </Menu.Dropdown>
                        </Menu>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      <CertificationFormModal editing={editing} onClose={() => setEditing(null)} />
      <ArchiveCertificationModal certification={archiving} onClose={() => setArchiving(null)} />
    </Stack>
  );
}

/** Holders per state, each a link to the matrix filtered to them. */
function HolderCounts({ certification }: { certification: Certification }) {
  const counts = [
    { state: 'valid', count: certification.valid, label: 'valid', color: 'teal' },
    {
      state: 'expiring_soon',
      count: certification.expiringSoon,
      label: 'expiring',
      color: 'yellow',
    },
    { state: 'expired', count: certification.expired, label: 'expired', color: 'red' },
  ].filter((entry) => entry.count > 0);
  if (counts.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nobody yet
      </Text>
    );
  }
  return (
    <Group gap={6}>
      {counts.map((entry) => (
        <Anchor
          key={entry.state}
          component={Link}
          to={holdersLink(certification.id, entry.state)}
          size="sm"
          c={entry.color}
        >
          {entry.count} {entry.label}
        </Anchor>
      ))}
    </Group>
  );
}
