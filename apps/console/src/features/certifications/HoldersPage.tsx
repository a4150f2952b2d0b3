import { Badge, Button, Group, Paper, Select, Stack, Table, Text } from '@mantine/core';
import {
  CERTIFICATION_STATE_LABELS,
  HOLDER_FILTER_STATES,
  type HolderFilterState,
  ROLE_LABELS,
} from '@switchboard/domain';
import { downloadFile, ListPagination, ListQueryState } from '@switchboard/ui';
import { useTRPC, useTRPCClient } from '@switchboard/ui/trpc';
import { IconCertificate, IconDownload, IconPlus } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { fetchAllPages, useCsvExport } from '../../lib/csv-export.ts';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { useTeamOptions } from '../teams/use-team-options.ts';
import { CertificationTabs } from './CertificationTabs.tsx';
import { holdersCsv } from './certification-csv.ts';
import type { HolderColumn } from './certification-types.ts';
import { GrantModal, type GrantTarget } from './GrantModal.tsx';
import { HolderCell } from './HolderCell.tsx';
import { RevokeModal, type RevokeTarget } from './RevokeModal.tsx';

const PAGE_SIZE = 50;
const PARAMS = ['search', 'team', 'certification', 'state'] as const;
const STATE_OPTIONS = HOLDER_FILTER_STATES.map((state) => ({
  value: state,
  label: state === 'missing' ? 'Not held' : CERTIFICATION_STATE_LABELS[state],
}));

function stateOf(value: string | undefined): HolderFilterState | undefined {
  return (HOLDER_FILTER_STATES as readonly string[]).includes(value ?? '')
    ? (value as HolderFilterState)
    : undefined;
}

/** Who holds what: agents and leads against every active certification, with filters and CSV. */
export function HoldersPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const { values, page, update } = useListParams(PARAMS);
  const teams = useTeamOptions();
  const [granting, setGranting] = useState<GrantTarget | null>(null);
  const [revoking, setRevoking] = useState<RevokeTarget | null>(null);
  const { exporting, run } = useCsvExport();
  const certificationId = values.certification || undefined;
  const filters = {
    search: values.search || undefined,
    teamId: values.team || undefined,
    certificationId,
    // A state means something only for a chosen certification.
    state: certificationId ? stateOf(values.state) : undefined,
  };
  const holders = useQuery({
    ...trpc.certifications.holders.queryOptions({
      ...filters,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const columns: HolderColumn[] = holders.data?.certifications ?? [];

  const exportCsv = () =>
    run(async () => {
      let exportColumns = columns;
      const people = await fetchAllPages(async (range) => {
        const result = await client.certifications.holders.query({ ...filters, ...range });
        exportColumns = result.certifications;
        return result;
      });
      downloadFile('certification-holders.csv', holdersCsv(exportColumns, people), 'text/csv');
    });

  return (
    <Stack gap="md">
      <CertificationTabs
        actions={
          <Group>
            <Button
              variant="default"
              leftSection={<IconDownload size={16} />}
              loading={exporting}
              disabled={!holders.data || holders.data.total === 0}
              onClick={() => void exportCsv()}
            >
              Export CSV
            </Button>
            <Button
              leftSection={<IconPlus size={16} />}
              onClick={() =>
                setGranting({
                  certificationId: certificationId ?? null,
                  people: [],
                  renewing: false,
                })
              }
            >
              Grant certification
            </Button>
          </Group>
        }
      />
      <Group align="flex-end">
        <SearchInput
          label="Search"
          placeholder="Name or email"
          value={values.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
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
        <Select
          label="Certification"
          placeholder="Any certification"
          data={columns.map((column) => ({ value: column.id, label: column.name }))}
          value={certificationId ?? null}
          clearable
          searchable
          onChange={(certification) =>
            update({
              certification: certification ?? undefined,
              state: certification ? values.state : undefined,
            })
          }
          w={220}
        />
        <Select
          label="State"
          placeholder={certificationId ? 'Any state' : 'Choose a certification'}
          data={STATE_OPTIONS}
          value={filters.state ?? null}
          clearable
          disabled={!certificationId}
          onChange={(state) => update({ state: state ?? undefined })}
          w={180}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={holders}
          loadingLabel="Loading holders"
          empty={{
            icon: <IconCertificate />,
            title: 'Nobody matches',
            description: 'Try another search, team or state.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={300 + columns.length * 150}>
              <Table aria-label="Certification holders" highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Person</Table.Th>
                    <Table.Th>Tier</Table.Th>
                    {columns.map((column) => (
                      <Table.Th key={column.id}>
                        <Text size="sm" fw={600} lh={1.2}>
                          {column.name}
                        </Text>
                        {column.grantsTier ? (
                          <Text size="xs" c="dimmed">
                            gives {column.grantsTier}
                          </Text>
                        ) : null}
                      </Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {person.name}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {[
                            ROLE_LABELS[person.role],
                            ...person.teams.map((team) => team.name),
                          ].join(' · ')}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        {person.agentTier ? (
                          <Badge
                            variant="light"
                            color={person.agentTier === 'L1' ? 'gray' : 'violet'}
                          >
                            {person.agentTier}
                          </Badge>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      {columns.map((column) => {
                        const grant = person.grants.find(
                          (held) => held.certificationId === column.id,
                        );
                        return (
                          <Table.Td key={column.id}>
                            <HolderCell
                              person={person}
                              certification={column}
                              grant={grant}
                              onGrant={() =>
                                setGranting({
                                  certificationId: column.id,
                                  people: [{ id: person.id, name: person.name }],
                                  renewing: grant !== undefined,
                                })
                              }
                              onRevoke={() =>
                                setRevoking({
                                  certification: column,
                                  person: { id: person.id, name: person.name },
                                })
                              }
                            />
                          </Table.Td>
                        );
                      })}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {holders.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={holders.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
      <GrantModal target={granting} onClose={() => setGranting(null)} />
      <RevokeModal target={revoking} onClose={() => setRevoking(null)} />
    </Stack>
  );
}
