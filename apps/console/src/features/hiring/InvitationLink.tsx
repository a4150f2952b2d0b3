import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { formatDateTime } from '@switchboard/ui';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useId } from 'react';

export interface InvitationLinkProps {
  /** The path the server answered, e.g. /workspace/invite/… */
  path: string;
  expiresAt: Date;
  name: string;
}

/** The only time a new hire's link is shown: the trainer copies it and sends it to them. */
export function InvitationLink({ path, expiresAt, name }: InvitationLinkProps) {
  const labelId = useId();
  const link = `${window.location.origin}${path}`;
  return (
    <Stack gap={6}>
      <Text id={labelId} fw={600} size="sm">
        Invitation link
      </Text>
      <Group wrap="nowrap" align="flex-start">
        <Code block aria-labelledby={labelId} style={{ flex: 1, wordBreak: 'break-all' }}>
          {link}
        </Code>
        <CopyButton value={link}>
          {({ copied, copy }) => (
            <Button
              variant={copied ? 'light' : 'filled'}
              color={copied ? 'teal' : undefined}
              leftSection={copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              onClick={copy}
            >
              {copied ? 'Copied' : 'Copy link'}
            </Button>
          )}
        </CopyButton>
      </Group>
      <Text size="sm" c="dimmed">
        {`Send it to ${name} now: it is shown only once, works once, and expires ${formatDateTime(expiresAt)}. They set a password there, then sign in to the workspace.`}
      </Text>
    </Stack>
  );
}
