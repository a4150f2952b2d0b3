import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { AUDIENCES, audienceSchema } from '@switchboard/domain';
import {
  AUDIENCE_LABELS,
  AudienceBadge,
  formatDateTime,
  ListPagination,
  ListQueryState,
} from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconListCheck } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';

const PAGE_SIZE = 50;
const PARAMS = ['search', 'audience'] as const;

/** Every request type and the state of its SOP playbook. */
export function SopListPage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const audience = audienceSchema.safeParse(values.audience).data;
  const sops = useQuery({
    ...trpc.playbooks.listSops.queryOptions({
      search: values.search || undefined,
      audience,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          Playbooks (SOPs)
        </Title>
        <Text c="dimmed" size="sm">
          The steps agents follow for each request type. Required steps must be done or skipped with
          a reason before a conversation can be resolved.
        </Text>
      </div>
      <Group align="flex-end">
        <SearchInput
          label="Search"
          placeholder="Request type"
          value={values.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <Select
          label="Audience"
          placeholder="Guests and drivers"
          data={AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }))}
          value={audience ?? null}
          clearable
          onChange={(value) => update({ audience: value ?? undefined })}
          w={200}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={sops}
          loadingLabel="Loading playbooks"
          empty={{
            icon: <IconListCheck />,
            title: 'No request types match',
            description: 'Try another search or audience.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={800}>
              <Table highlightOnHover>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Request type</Table.Th>
                    <Table.Th>Audience</Table.Th>
                    <Table.Th>Published</Table.Th>
                    <Table.Th>Steps</Table.Th>
                    <Table.Th>Draft</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((row) => (
                    <Table.Tr key={row.requestTypeCode}>
                      <Table.Td>
                        <Text
                          component={Link}
                          to={`/playbooks/${row.requestTypeCode}`}
                          size="sm"
                          fw={500}
                          c="blue"
                        >
                          {row.requestTypeName}
                        </Text>
                        <Text size="xs" c="dimmed">
                          {row.categoryName} · {row.requestTypeCode}
                        </Text>
                      </Table.Td>
                      <Table.Td>
                        <AudienceBadge audience={row.audience} />
                      </Table.Td>
                      <Table.Td>
                        {row.publishedVersion ? (
                          <>
                            <Text size="sm">
                              v{row.publishedVersion} · {row.publishedTitle}
                            </Text>
                            {row.publishedAt ? (
                              <Text size="xs" c="dimmed">
                                {formatDateTime(row.publishedAt)}
                              </Text>
                            ) : null}
                          </>
                        ) : (
                          <Badge color="gray" variant="light">
                            No playbook
                          </Badge>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.stepCount !== null ? (
                          <Text size="sm">
                            {row.stepCount} steps, {row.requiredCount} required
                          </Text>
                        ) : (
                          <Text size="sm" c="dimmed">
                            —
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        {row.draftVersion ? (
                          <Badge color="yellow" variant="light">
                            Draft v{row.draftVersion}
                          </Badge>
                        ) : null}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {sops.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={sops.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
