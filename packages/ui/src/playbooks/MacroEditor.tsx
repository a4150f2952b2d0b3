import { ActionIcon, Button, Drawer, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import type { MacroInput } from '@switchboard/domain';
import { IconArchive, IconPencil } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { describeError } from '../trpc-errors.ts';
import { MacroForm } from './MacroForm.tsx';

/** What the macro lists show of a macro, enough to edit it. */
export interface EditableMacro {
  id: string;
  name: string;
  body: string;
  inboxId?: string | null;
  fields: MacroInput['fields'];
  actions: MacroInput['actions'];
}

function toInput(macro: EditableMacro, scope: MacroInput['scope']): MacroInput {
  return {
    name: macro.name,
    body: macro.body,
    scope,
    inboxId: scope === 'shared' ? (macro.inboxId ?? null) : null,
    fields: macro.fields,
    actions: macro.actions,
  };
}

export interface MacroEditorDrawerProps {
  /** The macro being edited, 'new' for a new one, null when closed. */
  editing: EditableMacro | 'new' | null;
  scope: MacroInput['scope'];
  inboxOptions?: { value: string; label: string }[];
  tagOptions: { code: string; name: string }[];
  saving: boolean;
  serverError?: unknown;
  onClose: () => void;
  onSubmit: (input: MacroInput, macroId: string | null) => void;
}

/** The create/edit drawer both macro lists (shared in the console, personal in the workspace) use. */
export function MacroEditorDrawer({
  editing,
  scope,
  inboxOptions,
  tagOptions,
  saving,
  serverError,
  onClose,
  onSubmit,
}: MacroEditorDrawerProps) {
  const isNew = editing === 'new';
  return (
    <Drawer
      opened={editing !== null}
      onClose={onClose}
      position="right"
      size="xl"
      title={isNew ? 'New macro' : `Edit “${editing?.name ?? ''}”`}
    >
      {editing !== null ? (
        <MacroForm
          key={isNew ? 'new' : editing.id}
          scope={scope}
          initialValues={isNew ? undefined : toInput(editing, scope)}
          {...(inboxOptions ? { inboxOptions } : {})}
          tagOptions={tagOptions}
          submitLabel={isNew ? 'Create macro' : 'Save macro'}
          saving={saving}
          serverError={serverError}
          onCancel={onClose}
          onSubmit={(input) => onSubmit(input, isNew ? null : editing.id)}
        />
      ) : null}
    </Drawer>
  );
}

export interface MacroRowActionsProps {
  name: string;
  onEdit: () => void;
  onArchive: () => void;
}

export function MacroRowActions({ name, onEdit, onArchive }: MacroRowActionsProps) {
  return (
    <Group gap={4} wrap="nowrap" justify="flex-end">
      <Tooltip label="Edit">
        <ActionIcon variant="subtle" aria-label={`Edit ${name}`} onClick={onEdit}>
          <IconPencil size={16} />
        </ActionIcon>
      </Tooltip>
      <Tooltip label="Archive">
        <ActionIcon variant="subtle" color="red" aria-label={`Archive ${name}`} onClick={onArchive}>
          <IconArchive size={16} />
        </ActionIcon>
      </Tooltip>
    </Group>
  );
}

export interface ArchiveMacroModalProps {
  /** The macro to archive; null when closed. */
  macro: { id: string; name: string } | null;
  /** What archiving means for whoever sees the macro. */
  consequence: ReactNode;
  pending: boolean;
  error: unknown;
  onCancel: () => void;
  onConfirm: (macroId: string) => void;
}

export function ArchiveMacroModal({
  macro,
  consequence,
  pending,
  error,
  onCancel,
  onConfirm,
}: ArchiveMacroModalProps) {
  return (
    <Modal opened={macro !== null} onClose={onCancel} title="Archive this macro?">
      <Stack>
        <Text size="sm">{consequence}</Text>
        {error ? (
          <Text size="sm" c="red">
            {describeError(error)}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
          <Button color="red" loading={pending} onClick={() => macro && onConfirm(macro.id)}>
            Archive macro
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
