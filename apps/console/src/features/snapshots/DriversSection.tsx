import { Badge, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import {
  type Audience,
  type DriverTrend,
  driverChange,
  type SnapshotContent,
  type SnapshotDriver,
} from '@switchboard/domain';
import { SnapshotSection } from './SnapshotSection.tsx';

const AUDIENCE_TITLES: Record<Audience, string> = { guest: 'Guests', driver: 'Drivers' };

// More contacts about a thing is the bad direction.
const TREND_COLORS: Record<DriverTrend, string | undefined> = {
  new: 'orange',
  up: 'red',
  down: 'teal',
  same: undefined,
  none: 'dimmed',
};

function Change({ driver }: { driver: SnapshotDriver }) {
  const { label, trend } = driverChange(driver);
  if (trend === 'new') {
    return (
      <Badge size="sm" variant="light" color="orange">
        new
      </Badge>
    );
  }
  return (
    <Text size="sm" c={TREND_COLORS[trend]} component="span">
      {label}
    </Text>
  );
}

interface DriverTableProps {
  label: string;
  nameHeader: string;
  countHeader: string;
  rows: SnapshotDriver[];
  empty: string;
  periodNoun: string;
}

function DriverTable({
  label,
  nameHeader,
  countHeader,
  rows,
  empty,
  periodNoun,
}: DriverTableProps) {
  return (
    <Stack gap={4}>
      <Title order={4} size="h6">
        {label}
      </Title>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          {empty}
        </Text>
      ) : (
        <Table aria-label={label}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{nameHeader}</Table.Th>
              <Table.Th ta="right">{countHeader}</Table.Th>
              <Table.Th ta="right">
                {periodNoun === 'week' ? 'Week before' : 'Month before'}
              </Table.Th>
              <Table.Th ta="right">Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((driver) => (
              <Table.Tr key={driver.code}>
                <Table.Td>{driver.name}</Table.Td>
                <Table.Td ta="right">{driver.count}</Table.Td>
                <Table.Td ta="right" c="dimmed">
                  {driver.previous}
                </Table.Td>
                <Table.Td ta="right">
                  <Change driver={driver} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

export interface DriversSectionProps {
  drivers: SnapshotContent['drivers'];
  periodNoun: string;
}

/** What people wrote in about (request types) and what was behind it (root causes), per audience. */
export function DriversSection({ drivers, periodNoun }: DriversSectionProps) {
  return (
    <SnapshotSection
      title="Top request types and root causes"
      description={`Request types by conversations created; root causes by conversations resolved. Change is against the ${periodNoun} before.`}
    >
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {(['guest', 'driver'] as const).map((audience) => (
          <Stack key={audience} gap="md">
            <DriverTable
              label={`Top request types — ${AUDIENCE_TITLES[audience].toLowerCase()}`}
              nameHeader="Request type"
              countHeader="Conversations"
              rows={drivers.requestTypes[audience]}
              empty="No conversations."
              periodNoun={periodNoun}
            />
            <DriverTable
              label={`Top root causes — ${AUDIENCE_TITLES[audience].toLowerCase()}`}
              nameHeader="Root cause"
              countHeader="Resolved"
              rows={drivers.rootCauses[audience]}
              empty="No root cause recorded."
              periodNoun={periodNoun}
            />
          </Stack>
        ))}
      </SimpleGrid>
    </SnapshotSection>
  );
}
