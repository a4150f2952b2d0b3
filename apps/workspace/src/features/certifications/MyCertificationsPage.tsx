import { Stack, Text, Title } from '@mantine/core';
import { MyCertifications } from './MyCertifications.tsx';

/** The workspace page of one's own certifications. */
export function MyCertificationsPage() {
  return (
    <Stack gap="md" maw={1100}>
      <div>
        <Title order={1} size="h2">
          My certifications
        </Title>
        <Text c="dimmed" size="sm">
          What you are certified for decides which conversations routing gives you and the limits of
          the refunds and gestures you can make.
        </Text>
      </div>
      <MyCertifications />
    </Stack>
  );
}
