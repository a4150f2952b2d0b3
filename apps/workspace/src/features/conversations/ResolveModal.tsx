import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { ROOT_CAUSES, type RootCauseCode } from '@switchboard/domain';
import { useState } from 'react';

const ROOT_CAUSE_GROUPS = [...new Set(ROOT_CAUSES.map((cause) => cause.group))].map((group) => ({
  group,
  items: ROOT_CAUSES.filter((cause) => cause.group === group).map((cause) => ({
    value: cause.code,
    label: cause.label,
  })),
}));

export interface ResolveModalProps {
  opened: boolean;
  pending: boolean;
  onClose: () => void;
  onResolve: (rootCauseCode: RootCauseCode) => void;
}

/**
 * Resolving asks why it happened: the root cause feeds the recurring-themes report that tells
 * leads what to fix upstream.
 */
export function ResolveModal({ opened, pending, onClose, onResolve }: ResolveModalProps) {
  const [rootCause, setRootCause] = useState<RootCauseCode | null>(null);
  const [missing, setMissing] = useState(false);
  const submit = () => {
    if (!rootCause) {
      setMissing(true);
      return;
    }
    onResolve(rootCause);
  };
  return (
    <Modal opened={opened} onClose={onClose} title="Resolve conversation">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <Stack gap="sm">
          <Select
            label="Root cause"
            description="Why did the customer need us? Leads see the themes and fix them upstream."
            placeholder="Choose the root cause"
            data={ROOT_CAUSE_GROUPS}
            searchable
            data-autofocus
            value={rootCause}
            onChange={(value) => {
              setRootCause(value as RootCauseCode | null);
              setMissing(false);
            }}
            error={missing ? 'Choose a root cause' : undefined}
            withAsterisk
          />
          <Text size="xs" c="dimmed">
            The customer gets the satisfaction survey when it is resolved.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color="green" loading={pending}>
              Resolve
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
