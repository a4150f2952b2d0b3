import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { describeError } from '@switchboard/ui';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { Certification } from './certification-types.ts';

/** Archives a certification after saying what that does to its holders. */
export function ArchiveCertificationModal({
  certification,
  onClose,
}: {
  certification: Certification | null;
  onClose: () => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('certifications');
  const archive = useMutation(
    trpc.certifications.archive.mutationOptions({
      onSuccess: (archived) => {
        notifications.show({ message: `${archived.name} archived` });
        void refresh();
        onClose();
      },
    }),
  );
  const holders =
    (certification?.valid ?? 0) +
    (certification?.expiringSoon ?? 0) +
    (certification?.expired ?? 0);
  const close = () => {
    archive.reset();
    onClose();
  };
  return (
    <Modal
      opened={certification !== null}
      onClose={close}
      title={`Archive ${certification?.name ?? 'certification'}?`}
    >
      <Stack>
        <Text size="sm">
          It is no longer granted, reminded about or offered to request types. Its {holders}{' '}
          {holders === 1 ? 'holder keeps' : 'holders keep'} it on record
          {certification?.grantsTier
            ? `, but it stops giving them the ${certification.grantsTier} guardrail tier`
            : ''}
          . You can restore it later.
        </Text>
        {archive.isError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not archived">
            {describeError(archive.error)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={archive.isPending}
            onClick={() => certification && archive.mutate({ id: certification.id })}
          >
            Archive
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
