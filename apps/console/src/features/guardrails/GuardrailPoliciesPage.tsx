import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { AGENT_TIERS, guardrailPolicySummary } from '@switchboard/domain';
import {
  AudienceBadge,
  describeError,
  EmptyState,
  ErrorState,
  formatDateTime,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconPlus, IconShieldCheck } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { policyEditorPath } from './GuardrailPolicyEditorPage.tsx';
import { NewPolicyModal } from './NewPolicyModal.tsx';

type PolicyRow = RouterOutputs['guardrails']['policies'][number];

/** "€50.00 / AED 200.00, up to 50% of the booking" per tier, as the change history says it. */
function RefundLimits({ row }: { row: PolicyRow }) {
  if (!row.definition.refund.enabled) {
    return (
      <Badge color="gray" variant="light">
        Refunds off
      </Badge>
    );
  }
  const summary = guardrailPolicySummary(row.definition);
  return (
    <Stack gap={2}>
      {AGENT_TIERS.map((tier) => (
        <Text key={tier} size="xs">
          <Text span fw={600} size="xs">
            {tier}
          </Text>{' '}
          {String(summary[`Refund · ${tier}`])}
        </Text>
      ))}
    </Stack>
  );
}

/**
 * Every guardrail policy: what support may refund, give as a gesture or rebook without
 * asking, per request type and audience. Leads and admins start new ones.
 */
export function GuardrailPoliciesPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const canEdit = viewer.access.lead;
  const [creating, setCreating] = useState(false);
  const policies = useQuery(trpc.guardrails.policies.queryOptions());
  const newPolicy = canEdit ? (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New policy
    </Button>
  ) : null;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <div>
          <Title order={1} size="h2">
            Guardrails
          </Title>
          <Text c="dimmed" size="sm">
            How much support may give back — refunds, goodwill gestures, rebookings — per request
            type and audience, by agent tier, before a lead or Finance approves.
          </Text>
        </div>
        {newPolicy}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {policies.isPending ? (
          <TableSkeleton label="Loading guardrail policies" />
        ) : policies.isError ? (
          <ErrorState
            message={describeError(policies.error)}
            onRetry={() => void policies.refetch()}
          />
        ) : policies.data.length === 0 ? (
          <EmptyState
            icon={<IconShieldCheck />}
            title="No guardrail policies yet"
            description="Without a policy, agents cannot refund, give gestures or rebook for a request type."
            action={newPolicy}
          />
        ) : (
          <Table.ScrollContainer minWidth={900}>
            <Table highlightOnHover aria-label="Guardrail policies">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Request type</Table.Th>
                  <Table.Th>Audience</Table.Th>
                  <Table.Th>Version</Table.Th>
                  <Table.Th>Refund limits</Table.Th>
                  <Table.Th>Updated</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {policies.data.map((row) => (
                  <Table.Tr key={row.id}>
                    <Table.Td>
                      <Text
                        component={Link}
                        to={policyEditorPath(row.requestTypeCode, row.audience)}
                        size="sm"
                        fw={500}
                        c="blue"
                      >
                        {row.requestTypeName}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {row.requestTypeCode}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <AudienceBadge audience={row.audience} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">v{row.version}</Text>
                    </Table.Td>
                    <Table.Td>
                      <RefundLimits row={row} />
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDateTime(row.updatedAt)}</Text>
                      <Text size="xs" c="dimmed">
                        by {row.updatedByName ?? 'someone no longer here'}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {canEdit ? (
        <NewPolicyModal
          opened={creating}
          onClose={() => setCreating(false)}
          existing={policies.data ?? []}
        />
      ) : null}
    </Stack>
  );
}
