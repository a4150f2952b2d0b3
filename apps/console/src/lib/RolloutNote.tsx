import { Textarea, type TextareaProps } from '@mantine/core';

/** The optional note agents see with a change and acknowledge. */
export function RolloutNote(props: TextareaProps) {
  return (
    <Textarea
      label="Tell agents what changes"
      description="Optional. Agents see it with the change and acknowledge it."
      rows={2}
      resize="vertical"
      {...props}
    />
  );
}
