import {
  Anchor,
  Badge,
  Button,
  Group,
  List,
  Paper,
  Stack,
  Table,
  Tabs,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconChecklist, IconExternalLink, IconLock } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { EmptyState } from '../components/EmptyState.tsx';
import { ErrorState } from '../components/ErrorState.tsx';
import { ListPagination } from '../components/ListPagination.tsx';
import { TableSkeleton } from '../components/TableSkeleton.tsx';
import { formatDateTime, formatRelativeTime } from '../format.ts';
import { useTRPC } from '../trpc.tsx';
import { describeError, trpcErrorCode } from '../trpc-errors.ts';
import { useListParams } from '../use-list-params.ts';
import { AnswerApprovalModal, type ApprovalAnswer } from './AnswerApprovalModal.tsx';
import { APPROVER_LABELS, type ApprovalRow, askedText, reasonCodeOf } from './approval-text.ts';

const PAGE_SIZE = 50;
const PARAMS = ['state'] as const;
type ApprovalState = 'waiting' | 'answered';

function When({ at, now }: { at: Date; now: Date }) {
  return (
    <Tooltip label={formatDateTime(at)}>
      <Text size="xs" c="dimmed" component="span">
        {formatRelativeTime(at, now)}
      </Text>
    </Tooltip>
  );
}

function conversationHref(conversationId: string): string {
  return `/workspace/conversations/${encodeURIComponent(conversationId)}`;
}

/**
 * The approvals queue: refunds, gestures and rebookings above an agent's limit, waiting for
 * a team lead (or Finance & Payouts) — oldest due first — and the ones answered already.
 */
