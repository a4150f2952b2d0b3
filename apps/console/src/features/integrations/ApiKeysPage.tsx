import {
  Alert,
  Badge,
  Button,
  Code,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  describeError,
  formatDateTime,
  formatRelativeTime,
  ListPagination,
  ListQueryState,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconKey, IconLock, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useListParams } from '../../lib/use-list-params.ts';
import { CreateApiKeyModal } from './CreateApiKeyModal.tsx';

const PAGE_SIZE = 25;
const PARAMS = [] as const;

type ApiKeyRow = RouterOutputs['integrations']['listApiKeys']['items'][number];

/** Admins only: the console lets leads and trainers in, so the page checks too. */
export function ApiKeysPage() {
  const viewer = useViewer();
  if (!viewer.access.admin) {
    return (
      <Alert color="orange" icon={<IconLock />} title="Admins only">
        API keys let other systems write into Switchboard, so only admins can see and manage them.
      </Alert>
    );
  }
  return <ApiKeys />;
}

function ApiKeys() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { page, update } = useListParams(PARAMS);
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const keys = useQuery({
    ...trpc.integrations.listApiKeys.queryOptions({
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const refresh = () =>
    queryClient.invalidateQueries({ queryKey: trpc.integrations.listApiKeys.pathKey() });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1} size="h2">
            API keys
          </Title>
          <Text c="dimmed" size="sm">
            Keys your integrations use to deliver messages to <Code>POST /api/v1/messages</Code>{' '}
            (see <Code>/api/v1/openapi.json</Code>). Revoked keys stop working at once.
          </Text>
        </div>
        <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
          Create API key
        </Button>
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={keys}
          loadingLabel="Loading API keys"
          empty={{
            icon: <IconKey />,
            title: 'No API keys yet',
            description: 'Create one for each system that sends messages to Switchboard.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={800}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Key</Table.Th>
                    <Table.Th>Created</Table.Th>
                    <Table.Th>Last used</Table.Th>
                    <Table.Th>Status</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((key) => (
                    <Table.Tr key={key.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {key.name}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Code>{key.prefix}…</Code>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{formatDateTime(key.createdAt)}</Text>
                        {key.createdByName ? (
                          <Text size="xs" c="dimmed">
                            by {key.createdByName}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {key.lastUsedAt ? (
                          <Tooltip label={formatDateTime(key.lastUsedAt)}>
                            <Text size="sm">{formatRelativeTime(key.lastUsedAt)}</Text>
                          </Tooltip>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Never
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {key.revokedAt ? (
                          <Stack gap={2}>
                            <Badge color="gray" variant="light">
                              Revoked
                            </Badge>
                            <Text size="xs" c="dimmed">
                              {formatDateTime(key.revokedAt)}
                              {key.revokedByName ? ` by ${key.revokedByName}` : ''}
                            </Text>
                          </Stack>
                        ) : (
                          <Badge color="teal" variant="light">
                            Active
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td ta="right">
                        {key.revokedAt ? null : (
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            aria-label={`Revoke ${key.name}`}
                            onClick={() => setRevoking(key)}
                          >
                            Revoke
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {keys.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={keys.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <CreateApiKeyModal
        opened={creating}
        onClose={() => setCreating(false)}
        onCreated={() => void refresh()}
      />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} onRevoked={refresh} />
    </Stack>
  );
}

function RevokeApiKeyModal({
  apiKey,
  onClose,
  onRevoked,
}: {
  apiKey: ApiKeyRow | null;
  onClose: () => void;
  onRevoked: () => Promise<unknown>;
}) {
  const trpc = useTRPC();
  const revoke = useMutation(
    trpc.integrations.revokeApiKey.mutationOptions({
      onSuccess: async () => {
        await onRevoked();
        close();
      },
    }),
  );
  const close = () => {
    revoke.reset();
    onClose();
  };
  return (
    <Modal opened={apiKey !== null} onClose={close} title="Revoke this API key?">
      {apiKey ? (
        <Stack>
          <Text size="sm">
            <b>{apiKey.name}</b> (<Code>{apiKey.prefix}…</Code>) will stop working at once:
            integrations using it get <Code>401</Code> until they switch to another key. This cannot
            be undone.
          </Text>
          {revoke.isError ? (
            <Alert color="red" title="Not revoked">
              {describeError(revoke.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              onClick={() => revoke.mutate({ id: apiKey.id })}
            >
              Revoke key
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
