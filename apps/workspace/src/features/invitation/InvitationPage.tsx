import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Loader,
  Paper,
  PasswordInput,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import {
  invitationRefusal,
  type SetPasswordForm,
  setPasswordFormSchema,
} from '@switchboard/domain';
import { describeError, isClientError } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertCircle, IconCircleCheck, IconHeadset } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router';

function Frame({ children }: { children: ReactNode }) {
  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Box w="100%" maw={420}>
        <Stack gap={4} align="center" mb="lg">
          <IconHeadset size={36} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          <Title order={1} size="h2">
            Switchboard
          </Title>
          <Text c="dimmed">Set up your workspace account</Text>
        </Stack>
        <Paper p="xl" shadow="sm">
          {children}
        </Paper>
      </Box>
    </Center>
  );
}

function SignInLink() {
  return (
    <Button component={Link} to="/sign-in" fullWidth>
      Sign in
    </Button>
  );
}

function Refused({ message, signIn = false }: { message: string | null; signIn?: boolean }) {
  return (
    <Frame>
      <Stack>
        <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
          {message}
        </Alert>
        {signIn ? <SignInLink /> : null}
      </Stack>
    </Frame>
  );
}

/**
 * Where a new hire lands from the link their trainer sent: they choose a password (twice),
 * then sign in with their email and it. Needs no session; the link's token is the proof.
 */
export function InvitationPage() {
  const trpc = useTRPC();
  const { token = '' } = useParams();
  const invitation = useQuery(trpc.hiring.invitation.queryOptions({ token }));
  const accept = useMutation(trpc.hiring.acceptInvitation.mutationOptions());
  const form = useForm<SetPasswordForm>({
    mode: 'uncontrolled',
    initialValues: { password: '', confirmPassword: '' },
    validate: schemaResolver(setPasswordFormSchema, { sync: true }),
  });

  if (invitation.isPending) {
    return (
      <Frame>
        <Center>
          <Loader aria-label="Checking your invitation" />
        </Center>
      </Frame>
    );
  }
  if (invitation.isError) {
    // A malformed token is refused as bad input: to the new hire it is simply not valid.
    const message = isClientError(invitation.error)
      ? invitationRefusal('unknown')
      : describeError(invitation.error);
    return <Refused message={message} />;
  }
  const lookup = invitation.data;
  if (lookup.state !== 'pending') {
    return <Refused message={lookup.message} signIn={lookup.state === 'accepted'} />;
  }

  if (accept.isSuccess) {
    return (
      <Frame>
        <Stack>
          <Alert color="teal" icon={<IconCircleCheck size={18} />} title="Your password is set">
            {`Sign in with ${accept.data.email} and your new password.`}
          </Alert>
          <SignInLink />
        </Stack>
      </Frame>
    );
  }

  const { name, email } = lookup;
  return (
    <Frame>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => accept.mutate({ token, password: values.password }))}
      >
        <Stack>
          <div>
            <Text fw={600}>{`Welcome, ${name}`}</Text>
            <Text size="sm" c="dimmed">
              {`Choose the password you will sign in with as ${email}. At least 8 characters.`}
            </Text>
          </div>
          {accept.isError ? (
            <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
              {describeError(accept.error)}
            </Alert>
          ) : null}
          <PasswordInput
            label="Password"
            autoComplete="new-password"
            key={form.key('password')}
            {...form.getInputProps('password')}
          />
          <PasswordInput
            label="Confirm password"
            autoComplete="new-password"
            key={form.key('confirmPassword')}
            {...form.getInputProps('confirmPassword')}
          />
          <Button type="submit" loading={accept.isPending} fullWidth mt="xs">
            Set password
          </Button>
          <Text size="sm" c="dimmed" ta="center">
            Set it already?{' '}
            <Anchor component={Link} to="/sign-in" size="sm">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Frame>
  );
}