export function ApprovalsPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const state: ApprovalState = values.state === 'answered' ? 'answered' : 'waiting';
  const [answering, setAnswering] = useState<{
    approval: ApprovalRow;
    outcome: ApprovalAnswer;
  } | null>(null);
  const approvals = useQuery({
    ...trpc.guardrails.approvals.queryOptions({
      state,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
    // Requests arrive while the lead works; due times pass.
    refetchInterval: 60_000,
  });
  const now = new Date();
  const refused = approvals.isError && trpcErrorCode(approvals.error) === 'FORBIDDEN';

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Approvals
        </Title>
        <Text c="dimmed" size="sm">
          Refunds, goodwill gestures and rebookings above an agent’s limit. Team leads answer leads’
          requests; Finance & Payouts answers Finance’s. The agent who asked is told on the
          conversation.
        </Text>
      </div>
      {refused ? (
        <Paper>
          <EmptyState
            icon={<IconLock />}
            title="You answer no approvals"
            description="Team leads and admins answer leads’ requests; members of a Finance & Payouts team answer Finance’s."
          />
        </Paper>
      ) : (
        <Tabs
          value={state}
          onChange={(value) => update({ state: value === 'answered' ? 'answered' : undefined })}
        >
          <Tabs.List>
            <Tabs.Tab
              value="waiting"
              rightSection={
                state === 'waiting' && approvals.data ? (
                  <Badge
                    size="xs"
                    variant="light"
                    color={approvals.data.total > 0 ? 'orange' : 'gray'}
                  >
                    {approvals.data.total}
                  </Badge>
                ) : null
              }
            >
              Waiting
            </Tabs.Tab>
            <Tabs.Tab value="answered">Answered</Tabs.Tab>
          </Tabs.List>
        </Tabs>
      )}
      {refused ? null : (
        <Paper p={0} style={{ overflow: 'hidden' }}>
          {approvals.isPending ? (
            <TableSkeleton label="Loading approvals" />
          ) : approvals.isError ? (
            <ErrorState
              message={describeError(approvals.error)}
              onRetry={() => void approvals.refetch()}
            />
          ) : approvals.data.items.length === 0 ? (
            <EmptyState
              icon={<IconChecklist />}
              title={state === 'waiting' ? 'Nothing waiting' : 'Nothing answered yet'}
              description={
                state === 'waiting'
                  ? 'Requests above an agent’s limit appear here as soon as they are made.'
                  : 'Approved and rejected requests appear here.'
              }
            />
          ) : (
            <Table.ScrollContainer minWidth={1100}>
              <Table
                highlightOnHover
                aria-label={state === 'waiting' ? 'Waiting approvals' : 'Answered approvals'}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Conversation</Table.Th>
                    <Table.Th>Asked</Table.Th>
                    <Table.Th>Requested by</Table.Th>
                    <Table.Th>Why it needs approval</Table.Th>
                    <Table.Th>{state === 'waiting' ? 'Due' : 'Answer'}</Table.Th>
                    <Table.Th>Approver</Table.Th>
                    {state === 'waiting' ? <Table.Th>Answer</Table.Th> : null}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {approvals.data.items.map((approval) => (
                    <ApprovalTableRow
                      key={approval.requestId}
                      approval={approval}
                      now={now}
                      onAnswer={(outcome) => setAnswering({ approval, outcome })}
                    />
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </Paper>
      )}
      {approvals.data && !refused ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={approvals.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <AnswerApprovalModal answering={answering} onClose={() => setAnswering(null)} />
    </Stack>
  );
}

function ApprovalTableRow({
  approval,
  now,
  onAnswer,
}: {
  approval: ApprovalRow;
  now: Date;
  onAnswer: (outcome: ApprovalAnswer) => void;
}) {
  const reasonCode = reasonCodeOf(approval);
  const waiting = approval.outcome === null;
  const overdue = waiting && approval.dueAt.getTime() < now.getTime();
  return (
    <Table.Tr>
      <Table.Td>
        <Anchor
          href={conversationHref(approval.conversationId)}
          target="_blank"
          rel="noopener"
          size="sm"
          fw={500}
        >
          <Group gap={4} component="span" wrap="nowrap">
            #{approval.conversationNumber}
            <IconExternalLink size={12} />
          </Group>
        </Anchor>
      </Table.Td>
      <Table.Td>
        <Text size="sm" fw={500}>
          {askedText(approval)}
        </Text>
        <Text size="xs" c="dimmed">
          {reasonCode ? `${reasonCode} · ` : ''}policy v{approval.policyVersion}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{approval.requestedByName ?? 'Someone no longer here'}</Text>
        <When at={approval.requestedAt} now={now} />
      </Table.Td>
      <Table.Td maw={360}>
        {approval.reasons.length > 0 ? (
          <List size="xs" spacing={2}>
            {approval.reasons.map((reason) => (
              <List.Item key={reason}>{reason}</List.Item>
            ))}
          </List>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        {waiting ? (
          <Stack gap={2} align="flex-start">
            <Text size="sm">{formatDateTime(approval.dueAt)}</Text>
            {overdue ? (
              <Badge color="red" variant="filled" size="sm">
                Overdue
              </Badge>
            ) : (
              <When at={approval.dueAt} now={now} />
            )}
          </Stack>
        ) : (
          <Stack gap={2} align="flex-start">
            <Badge color={approval.outcome === 'approved' ? 'teal' : 'red'} variant="light">
              {approval.outcome === 'approved' ? 'Approved' : 'Rejected'}
            </Badge>
            {approval.answeredAt ? <When at={approval.answeredAt} now={now} /> : null}
            {approval.answerNote ? <Text size="xs">“{approval.answerNote}”</Text> : null}
          </Stack>
        )}
      </Table.Td>
      <Table.Td>
        <Badge variant="outline" color={approval.approverRole === 'finance' ? 'grape' : 'blue'}>
          {APPROVER_LABELS[approval.approverRole] ?? approval.approverRole}
        </Badge>
      </Table.Td>
      {waiting ? (
        <Table.Td>
          <Group gap="xs" wrap="nowrap">
            <Button
              size="compact-sm"
              color="teal"
              aria-label={`Approve #${approval.conversationNumber}`}
              onClick={() => onAnswer('approved')}
            >
              Approve
            </Button>
            <Button
              size="compact-sm"
              variant="light"
              color="red"
              aria-label={`Reject #${approval.conversationNumber}`}
              onClick={() => onAnswer('rejected')}
            >
              Reject
            </Button>
          </Group>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
}
