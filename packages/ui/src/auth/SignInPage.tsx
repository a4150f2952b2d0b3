import {
  Alert,
  Box,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { schemaResolver, useForm } from '@mantine/form';
import { type SignInInput, signInSchema } from '@switchboard/domain';
import { IconAlertCircle, IconHeadset } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { authClient } from './auth-client.ts';
import { describeSignInFailure, SIGN_IN_UNAVAILABLE_MESSAGE } from './sign-in-error.ts';

export interface SignInPageProps {
  /** Which app the person is signing in to, e.g. "Workspace". */
  appName: string;
  /** Shown under the form, e.g. the demo accounts and their shared password. */
  demoHint?: ReactNode;
  /** Where to go after signing in when the person did not arrive from a guarded page. */
  defaultRedirect?: string;
}

interface RedirectState {
  from?: string;
}

export function SignInPage({ appName, demoHint, defaultRedirect = '/' }: SignInPageProps) {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const form = useForm<SignInInput>({
    mode: 'uncontrolled',
    initialValues: { email: '', password: '' },
    validate: schemaResolver(signInSchema, { sync: true }),
  });

  const signIn = async (values: SignInInput) => {
    setFailure(null);
    setSubmitting(true);
    try {
      const { error } = await authClient.signIn.email(values);
      if (error) {
        setFailure(describeSignInFailure(error.status));
        return;
      }
      // Whatever was cached belonged to the signed-out visitor (or someone else).
      queryClient.removeQueries();
      const from = (location.state as RedirectState | null)?.from;
      await navigate(from && from !== '/sign-in' ? from : defaultRedirect, { replace: true });
    } catch {
      setFailure(SIGN_IN_UNAVAILABLE_MESSAGE);
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Center mih="100vh" p="md" bg="var(--mantine-color-body)">
      <Box w="100%" maw={400}>
        <Stack gap={4} align="center" mb="lg">
          <IconHeadset size={36} stroke={1.5} color="var(--mantine-primary-color-filled)" />
          <Title order={1} size="h2">
            Switchboard
          </Title>
          <Text c="dimmed">Sign in to the {appName}</Text>
        </Stack>
        <Paper p="xl" shadow="sm">
          <form noValidate onSubmit={form.onSubmit(signIn)}>
            <Stack>
              {failure ? (
                <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                  {failure}
                </Alert>
              ) : null}
              <TextInput
                label="Email"
                type="email"
                autoComplete="username"
                placeholder="you@company.com"
                key={form.key('email')}
                {...form.getInputProps('email')}
              />
              <PasswordInput
                label="Password"
                autoComplete="current-password"
                key={form.key('password')}
                {...form.getInputProps('password')}
              />
              <Button type="submit" loading={submitting} fullWidth mt="xs">
                Sign in
              </Button>
            </Stack>
          </form>
        </Paper>
        {demoHint ? (
          <Text size="sm" c="dimmed" ta="center" mt="md">
            {demoHint}
          </Text>
        ) : null}
      </Box>
    </Center>
  );
}
