import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError, formatDateTime, formatRelativeTime, StatusBadge } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconLink, IconLinkOff, IconMessages } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { IncidentDetail, LinkedConversation } from './incident-detail.ts';
import { conversationHref } from './incident-options.ts';

export interface LinkedConversationsProps {
  incident: IncidentDetail;
  mayRun: boolean;
  now: Date;
  onLink: () => void;
  onReplyAll: () => void;
}

/** The conversations the incident caused: the first 50, with the total. */
export function LinkedConversations({
  incident,
  mayRun,
  now,
  onLink,
  onReplyAll,
}: LinkedConversationsProps) {
  const resolved = incident.state === 'resolved';
  return (
    <Paper p="md" withBorder component="section" aria-labelledby="linked-title">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4" id="linked-title">
            {`Linked conversations (${incident.linkedCount})`}
          </Title>
          {mayRun ? (
            <Group gap="xs">
              {resolved ? null : (
                <Button
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconLink size={14} />}
                  onClick={onLink}
                >
                  Link conversations
                </Button>
              )}
              <Button
                size="compact-sm"
                leftSection={<IconMessages size={14} />}
                disabled={incident.linkedCount === 0}
                onClick={onReplyAll}
              >
                Reply to all
              </Button>
            </Group>
          ) : null}
        </Group>
        {incident.linked.length === 0 ? (
          <Text size="sm" c="dimmed">
            No conversation is linked yet.
          </Text>
        ) : (
          <Table aria-label="Linked conversations">
            <Table.Tbody>
              {incident.linked.map((conversation) => (
                <LinkedRow
                  key={conversation.id}
                  incidentId={incident.id}
                  conversation={conversation}
                  mayUnlink={mayRun}
                  now={now}
                />
              ))}
            </Table.Tbody>
          </Table>
        )}
        {incident.linkedCount > incident.linked.length ? (
          <Text size="xs" c="dimmed">
            {`Showing the ${incident.linked.length} linked most recently of ${incident.linkedCount}.`}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}

function LinkedRow({
  incidentId,
  conversation,
  mayUnlink,
  now,
}: {
  incidentId: string;
  conversation: LinkedConversation;
  mayUnlink: boolean;
  now: Date;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const unlink = useMutation(
    trpc.incidents.unlink.mutationOptions({
      onSuccess: () => void refresh(),
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not unlinked', message: describeError(error) }),
    }),
  );
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          href={conversationHref(conversation.id)}
          target="_blank"
          rel="noopener"
          size="sm"
          fw={500}
        >
          #{conversation.number}
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" lineClamp={1}>
          {conversation.subject || 'No subject'}
        </Text>
        <Text size="xs" c="dimmed">
          {conversation.contactName}
        </Text>
      </Table.Td>
      <Table.Td>
        <StatusBadge status={conversation.status} />
      </Table.Td>
      <Table.Td>
        <Tooltip label={formatDateTime(conversation.linkedAt)}>
          <Text size="xs" c="dimmed" component="span">
            {`linked ${formatRelativeTime(conversation.linkedAt, now)}`}
          </Text>
        </Tooltip>
      </Table.Td>
      {mayUnlink ? (
        <Table.Td>
          <Tooltip label="Unlink">
            <ActionIcon
              variant="subtle"
              color="gray"
              aria-label={`Unlink #${conversation.number}`}
              loading={unlink.isPending}
              onClick={() => unlink.mutate({ incidentId, conversationId: conversation.id })}
            >
              <IconLinkOff size={16} />
            </ActionIcon>
          </Tooltip>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
