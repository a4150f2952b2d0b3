import { Badge, Group, Text } from '@mantine/core';
import { type MacroActions, PRIORITY_LABELS } from '@switchboard/domain';
import { STATUS_LABELS } from '../labels.ts';

export interface MacroActionsSummaryProps {
  actions: MacroActions;
  /** Tag names by code; codes are shown when a name is unknown. */
  tagNames?: ReadonlyMap<string, string>;
}

/** What applying a macro does besides replying: tags, priority, status. */
export function MacroActionsSummary({ actions, tagNames }: MacroActionsSummaryProps) {
  const { tags, priority, status } = actions;
  if (tags.length === 0 && !priority && !status) {
    return (
      <Text size="xs" c="dimmed">
        Reply only
      </Text>
    );
  }
  return (
    <Group gap={4}>
      {tags.map((code) => (
        <Badge key={code} size="xs" variant="light">
          + {tagNames?.get(code) ?? code}
        </Badge>
      ))}
      {priority ? (
        <Badge size="xs" variant="outline" color="orange">
          {priority} {PRIORITY_LABELS[priority].label}
        </Badge>
      ) : null}
      {status ? (
        <Badge size="xs" variant="outline" color={status === 'resolved' ? 'teal' : 'gray'}>
          → {STATUS_LABELS[status]}
        </Badge>
      ) : null}
    </Group>
  );
}
