import { Badge, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';
import { IconCheck, IconRoute } from '@tabler/icons-react';
import type { ConversationDetail } from './timeline.ts';

type Conversation = ConversationDetail['conversation'];

/**
 * "Why is this here?": the routing rules that placed the conversation (every condition that
 * held), how its inbox was chosen, and why it has its assignee or is still waiting.
 */
export function WhyHereCard({ conversation }: { conversation: Conversation }) {
  const decision = conversation.routingDecision;
  const { assignmentReason, queuedAt, assigneeReplyDueAt } = conversation;
  if (!decision && !assignmentReason) return null;
  return (
    <Paper p="md" component="section" aria-labelledby="why-here-heading">
      <Stack gap="xs">
        <Title order={2} size="h5" id="why-here-heading">
          Why is this here?
        </Title>
        {decision ? (
          <>
            <Text size="sm">{decision.inbox.note}.</Text>
            {decision.matched.length === 0 ? (
              <Text size="sm" c="dimmed">
                No routing rule matched ({decision.rulesConsidered} checked).
              </Text>
            ) : (
              decision.matched.map((rule) => (
                <Stack key={rule.ruleId} gap={2}>
                  <Text size="sm" fw={600}>
                    <IconRoute size={14} aria-hidden /> Rule {rule.position}: {rule.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {rule.summary}
                  </Text>
                  <List
                    size="xs"
                    spacing={2}
                    icon={
                      <ThemeIcon size={14} radius="xl" color="teal" variant="light">
                        <IconCheck size={10} />
                      </ThemeIcon>
                    }
                  >
                    {rule.conditions.map((condition) => (
                      <List.Item key={condition.index}>{condition.sentence}</List.Item>
                    ))}
                  </List>
                </Stack>
              ))
            )}
            <Text size="xs" c="dimmed">
              Routed {formatDateTime(new Date(decision.routedAt))}
            </Text>
          </>
        ) : null}
        {assignmentReason ? (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              Assignment
            </Text>
            <Text size="sm">{assignmentReason}</Text>
            {queuedAt && !conversation.assigneeId ? (
              <Badge variant="light" color="orange" w="fit-content">
                Waiting for an agent since {formatRelativeTime(queuedAt)}
              </Badge>
            ) : null}
            {assigneeReplyDueAt ? (
              <Text size="xs" c="dimmed">
                Reply by {formatDateTime(assigneeReplyDueAt)}, or it goes to the next agent
              </Text>
            ) : null}
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}
