import { Button, Group, Menu, Select } from '@mantine/core';
import { PRIORITIES, PRIORITY_LABELS, type Priority } from '@switchboard/domain';
import { useTRPC } from '@switchboard/ui/trpc';
import {
  IconArrowsExchange,
  IconChevronDown,
  IconCircleCheck,
  IconRefresh,
} from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ResolveModal } from './ResolveModal.tsx';
import { SnoozeMenu } from './SnoozeMenu.tsx';
import { TransferModal } from './TransferModal.tsx';
import type { ConversationDetail } from './timeline.ts';
import { useConversationRefresh } from './use-conversation-mutation.ts';

export interface ConversationActionsProps {
  conversation: ConversationDetail['conversation'];
  onResolveRef?: (resolve: () => void) => void;
}

/** Assignee, priority, status moves and transfer: everything in the header of a conversation. */
export function ConversationActions({ conversation, onResolveRef }: ConversationActionsProps) {
  const trpc = useTRPC();
  const conversationId = conversation.id;
  const [transferring, setTransferring] = useState(false);
  const options = useQuery(trpc.conversations.options.queryOptions({ conversationId }));
  const { refresh, showError } = useConversationRefresh(conversationId);
  const mutationHandlers = { onSuccess: refresh, onError: showError };
  const setPriority = useMutation(trpc.conversations.setPriority.mutationOptions(mutationHandlers));
  const assign = useMutation(trpc.conversations.assign.mutationOptions(mutationHandlers));
  const status = conversation.status;
  const closed = status === 'closed';
  const [resolving, setResolving] = useState(false);
  const setStatus = useMutation(
    trpc.conversations.setStatus.mutationOptions({
      onSuccess: async () => {
        setResolving(false);
        await refresh();
      },
      onError: showError,
    }),
  );
  const resolve = () => setResolving(true);
  onResolveRef?.(resolve);

  return (
    <Group gap="xs" wrap="wrap">
      <Select
        size="xs"
        w={200}
        aria-label="Assignee"
        placeholder="Unassigned"
        searchable
        clearable
        disabled={closed || assign.isPending}
        data={(options.data?.assignees ?? []).map((user) => ({ value: user.id, label: user.name }))}
        value={conversation.assigneeId ?? null}
        onChange={(assigneeId) => assign.mutate({ conversationId, assigneeId })}
      />
      <Select
        size="xs"
        w={140}
        aria-label="Priority"
        allowDeselect={false}
        disabled={closed || setPriority.isPending}
        data={PRIORITIES.map((value) => ({
          value,
          label: `${value} ${PRIORITY_LABELS[value].label}`,
        }))}
        value={conversation.priority}
        onChange={(value) =>
          value && setPriority.mutate({ conversationId, priority: value as Priority })
        }
      />
      <Button
        size="xs"
        variant="default"
        leftSection={<IconArrowsExchange size={14} />}
        disabled={closed}
        onClick={() => setTransferring(true)}
      >
        Transfer
      </Button>
      {status === 'open' || status === 'snoozed' ? (
        <Button
          size="xs"
          variant="default"
          disabled={setStatus.isPending}
          onClick={() => setStatus.mutate({ conversationId, status: 'pending' })}
        >
          Mark pending
        </Button>
      ) : null}
      {status === 'pending' || status === 'snoozed' ? (
        <Button
          size="xs"
          variant="default"
          disabled={setStatus.isPending}
          onClick={() => setStatus.mutate({ conversationId, status: 'open' })}
        >
          Mark open
        </Button>
      ) : null}
      {status !== 'resolved' && !closed ? (
        <SnoozeMenu
          disabled={setStatus.isPending}
          onSnooze={(snoozeUntil) =>
            setStatus.mutate({ conversationId, status: 'snoozed', snoozeUntil })
          }
        />
      ) : null}
      {status === 'resolved' ? (
        <Menu position="bottom-end">
          <Menu.Target>
            <Button size="xs" variant="light" rightSection={<IconChevronDown size={14} />}>
              Resolved
            </Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item
              leftSection={<IconRefresh size={14} />}
              onClick={() => setStatus.mutate({ conversationId, status: 'open' })}
            >
              Reopen
            </Menu.Item>
            <Menu.Item onClick={() => setStatus.mutate({ conversationId, status: 'closed' })}>
              Close (archive)
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      ) : null}
      {!closed && status !== 'resolved' ? (
        <Button
          size="xs"
          color="green"
          leftSection={<IconCircleCheck size={14} />}
          loading={setStatus.isPending}
          onClick={resolve}
        >
          Resolve
        </Button>
      ) : null}
      <ResolveModal
        opened={resolving}
        pending={setStatus.isPending}
        onClose={() => setResolving(false)}
        onResolve={(rootCauseCode) =>
          setStatus.mutate({ conversationId, status: 'resolved', rootCauseCode })
        }
      />
      <TransferModal
        conversationId={conversationId}
        currentInboxId={conversation.inboxId}
        opened={transferring}
        onClose={() => setTransferring(false)}
      />
    </Group>
  );
}
