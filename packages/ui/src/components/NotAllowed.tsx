import { Anchor, Button, Center, Group, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { ROLE_LABELS } from '@switchboard/domain';
import { IconLock } from '@tabler/icons-react';
import { useContext } from 'react';
import { useSignOut } from '../auth/use-sign-out.ts';
import { ViewerContext } from '../auth/viewer-context.ts';

export interface NotAllowedProps {
  /** The surface the person tried to open, e.g. "console". */
  surface: string;
  /** Where they can work instead, e.g. the workspace. */
  alternative?: { label: string; href: string };
}

export function NotAllowed({ surface, alternative }: NotAllowedProps) {
  const viewer = useContext(ViewerContext);
  const signOut = useSignOut();
  return (
    <Center mih="100vh" p="md">
      <Paper p="xl" maw={460} shadow="sm">
        <Stack align="center" ta="center">
          <ThemeIcon size={56} radius="xl" variant="light" color="orange">
            <IconLock size={30} />
          </ThemeIcon>
          <Title order={1} size="h2">
            Not allowed
          </Title>
          <Text>You don't have access to the {surface}.</Text>
          {viewer ? (
            <Text size="sm" c="dimmed">
              You are signed in as {viewer.name} ({ROLE_LABELS[viewer.role]}). Ask an admin if you
              think you should have access.
            </Text>
          ) : null}
          <Group>
            {alternative ? (
              <Button component="a" href={alternative.href}>
                {alternative.label}
              </Button>
            ) : null}
            {viewer ? (
              <Anchor component="button" type="button" onClick={() => void signOut()}>
                Sign out
              </Anchor>
            ) : null}
          </Group>
        </Stack>
      </Paper>
    </Center>
  );
}
