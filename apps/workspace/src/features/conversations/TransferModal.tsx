import { Button, Group, Modal, Select, Stack, Textarea } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useConversationRefresh } from './use-conversation-mutation.ts';

export interface TransferModalProps {
  conversationId: string;
  currentInboxId: string;
  opened: boolean;
  onClose: () => void;
}

/** Moves the conversation to another inbox; the reason is kept (it counts against routing). */
export function TransferModal({
  conversationId,
  currentInboxId,
  opened,
  onClose,
}: TransferModalProps) {
  const trpc = useTRPC();
  const options = useQuery({
    ...trpc.conversations.options.queryOptions({ conversationId }),
    enabled: opened,
  });
  const { refresh, showError } = useConversationRefresh(conversationId);
  const form = useForm({
    initialValues: { inboxId: '', reason: '' },
    validate: {
      inboxId: (value) => (value ? null : 'Choose an inbox'),
      reason: (value) =>
        value.trim().length >= 3 ? null : 'Say why it moves (at least 3 characters)',
    },
  });
  const transfer = useMutation(
    trpc.conversations.transfer.mutationOptions({
      onSuccess: async () => {
        await refresh();
        form.reset();
        onClose();
      },
      onError: showError,
    }),
  );
  return (
    <Modal opened={opened} onClose={onClose} title="Transfer to another inbox">
      <form onSubmit={form.onSubmit((values) => transfer.mutate({ conversationId, ...values }))}>
        <Stack>
          <Select
            label="Inbox"
            searchable
            data={(options.data?.inboxes ?? [])
              .filter((inbox) => inbox.id !== currentInboxId)
              .map((inbox) => ({ value: inbox.id, label: inbox.name }))}
            {...form.getInputProps('inboxId')}
          />
          <Textarea label="Reason" autosize minRows={2} {...form.getInputProps('reason')} />
          <Group justify="flex-end">
            <Button type="submit" loading={transfer.isPending}>
              Transfer
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
