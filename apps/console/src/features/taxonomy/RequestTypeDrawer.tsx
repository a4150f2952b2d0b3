import {
  Alert,
  Badge,
  Button,
  Code,
  Divider,
  Drawer,
  Group,
  MultiSelect,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type Priority, updateRequestTypeLinksInputSchema } from '@switchboard/domain';
import { AudienceBadge, describeError, PriorityBadge } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconListCheck } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { PRIORITY_OPTIONS } from './TaxonomyNodeModals.tsx';
import { conversationCount, type RequestTypeNode } from './taxonomy-tree.ts';

export interface RequestTypeDrawerProps {
  requestType: RequestTypeNode | null;
  categoryName: string | null;
  canEdit: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}

/**
 * A request type and what it brings with it: default priority, the certification routing
 * requires, the macros it suggests, and its playbook. Leads and admins edit the links here.
 */
export function RequestTypeDrawer({
  requestType,
  categoryName,
  canEdit,
  onClose,
  onDone,
}: RequestTypeDrawerProps) {
  return (
    <Drawer
      opened={requestType !== null}
      onClose={onClose}
      position="right"
      size="lg"
      title={requestType ? `${requestType.name} (${requestType.code})` : ''}
    >
      {requestType ? (
        <Stack gap="md">
          <Group gap="xs">
            <AudienceBadge audience={requestType.audience} />
            {categoryName ? <Badge variant="default">In {categoryName}</Badge> : null}
            {requestType.mergedIntoCode ? (
              <Badge color="grape" variant="light">
                Merged into {requestType.mergedIntoCode}
              </Badge>
            ) : requestType.deprecated ? (
              <Badge color="gray">Deprecated</Badge>
            ) : null}
          </Group>
          <Text size="sm">
            Used by {conversationCount(requestType.usageCount)}; {requestType.reasons.length} reason
            {requestType.reasons.length === 1 ? '' : 's'}.
          </Text>
          <SopSummary requestType={requestType} />
          <Divider />
          {canEdit ? (
            <LinksForm
              key={requestType.code}
              requestType={requestType}
              onCancel={onClose}
              onDone={onDone}
            />
          ) : (
            <LinksSummary requestType={requestType} />
          )}
        </Stack>
      ) : null}
    </Drawer>
  );
}

function SopSummary({ requestType }: { requestType: RequestTypeNode }) {
  const { sop } = requestType;
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start">
      <div>
        <Text size="sm" fw={500}>
          Playbook (SOP)
        </Text>
        {sop.publishedVersion !== null ? (
          <Text size="sm">
            Version {sop.publishedVersion} published: {sop.publishedTitle}
          </Text>
        ) : (
          <Text size="sm" c="dimmed">
            No published playbook
          </Text>
        )}
        {sop.hasDraft ? (
          <Badge size="xs" variant="light" color="yellow">
            Draft in progress
          </Badge>
        ) : null}
      </div>
      <Button
        component={Link}
        to={`/playbooks/${requestType.code}`}
        variant="default"
        size="xs"
        leftSection={<IconListCheck size={14} />}
      >
        Open playbook
      </Button>
    </Group>
  );
}

function LinksSummary({ requestType }: { requestType: RequestTypeNode }) {
  return (
    <Stack gap="sm">
      <div>
        <Text size="sm" fw={500}>
          Default priority
        </Text>
        <PriorityBadge priority={requestType.defaultPriority} />
      </div>
      <div>
        <Text size="sm" fw={500}>
          Required certification
        </Text>
        <Text size="sm">
          {requestType.requiredCertification
            ? `${requestType.requiredCertification.name} (${requestType.requiredCertification.code})`
            : 'None: any agent may take it'}
        </Text>
      </div>
      <div>
        <Text size="sm" fw={500}>
          Suggested macros
        </Text>
        {requestType.macros.length === 0 ? (
          <Text size="sm" c="dimmed">
            None
          </Text>
        ) : (
          <Group gap={4}>
            {requestType.macros.map((macro) => (
              <Badge key={macro.id} variant="default">
                {macro.name}
              </Badge>
            ))}
          </Group>
        )}
      </div>
      <div>
        <Text size="sm" fw={500}>
          Description
        </Text>
        <Text size="sm" c={requestType.description ? undefined : 'dimmed'}>
          {requestType.description || 'None'}
        </Text>
      </div>
      <Text size="xs" c="dimmed">
        Read only: team leads and admins change the taxonomy.
      </Text>
    </Stack>
  );
}

