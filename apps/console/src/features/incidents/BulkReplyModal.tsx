import {
  Alert,
  Button,
  Code,
  Group,
  List,
  Modal,
  Stack,
  Switch,
  Text,
  Textarea,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { bulkReplyInputSchema, MACRO_VARIABLES } from '@switchboard/domain';
import { type RouterOutputs, useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import type { IncidentDetail } from './incident-detail.ts';
import { conversationHref } from './incident-options.ts';

type BulkReplyResult = RouterOutputs['incidents']['bulkReply'];

export interface BulkReplyModalProps {
  incident: IncidentDetail;
  opened: boolean;
  onClose: () => void;
}

/** A bulk reply knows the contact, the sender and the city, never a booking. */
const VARIABLES = [
  'incident.title',
  ...MACRO_VARIABLES.filter((variable) => !variable.startsWith('booking.')),
];
const TEMPLATE =
  'Hi {{contact.first_name}}, we know about this problem ({{incident.title}}) and are working on it. We will write again as soon as it is fixed.';

/** One reply, filled in per contact, to every conversation linked to the incident. */
export function BulkReplyModal({ incident, opened, onClose }: BulkReplyModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title="Reply to all linked contacts" size="lg">
      {opened ? <BulkReplyForm incident={incident} onDone={onClose} /> : null}
    </Modal>
  );
}

function BulkReplyForm({ incident, onDone }: { incident: IncidentDetail; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshArea('incidents');
  // One id per composed reply: sending it again (a retry after a timeout) sends nothing twice.
  const [clientId] = useState(() => crypto.randomUUID());
  const form = useForm({
    mode: 'controlled',
    initialValues: { incidentId: incident.id, body: TEMPLATE, includeResolved: false },
    validate: schemaResolver(bulkReplyInputSchema, { sync: true }),
  });
  const reply = useMutation(
    trpc.incidents.bulkReply.mutationOptions({ onSuccess: () => void refresh() }),
  );
  const unplacedError = useServerErrors(reply.error, ['body', 'includeResolved'], form.setErrors);

  if (reply.data) return <BulkReplyOutcome result={reply.data} onDone={onDone} />;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        reply.mutate({ ...bulkReplyInputSchema.parse(values), clientId }),
      )}
    >
      <Stack>
        <Text size="sm" c="dimmed">
          {`Each of the ${incident.linkedCount} linked conversation${incident.linkedCount === 1 ? '' : 's'} gets its own reply, sent like any reply.`}
        </Text>
        <Textarea
          label="Reply"
          withAsterisk
          autosize
          minRows={4}
          description={
            <>
              Filled in per contact:{' '}
              {VARIABLES.map((variable, index) => (
                <span key={variable}>
                  {index > 0 ? ', ' : ''}
                  <Code>{`{{${variable}}}`}</Code>
                </span>
              ))}
            </>
          }
          {...form.getInputProps('body')}
        />
        <Switch
          label="Also write to resolved conversations"
          description="Off: only conversations still open hear from you"
          {...form.getInputProps('includeResolved', { type: 'checkbox' })}
        />
        {unplacedError ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not sent">
            {unplacedError}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
          <Button type="submit" loading={reply.isPending}>
            Send to all
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function BulkReplyOutcome({ result, onDone }: { result: BulkReplyResult; onDone: () => void }) {
  return (
    <Stack>
      <Alert color={result.failed.length > 0 ? 'orange' : 'teal'} title="Replies sent">
        <Text size="sm">{`${result.sent} sent`}</Text>
        <Text size="sm">{`${result.repeated} sent already (not sent again)`}</Text>
        <Text size="sm">{`${result.failed.length} failed`}</Text>
      </Alert>
      {result.failed.length > 0 ? (
        <List size="sm" spacing={4} aria-label="Replies that failed">
          {result.failed.map((failure) => (
            <List.Item key={failure.conversationId}>
              <a href={conversationHref(failure.conversationId)} target="_blank" rel="noopener">
                Open conversation
              </a>
              {`: ${failure.message}`}
            </List.Item>
          ))}
        </List>
      ) : null}
      <Group justify="flex-end">
        <Button onClick={onDone}>Done</Button>
      </Group>
    </Stack>
  );
}
