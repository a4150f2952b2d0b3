import { Checkbox, Group, NativeSelect, NumberInput, Stack, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  durationText,
  PRIORITIES,
  PRIORITY_LABELS,
  type Priority,
  SLA_TARGET_KINDS,
  SLA_TARGET_LABELS,
  type SlaTargetKind,
} from '@switchboard/domain';
import { PriorityBadge } from '@switchboard/ui';
import {
  DURATION_UNITS,
  type DurationUnit,
  minutesOf,
  type PolicyFormValues,
  UNIT_LABELS,
} from './policy-form.ts';

type PolicyForm = UseFormReturnType<PolicyFormValues>;

const UNIT_OPTIONS = DURATION_UNITS.map((unit) => ({ value: unit, label: UNIT_LABELS[unit] }));

/** One target: an amount in a unit (what it comes to underneath), and its clock. */
function TargetField({
  form,
  priority,
  kind,
  disabled,
}: {
  form: PolicyForm;
  priority: Priority;
  kind: SlaTargetKind;
  disabled: boolean;
}) {
  const path = `targets.${priority}.${kind}`;
  const target = form.getValues().targets[priority][kind];
  const label = `${priority} ${SLA_TARGET_LABELS[kind].toLowerCase()}`;
  const minutes = minutesOf(target);
  const reads =
    Number.isInteger(minutes) && minutes > 0 && target.unit !== 'min'
      ? `= ${minutes.toLocaleString('en')} min`
      : Number.isInteger(minutes) && minutes >= 60
        ? `= ${durationText(minutes)}`
        : undefined;
  return (
    <Stack gap={4}>
      <Group gap={4} wrap="nowrap" align="flex-start">
        <NumberInput
          aria-label={label}
          size="xs"
          w={90}
          min={0}
          allowNegative={false}
          decimalScale={2}
          description={reads}
          disabled={disabled}
          {...form.getInputProps(`${path}.amount`)}
        />
        <NativeSelect
          aria-label={`${label} unit`}
          size="xs"
          w={80}
          data={UNIT_OPTIONS}
          disabled={disabled}
          value={target.unit}
          onChange={(event) =>
            form.setFieldValue(`${path}.unit`, event.currentTarget.value as DurationUnit)
          }
        />
      </Group>
      <Checkbox
        size="xs"
        label="Business hours"
        aria-label={`${label} in business hours`}
        disabled={disabled}
        {...form.getInputProps(`${path}.businessHours`, { type: 'checkbox' })}
      />
    </Stack>
  );
}

/**
 * The grid of targets: priorities down, the three clocks across. Each target is minutes,
 * hours or days, counted in the calendar's business hours or around the clock.
 */
export function TargetFields({ form, disabled }: { form: PolicyForm; disabled: boolean }) {
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table withRowBorders={false} verticalSpacing="xs" aria-label="Targets per priority">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Priority</Table.Th>
            {SLA_TARGET_KINDS.map((kind) => (
              <Table.Th key={kind}>{SLA_TARGET_LABELS[kind]} within</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {PRIORITIES.map((priority) => (
            <Table.Tr key={priority}>
              <Table.Td>
                <Stack gap={2}>
                  <PriorityBadge priority={priority} />
                  <Text size="xs" c="dimmed" maw={160}>
                    {PRIORITY_LABELS[priority].meaning}
                  </Text>
                </Stack>
              </Table.Td>
              {SLA_TARGET_KINDS.map((kind) => (
                <Table.Td key={kind}>
                  <TargetField form={form} priority={priority} kind={kind} disabled={disabled} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
