import { Anchor, Grid, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { describeError, EmptyState, ErrorState, trpcErrorCode } from '@switchboard/ui';
import { buildTimeline, ConversationTimeline } from '@switchboard/ui/conversations';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconArrowLeft, IconLock, IconMessageOff } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { EscalationsPanel, type HandoffPrefill } from '../escalations/index.ts';
import { ActionsPanel } from '../guardrails/index.ts';
import { loadListOrder, neighbourOf } from '../inbox/list-order.ts';
import { IncidentBanner, IncidentMenu } from '../incidents/index.ts';
import { MacroPicker, SopPanel } from '../playbooks/index.ts';
import { BookingCard } from './BookingCard.tsx';
import { ClassificationCard } from './ClassificationCard.tsx';
import { Composer } from './Composer.tsx';
import { ContactCard } from './ContactCard.tsx';
import { ConversationActions } from './ConversationActions.tsx';
import { ConversationHeader } from './ConversationHeader.tsx';
import { CsatCard } from './CsatCard.tsx';
import type { ComposerMode } from './drafts.ts';
import { PastConversations } from './PastConversations.tsx';
import { PendingSends } from './PendingSends.tsx';
import { useConversationRefresh } from './use-conversation-mutation.ts';
import { usePendingSends } from './use-pending-sends.ts';
import { usePresence } from './use-presence.ts';
import { WhyHereCard } from './WhyHereCard.tsx';

function BackToInbox() {
  const search = loadListOrder()?.search;
  return (
    <Anchor component={Link} to={search ? `/inbox?${search}` : '/inbox'} size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} />
        Back to the inbox
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

/** One conversation: timeline and composer, actions, playbook, contact, booking. */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  return <ConversationScreen key={conversationId} conversationId={conversationId} />;
}

function ConversationScreen({ conversationId }: { conversationId: string }) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const detail = useQuery(trpc.conversations.byId.queryOptions({ conversationId }));
  const { refresh } = useConversationRefresh(conversationId);
  const { pending, send, retry, discard } = usePendingSends(conversationId, refresh);
  const { colleagues, typing } = usePresence(conversationId);
  const [mode, setMode] = useState<ComposerMode>('reply');
  const [macrosOpen, setMacrosOpen] = useState(false);
  const [escalationRequest, setEscalationRequest] = useState<HandoffPrefill | null>(null);
  const composerRef = useRef<HTMLTextAreaElement>(null);
  const resolveRef = useRef<() => void>(() => {});

  const focusComposer = (next: ComposerMode) => {
    setMode(next);
    setTimeout(() => composerRef.current?.focus(), 0);
  };
  const goTo = (step: 1 | -1) => {
    const next = neighbourOf(loadListOrder(), conversationId, step);
    if (next) void navigate(`/conversations/${next}`);
  };
  useHotkeys([
    ['j', () => goTo(1)],
    ['k', () => goTo(-1)],
    ['r', () => focusComposer('reply')],
    ['n', () => focusComposer('note')],
    ['m', () => setMacrosOpen(true)],
    ['e', () => resolveRef.current()],
  ]);
  const setResolve = useCallback((resolve: () => void) => {
    resolveRef.current = resolve;
  }, []);

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

  const { conversation, contact, booking, tags, pastConversations } = detail.data;
  const timeline = buildTimeline(detail.data);
  const closed = conversation.status === 'closed';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <BackToInbox />
        <Text size="xs" c="dimmed">
          j / k next and previous conversation
        </Text>
      </Group>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="md">
        <ConversationHeader conversation={conversation} colleagues={colleagues} />
        <Group gap="xs" align="flex-start">
          <ConversationActions conversation={conversation} onResolveRef={setResolve} />
          {closed ? null : (
            <IncidentMenu
              conversationId={conversationId}
              cityCode={conversation.cityCode ?? null}
            />
          )}
        </Group>
      </Group>
      <IncidentBanner conversationId={conversationId} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <Paper p="md">
              {timeline.length > 0 ? (
                <ConversationTimeline entries={timeline} contactName={contact?.name ?? 'Contact'} />
              ) : (
                <Text c="dimmed">No messages yet.</Text>
              )}
              <PendingSends sends={pending} onRetry={retry} onDiscard={discard} />
            </Paper>
            <Composer
              conversationId={conversationId}
              mode={mode}
              onModeChange={setMode}
              textareaRef={composerRef}
              disabled={closed}
              disabledReason="This conversation is closed; a new message from the customer starts a new one."
              onSend={(kind, body) => void send(kind, body)}
              onTyping={typing}
              onOpenMacros={() => setMacrosOpen(true)}
            />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <SopPanel conversationId={conversationId} />
            <CsatCard conversation={conversation} />
            {contact ? <ContactCard contact={contact} language={conversation.language} /> : null}
            {booking ? <BookingCard booking={booking} /> : null}
            {booking ? (
              <ActionsPanel
                conversation={conversation}
                booking={booking}
                onEscalate={setEscalationRequest}
              />
            ) : null}
            <EscalationsPanel
              conversationId={conversationId}
              booking={booking}
              readOnly={closed}
              request={escalationRequest}
              onRequestHandled={() => setEscalationRequest(null)}
            />
            <ClassificationCard conversation={conversation} tags={tags} readOnly={closed} />
            <WhyHereCard conversation={conversation} />
            <PastConversations items={pastConversations} />
          </Stack>
        </Grid.Col>
      </Grid>
      <MacroPicker
        conversationId={conversationId}
        opened={macrosOpen && !closed}
        onClose={() => setMacrosOpen(false)}
        onApplied={() => {
          setMacrosOpen(false);
          void refresh();
        }}
      />
    </Stack>
  );
}
