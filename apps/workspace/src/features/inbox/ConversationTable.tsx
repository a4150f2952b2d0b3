import { Anchor, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import {
  AudienceBadge,
  ChannelBadge,
  formatDateTime,
  formatRelativeTime,
  PriorityBadge,
  StatusBadge,
} from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { Link, useNavigate } from 'react-router';

export type ConversationRow = RouterOutputs['conversations']['listMine']['items'][number];

export interface ConversationTableProps {
  conversations: ConversationRow[];
}

export function ConversationTable({ conversations }: ConversationTableProps) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Contact</Table.Th>
            <Table.Th>Conversation</Table.Th>
            <Table.Th>Channel</Table.Th>
            <Table.Th>City</Table.Th>
            <Table.Th>Priority</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Last message</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {conversations.map((conversation) => {
            const href = `/conversations/${conversation.id}`;
            return (
              <Table.Tr
                key={conversation.id}
                style={{ cursor: 'pointer' }}
                onClick={(event) => {
                  // The subject link navigates by itself; don't navigate twice.
                  if ((event.target as HTMLElement).closest('a')) return;
                  void navigate(href);
                }}
              >
                <Table.Td>
                  <Stack gap={4} align="flex-start">
                    <Text size="sm" fw={500}>
                      {conversation.contactName}
                    </Text>
                    <AudienceBadge audience={conversation.audience} size="xs" />
                  </Stack>
                </Table.Td>
                <Table.Td maw={420}>
                  <Anchor component={Link} to={href} size="sm" fw={500} lineClamp={1}>
                    #{conversation.number} {conversation.subject}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {conversation.lastMessagePreview ?? conversation.requestTypeName ?? '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <ChannelBadge channel={conversation.channel} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Tooltip label={conversation.inboxName}>
                    <Text size="sm">{conversation.cityCode ?? '—'}</Text>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <PriorityBadge priority={conversation.priority} size="sm" />
                </Table.Td>
                <Table.Td>
                  <StatusBadge status={conversation.status} size="sm" />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <Tooltip label={formatDateTime(conversation.lastMessageAt)}>
                      <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                        <time dateTime={conversation.lastMessageAt.toISOString()}>
                          {formatRelativeTime(conversation.lastMessageAt)}
                        </time>
                      </Text>
                    </Tooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
