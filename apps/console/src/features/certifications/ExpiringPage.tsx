import {
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  Table,
  Text,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import { describeExpiry } from '@switchboard/domain';
import {
  CertificationStateBadge,
  downloadFile,
  ListPagination,
  ListQueryState,
} from '@switchboard/ui';
import { useTRPC, useTRPCClient } from '@switchboard/ui/trpc';
import { IconBellCheck, IconDownload, IconHourglassLow } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAllPages, useCsvExport } from '../../lib/csv-export.ts';
import { useListParams } from '../../lib/use-list-params.ts';
import { useTeamOptions } from '../teams/use-team-options.ts';
import { CertificationTabs } from './CertificationTabs.tsx';
import { expiringCsv } from './certification-csv.ts';
import { formatDay } from './certification-format.ts';
import { GrantModal, type GrantTarget } from './GrantModal.tsx';

const PAGE_SIZE = 50;
const PARAMS = ['days', 'expired', 'team', 'certification'] as const;
const WINDOWS = ['7', '30', '60', '90'];
const DEFAULT_WINDOW = '30';

/** Grants running out in the next days (and, if asked, just run out), to renew in time. */
export function ExpiringPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { values, page, update } = useListParams(PARAMS);
  const teams = useTeamOptions();
  const catalog = useQuery(trpc.certifications.list.queryOptions({}));
  const [renewing, setRenewing] = useState<GrantTarget | null>(null);
  const { exporting, run } = useCsvExport();
  const windowDays = WINDOWS.includes(values.days ?? '') ? values.days! : DEFAULT_WINDOW;
  const filters = {
    withinDays: Number(windowDays),
    includeExpired: values.expired === 'yes',
    teamId: values.team || undefined,
    certificationId: values.certification || undefined,
  };
  const expiring = useQuery({
    ...trpc.certifications.expiring.queryOptions({
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const now = new Date();

  const exportCsv = () =>
    run(async () => {
      const rows = await fetchAllPages((range) =>
        client.certifications.expiring.query({ ...filters, ...range }),
      );
      downloadFile(`certifications-expiring-${windowDays}d.csv`, expiringCsv(rows), 'text/csv');
    });

  return (
    <Stack gap="md">
      <CertificationTabs
        actions={
          <Button
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            disabled={!expiring.data || expiring.data.total === 0}
            onClick={() => void exportCsv()}
          >
            Export CSV
          </Button>
        }
      />
      <Group align="flex-end">
        <Stack gap={4}>
          <Text size="sm" fw={500} id="expiring-window-label">
            Expiring in the next
          </Text>
          <SegmentedControl
            aria-labelledby="expiring-window-label"
            data={WINDOWS.map((days) => ({ value: days, label: `${days} days` }))}
            value={windowDays}
            onChange={(days) => update({ days: days === DEFAULT_WINDOW ? undefined : days })}
          />
        </Stack>
        <Select
          label="Certification"
          placeholder="Any certification"
          data={(catalog.data ?? []).map((row) => ({ value: row.id, label: row.name }))}
          value={values.certification ?? null}
          clearable
          searchable
          onChange={(certification) => update({ certification: certification ?? undefined })}
          w={220}
        />
        <Select
          label="Team"
          placeholder="Any team"
          data={teams.data}
          value={values.team ?? null}
          clearable
          searchable
          onChange={(team) => update({ team: team ?? undefined })}
          w={220}
        />
        <Switch
          label="Include the recently expired"
          checked={filters.includeExpired}
          onChange={(event) => update({ expired: event.currentTarget.checked ? 'yes' : undefined })}
          mb={8}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={expiring}
          loadingLabel="Loading expiring certifications"
          empty={{
            icon: <IconHourglassLow />,
            title: `Nothing expires in the next ${windowDays} days`,
            description: 'Renewals are up to date for this view.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={860}>
              <Table aria-label="Expiring certifications">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Certification</Table.Th>
                    <Table.Th>Expires</Table.Th>
                    <Table.Th>State</Table.Th>
                    <Table.Th>Reminder</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>Actions</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((row) => (
                    <Table.Tr key={`${row.userId}:${row.certificationId}`}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {row.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.certificationName}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{row.expiresAt ? formatDay(row.expiresAt) : '—'}</Text>
                        <Text size="xs" c="dimmed">
                          {describeExpiry(row, now)}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <CertificationStateBadge state={row.state} />
                      </Table.Td>
                      <Table.Td>
                        {row.reminded ? (
                          <Tooltip label="The holder and their trainers were reminded">
                            <Badge
                              variant="light"
                              color="gray"
                              leftSection={<IconBellCheck size={12} />}
                            >
                              Sent
                            </Badge>
                          </Tooltip>
                        ) : (
                          <Text size="sm" c="dimmed">
                            Not yet
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Button
                          size="xs"
                          variant="light"
                          aria-label={`Renew ${row.certificationName} for ${row.name}`}
                          onClick={() =>
                            setRenewing({
                              certificationId: row.certificationId,
                              people: [{ id: row.userId, name: row.name }],
                              renewing: true,
                            })
                          }
                        >
                          Renew
                        </Button>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {expiring.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={expiring.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <GrantModal target={renewing} onClose={() => setRenewing(null)} />
    </Stack>
  );
}
