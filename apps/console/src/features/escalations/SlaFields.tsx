import { NumberInput, Table, Text } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { durationText, SEVERITIES, SEVERITY_LABELS, type Severity } from '@switchboard/domain';
import type { MatrixFormValues, TargetValues } from './matrix-form.ts';

type MatrixForm = UseFormReturnType<MatrixFormValues>;
type Clock = keyof TargetValues;

const CLOCK_LABELS: Record<Clock, string> = {
  acknowledgeMinutes: 'acknowledge',
  resolveMinutes: 'resolve',
};

/** "4 h" under the minutes typed, so 240 visibly means four hours; nothing while invalid. */
function reads(value: number | string): string {
  return typeof value === 'number' && Number.isInteger(value) && value > 0
    ? durationText(value)
    : '';
}

function MinutesInput({
  form,
  severity,
  clock,
  disabled,
}: {
  form: MatrixForm;
  severity: Severity;
  clock: Clock;
  disabled: boolean;
}) {
  const path = `sla.${severity}.${clock}`;
  const props = form.getInputProps(path);
  return (
    <NumberInput
      aria-label={`${severity.toUpperCase()} ${CLOCK_LABELS[clock]} minutes`}
      size="xs"
      allowDecimal={false}
      allowNegative={false}
      description={reads(form.getValues().sla[severity][clock])}
      disabled={disabled}
      {...props}
    />
  );
}

/**
 * Acknowledge and resolve targets per severity, in business minutes of the team's calendar.
 */
export function SlaFields({ form, disabled }: { form: MatrixForm; disabled: boolean }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} aria-label="SLA per severity">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Severity</Table.Th>
          <Table.Th>Acknowledge within (minutes)</Table.Th>
          <Table.Th>Resolve within (minutes)</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {SEVERITIES.map((severity) => (
          <Table.Tr key={severity}>
            <Table.Td>
              <Text size="sm" fw={500}>
                {SEVERITY_LABELS[severity]}
              </Text>
            </Table.Td>
            <Table.Td>
              <MinutesInput
                form={form}
                severity={severity}
                clock="acknowledgeMinutes"
                disabled={disabled}
              />
            </Table.Td>
            <Table.Td>
              <MinutesInput
                form={form}
                severity={severity}
                clock="resolveMinutes"
                disabled={disabled}
              />
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
