import {
  Alert,
  Button,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';
import { useCatalogueOptions, withValue } from './use-catalogue-options.ts';

export interface LinkConversationsModalProps {
  incident: IncidentDetail;
  opened: boolean;
  onClose: () => void;
}

interface LinkSearch {
  requestTypeCode: string | null;
  cityCode: string | null;
  text: string;
  /** A `datetime-local` value; empty: since the incident was declared. */
  since: string;
}

const FIELDS = ['match.requestTypeCode', 'match.cityCode', 'match.text', 'match.since'];

/** Links every open conversation matching a search: request type, city, words, since when. */
export function LinkConversationsModal({ incident, opened, onClose }: LinkConversationsModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Link conversations" size="lg">
      {opened ? <LinkForm incident={incident} onDone={onClose} /> : null}
    </Modal>
  );
}

function LinkForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  const catalogue = useCatalogueOptions();
  const form = useForm<LinkSearch>({
    mode: 'controlled',
    initialValues: {
      requestTypeCode: incident.requestTypeCode,
      cityCode: incident.cityCodes[0] ?? null,
      text: '',
      since: '',
    },
  });
  const link = useMutation(
    trpc.incidents.link.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message:
            result.considered === 0
              ? 'No conversation matched that was not linked already'
              : `${result.linked} conversation${result.linked === 1 ? '' : 's'} linked`,
        });
        void refresh();
        onDone();
      },
    }),
  );
  // The match's errors land on the form's own field names.
  const setErrors = (errors: FormErrors) =>
    form.setErrors(
      Object.fromEntries(
        Object.entries(errors).map(([path, message]) => [path.replace(/^match\./, ''), message]),
      ),
    );
  const unplacedError = useServerErrors(link.error, FIELDS, setErrors);
  const values = form.getValues();

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((search) =>
        link.mutate({
          incidentId: incident.id,
          match: {
            requestTypeCode: search.requestTypeCode,
            cityCode: search.cityCode,
            text: search.text.trim(),
            since: search.since ? new Date(search.since) : null,
          },
        }),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          Open conversations matching every field you fill in are linked (up to 500 at a time); ones
          linked already are left as they are.
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Request type"
            placeholder="Any request type"
            data={withValue(catalogue.requestTypes, values.requestTypeCode)}
            searchable
            clearable
            nothingFoundMessage="No request type matches"
            {...form.getInputProps('requestTypeCode')}
          />
          <Select
            label="City"
            placeholder="Any city"
            data={withValue(catalogue.cities, values.cityCode)}
            searchable
            clearable
            nothingFoundMessage="No city matches"
            {...form.getInputProps('cityCode')}
          />
          <TextInput
            label="Words in the last message"
            placeholder="card declined"
            {...form.getInputProps('text')}
          />
          <TextInput
            type="datetime-local"
            label="Created since"
            description="Empty: since the incident was declared"
            {...form.getInputProps('since')}
          />
        </SimpleGrid>
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Nothing linked">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={link.isPending}>
            Link matching conversations
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
