import { Alert, Badge, Card, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import {
  CERTIFICATION_SOURCE_LABELS,
  type CertificationState,
  describeExpiry,
} from '@switchboard/domain';
import { CertificationStateBadge, describeError, EmptyState, ErrorState } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconCertificate, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';

type Mine = RouterOutputs['certifications']['mine'];
type MyCertification = Mine['items'][number];

const DAY_FORMAT = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium' });

/** Expired first, then expiring, then valid: what needs doing comes first. */
const STATE_ORDER: Record<CertificationState, number> = {
  expired: 0,
  expiring_soon: 1,
  valid: 2,
};

function originOf(item: MyCertification): string {
  if (item.source === 'curriculum' && item.curriculumName) {
    return `Completed ${item.curriculumName}`;
  }
  if (item.grantedByName) return `Granted by ${item.grantedByName}`;
  return CERTIFICATION_SOURCE_LABELS[item.source];
}

/**
 * The signed-in person's certifications — valid, expiring and expired — what each lets them
 * handle, and the guardrail tier they give. Shown on its own page and on "My training".
 */
export function MyCertifications() {
  const trpc = useTRPC();
  const mine = useQuery(trpc.certifications.mine.queryOptions());
  if (mine.isPending) {
    return (
      <Text size="sm" c="dimmed">
        Loading your certifications…
      </Text>
    );
  }
  if (mine.isError) {
    return <ErrorState message={describeError(mine.error)} onRetry={() => void mine.refetch()} />;
  }
  const { tier, summary } = mine.data;
  const items = [...mine.data.items].sort(
    (a, b) => STATE_ORDER[a.state] - STATE_ORDER[b.state] || a.name.localeCompare(b.name),
  );
  const now = new Date();
  const needsRenewal = items.filter((item) => item.state !== 'valid');

  return (
    <Stack gap="md">
      <Group gap="sm">
        <IconShieldCheck size={20} aria-hidden />
        <Text size="sm">
          You act at guardrail tier <b>{tier}</b>
          {summary.tierFrom
            ? `, from ${summary.tierFrom.certificationName}.`
            : tier === 'L1'
              ? ': no certification of yours grants a higher one.'
              : '.'}
        </Text>
      </Group>
      {needsRenewal.length > 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle />} title="Renew in time">
          {needsRenewal
            .map((item) => `${item.name}: ${describeExpiry(item, now).toLowerCase()}`)
            .join(' · ')}
          . Ask your trainer to renew; routing stops giving you what an expired certification
          covers.
        </Alert>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          icon={<IconCertificate />}
          title="No certifications yet"
          description="You are certified when you complete a curriculum, or by your trainer."
        />
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {items.map((item) => (
            <Card key={item.certificationId} withBorder padding="md" aria-label={item.name}>
              <Stack gap={6}>
                <Group justify="space-between" wrap="nowrap">
                  <Text fw={600}>{item.name}</Text>
                  <Group gap={6} wrap="nowrap">
                    {item.grantsTier ? (
                      <Badge variant="light" color="violet">
                        Gives {item.grantsTier}
                      </Badge>
                    ) : null}
                    <CertificationStateBadge state={item.state} />
                  </Group>
                </Group>
                {item.description ? (
                  <Text size="sm" c="dimmed">
                    {item.description}
                  </Text>
                ) : null}
                <Text size="sm">
                  {item.expiresAt
                    ? `${item.state === 'expired' ? 'Expired' : 'Valid until'} ${DAY_FORMAT.format(item.expiresAt)} · ${describeExpiry(item, now)}`
                    : 'Does not expire'}
                </Text>
                {item.requiredFor.length > 0 ? (
                  <Text size="sm">Lets you handle: {item.requiredFor.join(', ')}</Text>
                ) : null}
                <Text size="xs" c="dimmed">
                  {originOf(item)} on {DAY_FORMAT.format(item.grantedAt)}
                  {item.note ? ` · “${item.note}”` : ''}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
