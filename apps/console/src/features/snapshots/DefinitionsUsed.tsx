import { Badge, Group, Table, Text } from '@mantine/core';
import { definitionDrift, definitionsUsed, KPI_DEFINITIONS } from '@switchboard/domain';
import { SnapshotSection } from './SnapshotSection.tsx';

/** The KPI definitions, by version, that produced these figures; flags any changed since. */
export function DefinitionsUsed({ definitions }: { definitions: Record<string, number> }) {
  const used = definitionsUsed(definitions, KPI_DEFINITIONS);
  return (
    <SnapshotSection
      title="Definitions used"
      description="Each KPI was computed with the version of its definition shown here."
    >
      <Table.ScrollContainer minWidth={640}>
        <Table aria-label="Definitions used" verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>KPI</Table.Th>
              <Table.Th>Version</Table.Th>
              <Table.Th>Formula</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {used.map((definition) => {
              const drift = definitionDrift(definition);
              return (
                <Table.Tr key={definition.key}>
                  <Table.Th scope="row" fw={500} style={{ whiteSpace: 'nowrap' }}>
                    {definition.label}
                  </Table.Th>
                  <Table.Td>
                    <Group gap={6} wrap="nowrap">
                      <Text size="sm">v{definition.storedVersion}</Text>
                      {drift ? (
                        <Badge size="xs" color="yellow" variant="light">
                          changed since
                        </Badge>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {drift ? (
                      <>
                        <Text size="sm" c="yellow.8" fw={500}>
                          {drift.charAt(0).toUpperCase() + drift.slice(1)}.
                        </Text>
                        {definition.formula ? (
                          <Text size="xs" c="dimmed">
                            Today’s formula (v{definition.currentVersion}): {definition.formula}
                          </Text>
                        ) : null}
                      </>
                    ) : (
                      <Text size="sm">{definition.formula}</Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </SnapshotSection>
  );
}
