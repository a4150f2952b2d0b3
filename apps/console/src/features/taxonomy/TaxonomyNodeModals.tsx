import { Alert, Group, Modal, Select, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { schemaResolver, type UseFormReturnType, useForm } from '@mantine/form';
import {
  AUDIENCES,
  addTaxonomyNodeInputSchema,
  childLevelOf,
  mergeTaxonomyNodesInputSchema,
  moveTaxonomyNodeInputSchema,
  PRIORITIES,
  PRIORITY_LABELS,
  renameTaxonomyNodeInputSchema,
  setTaxonomyNodeDeprecatedInputSchema,
  TAXONOMY_LEVEL_LABELS,
  type TaxonomyLevel,
} from '@switchboard/domain';
import { AUDIENCE_LABELS } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { FormFooter } from '../../lib/FormFooter.tsx';
import { NameAndCodeFields } from '../../lib/NameAndCodeFields.tsx';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import {
  conversationCount,
  mergeTargets,
  moveTargets,
  nodeLabel,
  type TaxonomyNodeView,
} from './taxonomy-tree.ts';

/** Which editing dialog is open, and on what. */
export type TaxonomyDialog =
  | { kind: 'add'; parent: TaxonomyNodeView | null }
  | { kind: 'rename' | 'move' | 'deprecate' | 'merge'; node: TaxonomyNodeView };

export interface TaxonomyDialogsProps {
  dialog: TaxonomyDialog | null;
  byCode: Map<string, TaxonomyNodeView>;
  onClose: () => void;
  /** After a saved change, with what to tell the lead. */
  onDone: (message: string) => void;
}

/** The add, rename, move, deprecate and merge dialogs; one is open at a time. */
export function TaxonomyDialogs({ dialog, byCode, onClose, onDone }: TaxonomyDialogsProps) {
  const title = !dialog
    ? ''
    : dialog.kind === 'add'
      ? `Add ${levelName(dialog.parent ? childLevelOf(dialog.parent.level) : 'category')}`
      : dialog.kind === 'rename'
        ? `Rename ${dialog.node.code}`
        : dialog.kind === 'move'
          ? `Move ${dialog.node.code}`
          : dialog.kind === 'merge'
            ? `Merge ${dialog.node.code} into…`
            : `${dialog.node.deprecated ? 'Restore' : 'Deprecate'} ${dialog.node.code}`;
  // Keyed so each node starts with a fresh form.
  const key = !dialog
    ? 'none'
    : dialog.kind === 'add'
      ? `add-${dialog.parent?.code}`
      : `${dialog.kind}-${dialog.node.code}`;
  const props = { onCancel: onClose, onDone };
  return (
    <Modal opened={dialog !== null} onClose={onClose} title={title} size="lg">
      {dialog?.kind === 'add' ? <AddNodeForm key={key} parent={dialog.parent} {...props} /> : null}
      {dialog?.kind === 'rename' ? <RenameForm key={key} node={dialog.node} {...props} /> : null}
      {dialog?.kind === 'move' ? (
        <MoveForm key={key} node={dialog.node} byCode={byCode} {...props} />
      ) : null}
      {dialog?.kind === 'deprecate' ? (
        <DeprecateForm key={key} node={dialog.node} byCode={byCode} {...props} />
      ) : null}
      {dialog?.kind === 'merge' ? (
        <MergeForm key={key} node={dialog.node} byCode={byCode} {...props} />
      ) : null}
    </Modal>
  );
}

function levelName(level: TaxonomyLevel | null): string {
  return level ? TAXONOMY_LEVEL_LABELS[level].toLowerCase() : 'node';
}

interface FormProps {
  onCancel: () => void;
  onDone: (message: string) => void;
}

function RolloutNoteInput<Values extends { rolloutNote: string }>({
  form,
}: {
  form: UseFormReturnType<Values>;
}) {
  return (
    <Textarea
      label="Rollout note"
      description="Optional. Tell agents what changes; they see it with the change and acknowledge it."
      autosize
      minRows={2}
      maxLength={2000}
      key={form.key('rolloutNote')}
      {...form.getInputProps('rolloutNote')}
    />
  );
}

interface AddValues {
  level: TaxonomyLevel;
  parentCode: string;
  code: string;
  name: string;
  audience: string | null;
  defaultPriority: string;
  description: string;
  rolloutNote: string;
}

const AUDIENCE_OPTIONS = AUDIENCES.map((audience) => ({
  value: audience,
  label: AUDIENCE_LABELS[audience],
}));
export const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({
  value: priority,
  label: `${priority} · ${PRIORITY_LABELS[priority].label}`,
}));

