import { Modal, Stack, Text, Textarea } from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { revokeCertificationInputSchema } from '@switchboard/domain';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';

export interface RevokeTarget {
  certification: { id: string; name: string; grantsTier: string | null };
  person: { id: string; name: string };
}

/** Takes a certification away, with the reason the holder and the history will read. */
export function RevokeModal({
  target,
  onClose,
}: {
  target: RevokeTarget | null;
  onClose: () => void;
}) {
  return (
    <Modal
      opened={target !== null}
      onClose={onClose}
      title={target ? `Revoke ${target.certification.name} from ${target.person.name}?` : 'Revoke'}
    >
      {target ? <RevokeForm target={target} onDone={onClose} /> : null}
    </Modal>
  );
}

function RevokeForm({ target, onDone }: { target: RevokeTarget; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('certifications');
  const form = useForm({
    mode: 'controlled',
    initialValues: {
      certificationId: target.certification.id,
      userId: target.person.id,
      reason: '',
    },
    validate: schemaResolver(revokeCertificationInputSchema, { sync: true }),
  });
  const revoke = useMutation(
    trpc.certifications.revoke.mutationOptions({
      onSuccess: () => {
        notifications.show({
          message: `${target.certification.name} revoked from ${target.person.name}`,
        });
        void refresh();
        onDone();
      },
    }),
  );
  const unplacedError = useServerErrors(revoke.error, ['reason'], form.setErrors);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        revoke.mutate(revokeCertificationInputSchema.parse(submitted)),
      )}
    >
      <Stack>
        <Text size="sm">
          Routing stops giving {target.person.name} the request types it covers from now on
          {target.certification.grantsTier
            ? `, and they lose the ${target.certification.grantsTier} guardrail tier it gives`
            : ''}
          . Conversations they already have stay with them.
        </Text>
        <Textarea
          label="Reason"
          description={`${target.person.name} is told, and it goes in the change history`}
          placeholder="Three refund errors in last week's QA reviews"
          withAsterisk
          data-autofocus
          rows={2}
          resize="vertical"
          {...form.getInputProps('reason')}
        />
        <FormFooter
          error={unplacedError}
          errorTitle="Not revoked"
          pending={revoke.isPending}
          submitLabel="Revoke"
          onCancel={onDone}
        />
      </Stack>
    </form>
  );
}
