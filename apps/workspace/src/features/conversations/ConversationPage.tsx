import { Anchor, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { describeError, EmptyState, ErrorState, trpcErrorCode } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconLock, IconMessageOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { BookingCard } from './BookingCard.tsx';
import { ClassificationCard } from './ClassificationCard.tsx';
import { ContactCard } from './ContactCard.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { ConversationTimeline } from './ConversationTimeline.tsx';
import { buildTimeline } from './timeline.ts';

function BackToInbox() {
  return (
    <Anchor component={Link} to="/inbox" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        My conversations
      </Group>
    </Anchor>
  );
}

function ConversationFailure({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const code = trpcErrorCode(error);
  if (code === 'NOT_FOUND' || code === 'BAD_REQUEST') {
    return (
      <EmptyState
        icon={<IconMessageOff />}
        title="Conversation not found"
        description="It may have been merged or the link is mistyped."
      />
    );
  }
  if (code === 'FORBIDDEN') {
    return (
      <EmptyState
        icon={<IconLock />}
        title="You can't open this conversation"
        description={describeError(error)}
      />
    );
  }
  return <ErrorState message={describeError(error)} onRetry={onRetry} />;
}

/** A read-only view of one conversation: its timeline, the contact and the booking behind it. */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  const trpc = useTRPC();
  const detail = useQuery(trpc.conversations.byId.queryOptions({ conversationId }));

  if (detail.isPending) {
    return (
      <Stack gap="md">
        <BackToInbox />
        <Group justify="center" py="xl">
          <Loader aria-label="Loading conversation" />
        </Group>
      </Stack>
    );
  }
  if (detail.isError) {
    return (
      <Stack gap="md">
        <BackToInbox />
        <ConversationFailure error={detail.error} onRetry={() => void detail.refetch()} />
      </Stack>
    );
  }

  const { conversation, contact, booking, tags } = detail.data;
  const timeline = buildTimeline(detail.data);
  return (
    <Stack gap="md">
      <BackToInbox />
      <ConversationHeader conversation={conversation} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper p="md">
            {timeline.length > 0 ? (
              <ConversationTimeline entries={timeline} contactName={contact?.name ?? 'Contact'} />
            ) : (
              <Text c="dimmed">No messages yet.</Text>
            )}
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="md">
            {contact ? <ContactCard contact={contact} language={conversation.language} /> : null}
            {booking ? <BookingCard booking={booking} /> : null}
            <ClassificationCard conversation={conversation} tags={tags} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
