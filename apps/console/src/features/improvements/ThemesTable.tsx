import { Button, Group, Stack, Table, Text } from '@mantine/core';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { IconPlus } from '@tabler/icons-react';
import { ImprovementStatusBadge, TrendBadge } from './ImprovementBadges.tsx';
import { rootCauseLabel } from './root-cause-options.ts';

export type Theme = RouterOutputs['improvements']['themes']['themes'][number];

export interface ThemesTableProps {
  themes: Theme[];
  /** Null: the viewer only reads (trainers). */
  onAddImprovement: ((theme: Theme) => void) | null;
}

function changeText(changePercent: number | null): string {
  if (changePercent === null) return '—';
  return `${changePercent > 0 ? '+' : ''}${changePercent}%`;
}

/** Themes by volume this period, with their trend and the fixes already under way. */
export function ThemesTable({ themes, onAddImprovement }: ThemesTableProps) {
  return (
    <Table.ScrollContainer minWidth={1000}>
      <Table highlightOnHover aria-label="Recurring themes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Rank</Table.Th>
            <Table.Th>Request type</Table.Th>
            <Table.Th>Root cause</Table.Th>
            <Table.Th ta="right">This period</Table.Th>
            <Table.Th ta="right">Previous</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>Improvement items</Table.Th>
            {onAddImprovement ? <Table.Th /> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {themes.map((theme) => (
            <Table.Tr key={`${theme.requestTypeCode}:${theme.rootCauseCode ?? ''}`}>
              <Table.Td>
                <Text fw={700}>{theme.rank}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{theme.requestTypeName}</Text>
                <Text size="xs" c="dimmed">
                  {theme.requestTypeCode}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" c={theme.rootCauseCode ? undefined : 'dimmed'}>
                  {rootCauseLabel(theme.rootCauseCode)}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{theme.current}</Table.Td>
              <Table.Td ta="right">{theme.previous}</Table.Td>
              <Table.Td>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{changeText(theme.changePercent)}</Text>
                  <TrendBadge trend={theme.trend} />
                </Group>
              </Table.Td>
              <Table.Td maw={280}>
                {theme.improvements.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    None yet
                  </Text>
                ) : (
                  <Stack gap={4}>
                    {theme.improvements.map((item) => (
                      <Group key={item.id} gap={6} wrap="nowrap">
                        <ImprovementStatusBadge status={item.status} />
                        <Text size="sm" lineClamp={1}>
                          {item.title}
                        </Text>
                      </Group>
                    ))}
                  </Stack>
                )}
              </Table.Td>
              {onAddImprovement ? (
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="light"
                    leftSection={<IconPlus size={14} />}
                    aria-label={`Add improvement for theme ${theme.rank}`}
                    onClick={() => onAddImprovement(theme)}
                  >
                    Add improvement
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
