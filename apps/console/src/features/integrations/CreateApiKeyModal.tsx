import {
  Alert,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type CreateApiKeyInput, createApiKeyInputSchema } from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';

type CreatedKey = RouterOutputs['integrations']['createApiKey'];

export interface CreateApiKeyModalProps {
  opened: boolean;
  onClose: () => void;
  onCreated: () => void;
}

/**
 * Names a new key, then shows it — once. Closing the modal forgets it: only its hash is
 * kept on the server, so a lost key is revoked and replaced, never recovered.
 */
export function CreateApiKeyModal({ opened, onClose, onCreated }: CreateApiKeyModalProps) {
  const trpc = useTRPC();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const form = useForm<CreateApiKeyInput>({
    mode: 'uncontrolled',
    initialValues: { name: '' },
    validate: schemaResolver(createApiKeyInputSchema, { sync: true }),
  });
  const create = useMutation(
    trpc.integrations.createApiKey.mutationOptions({
      onSuccess: (key) => {
        setCreated(key);
        onCreated();
      },
    }),
  );

  const close = () => {
    setCreated(null);
    form.reset();
    create.reset();
    onClose();
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={created ? 'Copy your new API key' : 'Create an API key'}
      closeOnClickOutside={!created}
      size="lg"
    >
      {created ? (
        <Stack>
          <Alert color="yellow" icon={<IconAlertTriangle />} title="Shown once">
            Copy this key now and keep it in your integration's secret store. Switchboard keeps only
            a fingerprint of it: once you close this window, nobody can see it again.
          </Alert>
          <Text size="sm">
            Key <b>{created.name}</b>, for <Code>Authorization: Bearer …</Code> on{' '}
            <Code>POST /api/v1/messages</Code>:
          </Text>
          <Code block aria-label="New API key" style={{ wordBreak: 'break-all' }}>
            {created.key}
          </Code>
          <Group justify="space-between">
            <CopyButton value={created.key}>
              {({ copied, copy }) => (
                <Button
                  variant="light"
                  color={copied ? 'teal' : undefined}
                  leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
                  onClick={copy}
                >
                  {copied ? 'Copied' : 'Copy key'}
                </Button>
              )}
            </CopyButton>
            <Button onClick={close}>I have copied it</Button>
          </Group>
        </Stack>
      ) : (
        <form noValidate onSubmit={form.onSubmit((values) => create.mutate(values))}>
          <Stack>
            <TextInput
              label="Name"
              description="Say which integration uses it, e.g. “Rider app — production”."
              placeholder="Rider app — production"
              data-autofocus
              withAsterisk
              key={form.key('name')}
              {...form.getInputProps('name')}
            />
            {create.isError ? (
              <Alert color="red" icon={<IconAlertTriangle />} title="Not created">
                {describeError(create.error)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
