import { ActionIcon, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { holidayText } from '@switchboard/domain';
import { IconPlus, IconX } from '@tabler/icons-react';
import { type CalendarFormValues, newHoliday } from './calendar-form.ts';

type CalendarForm = UseFormReturnType<CalendarFormValues>;

/** "every 25 Dec" beside a yearly holiday with a valid date; nothing otherwise. */
function recursText(date: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  const [dayAndMonth] = holidayText({ date, name: '-', yearly: true }).split(' · ');
  return `every ${dayAndMonth}`;
}

/**
 * The days the calendar is closed: a yearly holiday falls on the same day every year, one
 * that moves (Easter) is added year by year.
 */
export function HolidayFields({ form, disabled }: { form: CalendarForm; disabled: boolean }) {
  const { holidays } = form.getValues();
  return (
    <Stack gap="xs">
      {holidays.length === 0 ? (
        <Text size="sm" c="dimmed">
          No holidays: open on every date the weekly hours say.
        </Text>
      ) : (
        <Table withRowBorders={false} verticalSpacing={4} aria-label="Holidays">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={170}>Date</Table.Th>
              <Table.Th>Name</Table.Th>
              <Table.Th w={170}>Every year</Table.Th>
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {holidays.map((holiday, index) => {
              const label = `Holiday ${index + 1}`;
              return (
                <Table.Tr key={holiday.key}>
                  <Table.Td>
                    <TextInput
                      type="date"
                      aria-label={`${label} date`}
                      size="xs"
                      disabled={disabled}
                      {...form.getInputProps(`holidays.${index}.date`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${label} name`}
                      placeholder="e.g. Christmas Day"
                      size="xs"
                      disabled={disabled}
                      {...form.getInputProps(`holidays.${index}.name`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${label} every year`}
                      label={holiday.yearly ? recursText(holiday.date) : 'this date only'}
                      size="xs"
                      disabled={disabled}
                      {...form.getInputProps(`holidays.${index}.yearly`, { type: 'checkbox' })}
                    />
                  </Table.Td>
                  <Table.Td>
                    {disabled ? null : (
                      <ActionIcon
                        variant="subtle"
                        color="gray"
                        aria-label={`Remove holiday ${index + 1}`}
                        onClick={() => form.removeListItem('holidays', index)}
                      >
                        <IconX size={14} />
                      </ActionIcon>
                    )}
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="space-between">
        <Text size="xs" c="dimmed">
          A yearly holiday falls on the same day every year (Christmas); for one that moves, like
          Easter, add each year’s date.
        </Text>
        {disabled ? null : (
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => form.insertListItem('holidays', newHoliday())}
          >
            Add holiday
          </Button>
        )}
      </Group>
    </Stack>
  );
}
