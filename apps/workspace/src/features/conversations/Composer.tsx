import { Button, Group, Kbd, Paper, SegmentedControl, Stack, Text, Textarea } from '@mantine/core';
import { MAX_MESSAGE_LENGTH } from '@switchboard/domain';
import { IconSend, IconTemplate } from '@tabler/icons-react';
import { type RefObject, useEffect, useState } from 'react';
import { type ComposerMode, loadDraft, saveDraft } from './drafts.ts';

export interface ComposerProps {
  conversationId: string;
  mode: ComposerMode;
  onModeChange: (mode: ComposerMode) => void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
  disabled: boolean;
  disabledReason?: string;
  onSend: (mode: ComposerMode, body: string) => void;
  onTyping: () => void;
  onOpenMacros: () => void;
}

/** Public reply or internal note; the draft of each is kept until it is sent. */
export function Composer({
  conversationId,
  mode,
  onModeChange,
  textareaRef,
  disabled,
  disabledReason,
  onSend,
  onTyping,
  onOpenMacros,
}: ComposerProps) {
  const [text, setText] = useState(() => loadDraft(conversationId, mode));
  useEffect(() => setText(loadDraft(conversationId, mode)), [conversationId, mode]);
  const tooLong = text.length > MAX_MESSAGE_LENGTH;
  const submit = () => {
    const body = text.trim();
    if (!body || tooLong || disabled) return;
    onSend(mode, body);
    setText('');
    saveDraft(conversationId, mode, '');
  };
  const isNote = mode === 'note';
  return (
    <Paper
      p="sm"
      withBorder
      style={isNote ? { borderColor: 'var(--mantine-color-yellow-outline)' } : undefined}
    >
      <Stack gap="xs">
        <Group justify="space-between">
          <SegmentedControl
            size="xs"
            value={mode}
            onChange={(value) => onModeChange(value as ComposerMode)}
            data={[
              { value: 'reply', label: 'Reply' },
              { value: 'note', label: 'Internal note' },
            ]}
          />
          <Text size="xs" c="dimmed">
            <Kbd>r</Kbd> reply · <Kbd>n</Kbd> note · <Kbd>m</Kbd> macro · <Kbd>e</Kbd> resolve ·{' '}
            <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd> send
          </Text>
        </Group>
        <Textarea
          ref={textareaRef}
          aria-label={isNote ? 'Internal note' : 'Reply'}
          placeholder={
            disabled
              ? disabledReason
              : isNote
                ? 'Only your team sees notes. Mention a colleague with @name.'
                : 'Write your reply to the customer…'
          }
          autosize
          minRows={3}
          maxRows={12}
          disabled={disabled}
          value={text}
          error={tooLong ? `At most ${MAX_MESSAGE_LENGTH.toLocaleString()} characters` : undefined}
          styles={
            isNote ? { input: { background: 'var(--mantine-color-yellow-light)' } } : undefined
          }
          onChange={(event) => {
            setText(event.currentTarget.value);
            saveDraft(conversationId, mode, event.currentTarget.value);
            onTyping();
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              submit();
            }
          }}
        />
        <Group justify="space-between">
          <Button
            variant="default"
            size="xs"
            leftSection={<IconTemplate size={14} />}
            onClick={onOpenMacros}
            disabled={disabled}
          >
            Macros
          </Button>
          <Button
            size="xs"
            color={isNote ? 'yellow' : undefined}
            leftSection={<IconSend size={14} />}
            onClick={submit}
            disabled={disabled || !text.trim() || tooLong}
          >
            {isNote ? 'Add note' : 'Send reply'}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