function AddNodeForm({
  parent,
  onCancel,
  onDone,
}: FormProps & { parent: TaxonomyNodeView | null }) {
  const trpc = useTRPC();
  const level: TaxonomyLevel = parent ? (childLevelOf(parent.level) ?? 'reason') : 'category';
  const form = useForm<AddValues>({
    mode: 'controlled',
    initialValues: {
      level,
      parentCode: parent?.code ?? '',
      code: '',
      name: '',
      audience: null,
      defaultPriority: 'P3',
      description: '',
      rolloutNote: '',
    },
    validate: schemaResolver(addTaxonomyNodeInputSchema, { sync: true }),
  });
  const add = useMutation(
    trpc.taxonomy.addNode.mutationOptions({
      onSuccess: (node) => onDone(`${TAXONOMY_LEVEL_LABELS[node.level]} ${node.code} added`),
    }),
  );
  const error = useServerErrors(
    add.error,
    ['code', 'name', 'audience', 'defaultPriority', 'description'],
    form.setErrors,
  );

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) =>
        add.mutate(addTaxonomyNodeInputSchema.parse(submitted)),
      )}
    >
      <Stack>
        {parent ? (
          <Text size="sm">
            Under {TAXONOMY_LEVEL_LABELS[parent.level].toLowerCase()} <b>{nodeLabel(parent)}</b>
          </Text>
        ) : null}
        <NameAndCodeFields
          form={form}
          nameDescription="What agents and leads read; it can be renamed later."
          codeDescription="UPPER_SNAKE_CASE. Reports use it, so it never changes and is never reused."
        />
        {level === 'request_type' ? (
          <Group grow align="flex-start">
            <Select
              label="Who writes in"
              placeholder="Guests or drivers"
              withAsterisk
              data={AUDIENCE_OPTIONS}
              {...form.getInputProps('audience')}
            />
            <Select
              label="Default priority"
              withAsterisk
              allowDeselect={false}
              data={PRIORITY_OPTIONS}
              {...form.getInputProps('defaultPriority')}
            />
          </Group>
        ) : null}
        {level === 'request_type' ? (
          <Textarea
            label="Description"
            description="When to use it, for agents choosing a request type."
            autosize
            minRows={2}
            {...form.getInputProps('description')}
          />
        ) : null}
        <RolloutNoteInput form={form} />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={add.isPending}
          submitLabel={`Add ${levelName(level)}`}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function RenameForm({ node, onCancel, onDone }: FormProps & { node: TaxonomyNodeView }) {
  const trpc = useTRPC();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: node.code, name: node.name, rolloutNote: '' },
    validate: schemaResolver(renameTaxonomyNodeInputSchema, { sync: true }),
  });
  const rename = useMutation(
    trpc.taxonomy.renameNode.mutationOptions({
      onSuccess: (renamed) => onDone(`${renamed.code} is now “${renamed.name}”`),
    }),
  );
  const error = useServerErrors(rename.error, ['name'], form.setErrors);
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        rename.mutate(renameTaxonomyNodeInputSchema.parse(values)),
      )}
    >
      <Stack>
        <Text size="sm">
          The code <b>{node.code}</b> stays, so reports and rules keep counting it.
        </Text>
        <TextInput label="Name" withAsterisk data-autofocus {...form.getInputProps('name')} />
        <RolloutNoteInput form={form} />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={rename.isPending}
          submitLabel="Rename"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function MoveForm({
  node,
  byCode,
  onCancel,
  onDone,
}: FormProps & { node: TaxonomyNodeView; byCode: Map<string, TaxonomyNodeView> }) {
  const trpc = useTRPC();
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: node.code, newParentCode: '', rolloutNote: '' },
    validate: schemaResolver(moveTaxonomyNodeInputSchema, { sync: true }),
  });
  const move = useMutation(
    trpc.taxonomy.moveNode.mutationOptions({
      onSuccess: (moved) => onDone(`${moved.code} moved under ${moved.parentCode}`),
    }),
  );
  const error = useServerErrors(move.error, ['newParentCode'], form.setErrors);
  const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
  const parentLevel = node.level === 'reason' ? 'request type' : 'category';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) => move.mutate(moveTaxonomyNodeInputSchema.parse(values)))}
    >
      <Stack>
        <Text size="sm">
          {nodeLabel(node)} is now under {parent ? nodeLabel(parent) : 'nothing'}. Conversations
          keep it; only where it sits in the tree changes.
        </Text>
        <Select
          label={`New ${parentLevel}`}
          placeholder={`Choose a ${parentLevel}`}
          withAsterisk
          searchable
          data={moveTargets(byCode, node)}
          nothingFoundMessage="No live node matches"
          {...form.getInputProps('newParentCode')}
          value={form.getValues().newParentCode || null}
          onChange={(value) => form.setFieldValue('newParentCode', value ?? '')}
        />
        <RolloutNoteInput form={form} />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={move.isPending}
          submitLabel="Move"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function DeprecateForm({
  node,
  byCode,
  onCancel,
  onDone,
}: FormProps & { node: TaxonomyNodeView; byCode: Map<string, TaxonomyNodeView> }) {
  const trpc = useTRPC();
  const restoring = node.deprecated;
  const form = useForm({
    mode: 'controlled',
    initialValues: { code: node.code, deprecated: !restoring, rolloutNote: '' },
    validate: schemaResolver(setTaxonomyNodeDeprecatedInputSchema, { sync: true }),
  });
  const setDeprecated = useMutation(
    trpc.taxonomy.setDeprecated.mutationOptions({
      onSuccess: (changed) =>
        onDone(`${changed.code} ${changed.deprecated ? 'deprecated' : 'restored'}`),
    }),
  );
  const error = useServerErrors(setDeprecated.error, [], form.setErrors);
  const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        setDeprecated.mutate(setTaxonomyNodeDeprecatedInputSchema.parse(values)),
      )}
    >
      <Stack>
        {restoring ? (
          <Text size="sm">
            {nodeLabel(node)} can be applied to conversations and used in rules again.
            {parent?.retired
              ? ` Its parent ${nodeLabel(parent)} is retired: restore it first.`
              : ''}
          </Text>
        ) : (
          <Text size="sm">
            {nodeLabel(node)} keeps its code and its {conversationCount(node.usageCount)} in
            reports, but agents and rules can no longer apply it
            {node.childCount > 0 ? ', nor anything under it' : ''}. You can restore it later.
          </Text>
        )}
        <RolloutNoteInput form={form} />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={setDeprecated.isPending}
          submitLabel={restoring ? 'Restore' : 'Deprecate'}
          submitColor={restoring ? undefined : 'red'}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

