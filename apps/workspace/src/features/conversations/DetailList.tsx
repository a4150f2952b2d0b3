import { Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface DetailItem {
  label: string;
  value: ReactNode;
}

/** Label/value pairs for the side panel; empty values show a dash rather than disappear. */
export function DetailList({ items }: { items: DetailItem[] }) {
  return (
    <Stack gap={6} component="dl" m={0}>
      {items.map((item) => (
        <Group key={item.label} gap="xs" align="flex-start" wrap="nowrap">
          <Text component="dt" size="sm" c="dimmed" w={96} style={{ flexShrink: 0 }}>
            {item.label}
          </Text>
          <Text component="dd" size="sm" m={0} style={{ overflowWrap: 'anywhere' }}>
            {item.value ?? '—'}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
