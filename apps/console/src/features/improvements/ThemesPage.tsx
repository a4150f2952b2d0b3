import { Group, Paper, SegmentedControl, Select, Stack, Text, Title } from '@mantine/core';
import { AUDIENCES, type Audience, audienceSchema } from '@switchboard/domain';
import {
  AUDIENCE_LABELS,
  describeError,
  EmptyState,
  ErrorState,
  TableSkeleton,
} from '@switchboard/ui';
import { useViewer } from '@switchboard/ui/auth';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconChartBar } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useListParams } from '../../lib/use-list-params.ts';
import { AddImprovementModal, type ImprovementTheme } from './AddImprovementModal.tsx';
import { ImprovementItems } from './ImprovementItems.tsx';
import { PERIOD_OPTIONS, periodOf, statusFilterOf } from './improvement-options.ts';
import { ThemesTable } from './ThemesTable.tsx';

const PARAMS = ['days', 'audience', 'status'] as const;
const THEME_LIMIT = 50;
const AUDIENCE_OPTIONS = [
  { value: 'all', label: 'Everyone' },
  ...AUDIENCES.map((audience) => ({ value: audience, label: `${AUDIENCE_LABELS[audience]}s` })),
];

/**
 * Recurring themes: the request types and root causes that keep bringing people back, against
 * the period before, and the improvement items meant to make them go away.
 */
export function ThemesPage() {
  const trpc = useTRPC();
  const viewer = useViewer();
  const mayEdit = viewer.access.lead;
  const { values, page, update } = useListParams(PARAMS);
  const days = periodOf(values.days);
  const audience: Audience | undefined = audienceSchema.safeParse(values.audience).data;
  const status = statusFilterOf(values.status);
  const [adding, setAdding] = useState<ImprovementTheme | null>(null);
  const themes = useQuery({
    ...trpc.improvements.themes.queryOptions({ days, audience, limit: THEME_LIMIT }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Recurring themes
        </Title>
        <Text c="dimmed" size="sm">
          Resolved conversations by request type and root cause, this period against the one before.
          Rising themes are worth an improvement item: a fix to the process, a policy, the tooling
          or the product.
        </Text>
      </div>
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="themes-period-label">
            Period
          </Text>
          <SegmentedControl
            aria-labelledby="themes-period-label"
            data={PERIOD_OPTIONS}
            value={String(days)}
            onChange={(value) => update({ days: value === '28' ? undefined : value })}
          />
        </Stack>
        <Select
          label="Audience"
          w={180}
          data={AUDIENCE_OPTIONS}
          allowDeselect={false}
          value={audience ?? 'all'}
          onChange={(value) =>
            update({ audience: value === 'all' ? undefined : (value ?? undefined) })
          }
        />
        {themes.data ? (
          <Text size="sm" c="dimmed" ml="auto">
            {`${themes.data.totals.current} conversations in the last ${days} days; ${themes.data.totals.previous} the ${days} days before`}
          </Text>
        ) : null}
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {themes.isPending ? (
          <TableSkeleton label="Loading themes" />
        ) : themes.isError ? (
          <ErrorState message={describeError(themes.error)} onRetry={() => void themes.refetch()} />
        ) : themes.data.themes.length === 0 ? (
          <EmptyState
            icon={<IconChartBar />}
            title="No themes in this period"
            description="Themes come from conversations resolved with a request type."
          />
        ) : (
          <ThemesTable
            themes={themes.data.themes}
            onAddImprovement={
              mayEdit
                ? (theme) =>
                    setAdding({
                      requestTypeCode: theme.requestTypeCode,
                      requestTypeName: theme.requestTypeName,
                      rootCauseCode: theme.rootCauseCode,
                    })
                : null
            }
          />
        )}
      </Paper>
      <ImprovementItems
        status={status}
        page={page}
        mayEdit={mayEdit}
        onStatusChange={(next) => update({ status: next === 'active' ? undefined : next })}
        onPageChange={(next) => update({ page: next })}
      />
      <AddImprovementModal theme={adding} onClose={() => setAdding(null)} />
    </Stack>
  );
}
