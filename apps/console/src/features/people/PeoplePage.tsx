import { Badge, Group, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { ROLE_LABELS, ROLES, roleSchema } from '@switchboard/domain';
import { ListPagination, ListQueryState } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconUsers } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { SearchInput } from '../../lib/SearchInput.tsx';
import { useListParams } from '../../lib/use-list-params.ts';
import { AvailabilityBadge } from './AvailabilityBadge.tsx';
import { RoleBadge } from './RoleBadge.tsx';

const PAGE_SIZE = 25;
const PARAMS = ['search', 'role'] as const;
const ROLE_OPTIONS = ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

export function PeoplePage() {
  const trpc = useTRPC();
  const { values, page, update } = useListParams(PARAMS);
  const role = roleSchema.safeParse(values.role).data;
  const people = useQuery({
    ...trpc.people.list.queryOptions({
      search: values.search || undefined,
      role,
      limit: PAGE_SIZE,
      offset: (page - 1) * PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });

  return (
    <Stack gap="md">
      <div>
        <Title order={1} size="h2">
          People
        </Title>
        <Text c="dimmed" size="sm">
          Everyone on the support staff, their languages and how much they can take on.
        </Text>
      </div>
      <Group align="flex-end">
        <SearchInput
          label="Search"
          placeholder="Name or email"
          value={values.search ?? ''}
          onSearch={(search) => update({ search }, { replace: true })}
        />
        <Select
          label="Role"
          placeholder="All roles"
          data={ROLE_OPTIONS}
          value={role ?? null}
          clearable
          onChange={(value) => update({ role: value ?? undefined })}
          w={180}
        />
      </Group>
      <Paper p={0} style={{ overflow: 'hidden' }}>
        <ListQueryState
          query={people}
          loadingLabel="Loading people"
          empty={{
            icon: <IconUsers />,
            title: 'No one matches',
            description: 'Try another search or role.',
          }}
        >
          {(items) => (
            <Table.ScrollContainer minWidth={900}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Email</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Tier</Table.Th>
                    <Table.Th>Languages</Table.Th>
                    <Table.Th ta="right">Capacity</Table.Th>
                    <Table.Th>Availability</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((person) => (
                    <Table.Tr key={person.id}>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Text size="sm" fw={500}>
                            {person.name}
                          </Text>
                          {person.active ? null : (
                            <Badge size="xs" color="gray" variant="outline">
                              Deactivated
                            </Badge>
                          )}
                        </Group>
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{person.email}</Text>
                      </Table.Td>
                      <Table.Td>
                        <RoleBadge role={person.role} size="sm" />
                      </Table.Td>
                      <Table.Td>
                        <Text size="sm">{person.agentTier ?? '—'}</Text>
                      </Table.Td>
                      <Table.Td>
                        <Group gap={4}>
                          {person.languages.map((language) => (
                            <Badge key={language} size="xs" variant="default">
                              {language}
                            </Badge>
                          ))}
                        </Group>
                      </Table.Td>
                      <Table.Td ta="right">
                        <Text size="sm">{person.capacity}</Text>
                      </Table.Td>
                      <Table.Td>
                        <AvailabilityBadge availability={person.availability} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
        </ListQueryState>
      </Paper>
      {people.data ? (
        <ListPagination
          page={page}
          pageSize={PAGE_SIZE}
          total={people.data.total}
          onChange={(next) => update({ page: next })}
        />
      ) : null}
    </Stack>
  );
}
