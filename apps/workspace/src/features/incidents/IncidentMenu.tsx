import {
  Button,
  Group,
  Menu,
  Modal,
  Select,
  Stack,
  Switch,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  INCIDENT_IMPACT_LABELS,
  INCIDENT_IMPACTS,
  INCIDENT_MONEY,
  INCIDENT_MONEY_LABELS,
  INCIDENT_SCOPE_LABELS,
  INCIDENT_SCOPES,
  type IncidentFacts,
  incidentLabel,
  SEVERITIES,
  SEVERITY_LABELS,
  type Severity,
} from '@switchboard/domain';
import { describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useRefreshArea, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertOctagon, IconChevronDown } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';

/** Link the conversation to an open incident, or declare a new one from it. */
export function IncidentMenu({
  conversationId,
  cityCode,
}: {
  conversationId: string;
  cityCode: string | null;
}) {
  const trpc = useTRPC();
  const [declaring, setDeclaring] = useState(false);
  const open = useQuery(trpc.incidents.list.queryOptions({ state: 'open', limit: 20 }));
  const refresh = useRefreshArea('incidents');
  const link = useMutation(
    trpc.incidents.link.mutationOptions({
      onSuccess: async () => {
        notifications.show({ color: 'teal', message: 'Linked to the incident' });
        await refresh();
      },
      onError: (error) =>
        notifications.show({ color: 'red', title: 'Not linked', message: describeError(error) }),
    }),
  );
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconAlertOctagon size={14} />}
            rightSection={<IconChevronDown size={14} />}
          >
            Incident
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Link to an open incident</Menu.Label>
          {(open.data?.items ?? []).length === 0 ? (
            <Menu.Item disabled>No open incidents</Menu.Item>
          ) : null}
          {(open.data?.items ?? []).map((incident) => (
            <Menu.Item
              key={incident.id}
              onClick={() =>
                link.mutate({ incidentId: incident.id, conversationIds: [conversationId] })
              }
            >
              INC-{incident.number} · {incident.severity.toUpperCase()} · {incident.title}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item color="red" onClick={() => setDeclaring(true)}>
            Declare a new incident…
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <Modal
        opened={declaring}
        onClose={() => setDeclaring(false)}
        title="Declare an incident"
        size="lg"
      >
        {declaring ? (
          <DeclareForm
            conversationId={conversationId}
            cityCode={cityCode}
            onDone={async () => {
              setDeclaring(false);
              await refresh();
            }}
          />
        ) : null}
      </Modal>
    </>
  );
}

function DeclareForm({
  conversationId,
  cityCode,
  onDone,
}: {
  conversationId: string;
  cityCode: string | null;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [facts, setFacts] = useState<IncidentFacts>({
    scope: 'some_customers',
    impact: 'degraded',
    money: 'none',
    safety: false,
  });
  const [severity, setSeverity] = useState<Severity | null>(null);
  const proposal = useQuery(trpc.incidents.classify.queryOptions(facts));
  const proposed = proposal.data?.severity ?? null;
  const chosen = severity ?? proposed ?? 'sev3';
  const declare = useMutation(
    trpc.incidents.declare.mutationOptions({
      onSuccess: (result) => {
        notifications.show({
          color: 'teal',
          message: `${incidentLabel(result.number)} declared; leads run it from the console`,
        });
        onDone();
      },
    }),
  );
  const errors = declare.isError ? serverFieldErrors(declare.error) : {};
  const setFact = <Key extends keyof IncidentFacts>(key: Key, value: IncidentFacts[Key]) =>
    setFacts((current) => ({ ...current, [key]: value }));
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        declare.mutate({
          title,
          description,
          ...facts,
          severity: chosen,
          cityCodes: cityCode ? [cityCode] : [],
          conversationId,
        });
      }}
    >
      <Stack gap="sm">
        <TextInput
          label="What is happening"
          value={title}
          onChange={(event) => setTitle(event.currentTarget.value)}
          error={errors.title}
          required
        />
        <Textarea
          label="What you see"
          autosize
          minRows={2}
          value={description}
          onChange={(event) => setDescription(event.currentTarget.value)}
        />
        <Group grow>
          <Select
            label="Who is affected"
            allowDeselect={false}
            data={INCIDENT_SCOPES.map((value) => ({ value, label: INCIDENT_SCOPE_LABELS[value] }))}
            value={facts.scope}
            onChange={(value) => value && setFact('scope', value as IncidentFacts['scope'])}
          />
          <Select
            label="How badly"
            allowDeselect={false}
            data={INCIDENT_IMPACTS.map((value) => ({
              value,
              label: INCIDENT_IMPACT_LABELS[value],
            }))}
            value={facts.impact}
            onChange={(value) => value && setFact('impact', value as IncidentFacts['impact'])}
          />
        </Group>
        <Group grow align="flex-end">
          <Select
            label="Money"
            allowDeselect={false}
            data={INCIDENT_MONEY.map((value) => ({ value, label: INCIDENT_MONEY_LABELS[value] }))}
            value={facts.money}
            onChange={(value) => value && setFact('money', value as IncidentFacts['money'])}
          />
          <Switch
            label="Someone’s safety is at risk"
            checked={facts.safety}
            onChange={(event) => setFact('safety', event.currentTarget.checked)}
            mb={8}
          />
        </Group>
        <Select
          label="Severity"
          description={
            proposal.data
              ? `Proposed ${proposal.data.severity.toUpperCase()}: ${proposal.data.reasons.join('; ')}`
              : 'Answer the questions above for a proposal'
          }
          allowDeselect={false}
          data={SEVERITIES.map((value) => ({ value, label: SEVERITY_LABELS[value] }))}
          value={chosen}
          onChange={(value) => value && setSeverity(value as Severity)}
          error={errors.severity}
        />
        {severity && proposed && severity !== proposed ? (
          <Text size="xs" c="orange">
            You are overriding the proposed {proposed.toUpperCase()}; the record says so.
          </Text>
        ) : null}
        {declare.isError && Object.keys(errors).length === 0 ? (
          <Text size="sm" c="red">
            {describeError(declare.error)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" color="red" loading={declare.isPending}>
            Declare {chosen.toUpperCase()}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
