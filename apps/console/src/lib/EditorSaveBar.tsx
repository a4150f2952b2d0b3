import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import type { GetInputPropsReturnType } from '@mantine/form';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { RolloutNote } from './RolloutNote.tsx';

export interface EditorSaveBarProps {
  /** `form.getInputProps('rolloutNote')`. */
  rolloutNote: GetInputPropsReturnType;
  rolloutPlaceholder: string;
  /** A refusal that names no field on the form. */
  error: string | null;
  /** Some field is marked in red. */
  hasErrors: boolean;
  dirty: boolean;
  saving: boolean;
  onDiscard: () => void;
  saveLabel: string;
  saveDisabled: boolean;
  /** Shown on the left, e.g. a delete button. */
  leading?: ReactNode;
}

/** The foot of a console editor: the note for agents, why it was not saved, discard and save. */
export function EditorSaveBar(props: EditorSaveBarProps) {
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <RolloutNote placeholder={props.rolloutPlaceholder} {...props.rolloutNote} />
        {props.error ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
            {props.error}
          </Alert>
        ) : props.hasErrors ? (
          <Text size="sm" c="red" role="status">
            Not saved: fix the fields marked in red.
          </Text>
        ) : null}
        <Group justify={props.leading ? 'space-between' : 'flex-end'}>
          {props.leading}
          <Group>
            <Button
              variant="default"
              disabled={!props.dirty || props.saving}
              onClick={props.onDiscard}
            >
              Discard changes
            </Button>
            <Button type="submit" loading={props.saving} disabled={props.saveDisabled}>
              {props.saveLabel}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  );
}