function MergeForm({
  node,
  byCode,
  onCancel,
  onDone,
}: FormProps & { node: TaxonomyNodeView; byCode: Map<string, TaxonomyNodeView> }) {
  const trpc = useTRPC();
  const form = useForm({
    mode: 'controlled',
    initialValues: { fromCode: node.code, intoCode: '', rolloutNote: '' },
    validate: schemaResolver(mergeTaxonomyNodesInputSchema, { sync: true }),
  });
  const merge = useMutation(
    trpc.taxonomy.mergeNodes.mutationOptions({
      onSuccess: (merged) =>
        onDone(
          merged.level === 'category'
            ? `${merged.fromCode} merged into ${merged.intoCode}`
            : `${merged.fromCode} merged into ${merged.intoCode}; ${conversationCount(merged.repointedConversations)} re-pointed${
                merged.repointedRules > 0
                  ? `, ${merged.repointedRules} routing rule${merged.repointedRules === 1 ? '' : 's'} updated`
                  : ''
              }`,
        ),
    }),
  );
  const error = useServerErrors(merge.error, ['intoCode'], form.setErrors);
  const into = byCode.get(form.getValues().intoCode);
  const children = node.level === 'category' ? 'request types' : 'reasons';
  return (
    <form
      noValidate
      onSubmit={form.onSubmit((values) =>
        merge.mutate(mergeTaxonomyNodesInputSchema.parse(values)),
      )}
    >
      <Stack>
        <Select
          label="Merge into"
          placeholder={`Choose a live ${levelName(node.level)}`}
          withAsterisk
          searchable
          data={mergeTargets(byCode, node)}
          nothingFoundMessage="No live node matches"
          {...form.getInputProps('intoCode')}
          value={form.getValues().intoCode || null}
          onChange={(value) => form.setFieldValue('intoCode', value ?? '')}
        />
        <Alert color="yellow" icon={<IconAlertTriangle />} title="A merge cannot be undone">
          <Stack gap={4}>
            <Text size="sm">
              {node.level === 'category'
                ? `Its request types move to ${into ? into.code : 'the other category'}, with their history.`
                : `Its ${conversationCount(node.usageCount)} will count under ${into ? into.code : 'the other node'}.`}
            </Text>
            {node.level !== 'reason' && node.childCount > 0 ? (
              <Text size="sm">
                Its {node.childCount} {children} move under {into ? into.code : 'it'}.
              </Text>
            ) : null}
            <Text size="sm">
              {node.code} is deprecated and marked as merged; its code is never reused.
            </Text>
          </Stack>
        </Alert>
        <RolloutNoteInput form={form} />
        <FormFooter
          error={error}
          errorTitle="Not saved"
          pending={merge.isPending}
          submitLabel="Merge"
          submitColor="red"
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}
