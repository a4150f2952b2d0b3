import { Alert, Button, Group } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';

/** A form's last row: what stopped the save, then Cancel and the submit button. */
export function FormFooter({
  error,
  errorTitle,
  pending,
  submitLabel,
  submitColor,
  submitDisabled = false,
  onCancel,
}: {
  error: string | null;
  errorTitle: string;
  pending: boolean;
  submitLabel: string;
  /** A red button for what cannot be taken back (rejecting, revoking). */
  submitColor?: string;
  submitDisabled?: boolean;
  onCancel: () => void;
}) {
  return (
    <>
      {error ? (
        <Alert color="red" icon={<IconAlertTriangle />} title={errorTitle}>
          {error}
        </Alert>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" color={submitColor} disabled={submitDisabled} loading={pending}>
          {submitLabel}
        </Button>
      </Group>
    </>
  );
}