interface LinksValues {
  code: string;
  defaultPriority: Priority;
  requiredCertificationCode: string | null;
  macroIds: string[];
  description: string;
  rolloutNote: string;
}

const LINK_FIELDS = ['defaultPriority', 'requiredCertificationCode', 'macroIds', 'description'];

function LinksForm({
  requestType,
  onCancel,
  onDone,
}: {
  requestType: RequestTypeNode;
  onCancel: () => void;
  onDone: (message: string) => void;
}) {
  const trpc = useTRPC();
  const certifications = useQuery(trpc.taxonomy.certifications.queryOptions());
  const macros = useQuery(trpc.playbooks.listSharedMacros.queryOptions({ limit: 200 }));
  const form = useForm<LinksValues>({
    mode: 'controlled',
    initialValues: {
      code: requestType.code,
      defaultPriority: requestType.defaultPriority,
      requiredCertificationCode: requestType.requiredCertification?.code ?? null,
      macroIds: requestType.macros.map((macro) => macro.id),
      description: requestType.description,
      rolloutNote: '',
    },
    validate: schemaResolver(updateRequestTypeLinksInputSchema, { sync: true }),
  });
  const save = useMutation(
    trpc.taxonomy.updateRequestTypeLinks.mutationOptions({
      onSuccess: (saved) => onDone(`Links of ${saved.code} saved`),
    }),
  );
  const fieldErrors = serverFieldErrors(save.error);
  useEffect(() => {
    // "macroIds.2" is one chosen macro; the picker shows it on the whole field.
    const errors = Object.fromEntries(
      Object.entries(fieldErrors).map(([path, message]) => [path.split('.')[0]!, message]),
    );
    if (Object.keys(errors).length > 0) form.setErrors(errors);
  }, [save.error]);
  const unplaced =
    save.error &&
    !Object.keys(fieldErrors).some((path) => LINK_FIELDS.includes(path.split('.')[0]!))
      ? describeError(save.error)
      : null;

  // The current certification reads right even before the list has loaded.
  const current = requestType.requiredCertification;
  const certificationOptions = [
    ...(certifications.data ?? []),
    ...(current && !certifications.data?.some((option) => option.code === current.code)
      ? [current]
      : []),
  ].map((certification) => ({
    value: certification.code,
    label: `${certification.name} (${certification.code})`,
  }));
  // Linked macros stay choosable even when they are beyond the first page of the list.
  const macroOptions = [
    ...(macros.data?.items ?? []).map((macro) => ({ value: macro.id, label: macro.name })),
    ...requestType.macros
      .filter((linked) => !(macros.data?.items ?? []).some((macro) => macro.id === linked.id))
      .map((macro) => ({ value: macro.id, label: macro.name })),
  ];

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        save.mutate(updateRequestTypeLinksInputSchema.parse(values)),
      )}
    >
      <Stack>
        <Select
          label="Default priority"
          description="New conversations of this type start at this priority unless a rule sets one."
          withAsterisk
          allowDeselect={false}
          data={PRIORITY_OPTIONS}
          {...form.getInputProps('defaultPriority')}
        />
        <Select
          label="Required certification"
          description="Routing gives this request type only to agents holding it."
          placeholder="None: any agent may take it"
          clearable
          searchable
          data={certificationOptions}
          nothingFoundMessage="No certification matches"
          {...form.getInputProps('requiredCertificationCode')}
        />
        <MultiSelect
          label="Suggested macros"
          description="Shown first in the agent’s macro picker and in the routing guide."
          placeholder={form.getValues().macroIds.length === 0 ? 'None' : undefined}
          searchable
          clearable
          data={macroOptions}
          nothingFoundMessage="No shared macro matches"
          {...form.getInputProps('macroIds')}
        />
        <Textarea
          label="Description"
          description="When to use it, for agents choosing a request type."
          autosize
          minRows={2}
          {...form.getInputProps('description')}
        />
        <Textarea
          label="Rollout note"
          description="Optional. Tell agents what changes; they see it with the change and acknowledge it."
          autosize
          minRows={2}
          maxLength={2000}
          {...form.getInputProps('rolloutNote')}
        />
        {unplaced ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {unplaced}
          </Alert>
        ) : null}
        <Group justify="space-between">
          <Text size="xs" c="dimmed">
            Code <Code>{requestType.code}</Code> never changes.
          </Text>
          <Group gap="xs">
            <Button variant="default" onClick={onCancel}>
              Close
            </Button>
            <Button type="submit" loading={save.isPending}>
              Save links
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
