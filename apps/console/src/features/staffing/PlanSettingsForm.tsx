import {
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormErrors, useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { CHANNELS, type Channel } from '@switchboard/domain';
import { CHANNEL_LABELS, formatDateTime } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconInfoCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useServerErrors } from '../../lib/use-server-errors.ts';
import {
  type PlanFormValues,
  planFormField,
  planFormValues,
  planInputOf,
  validatePlanForm,
} from './plan-form.ts';
import type { StaffingOverview } from './staffing-format.ts';

const SHOWN_FIELDS = [
  'serviceLevelTarget',
  'answerTargetSeconds',
  'shrinkage',
  'channelHandling',
  'hourlyRate',
  'hourlyRateMinor',
  'currency',
];

/**
 * The inbox's target, shrinkage, handling per channel and hourly cost. Saving recomputes the
 * week; the change is recorded in the change history.
 */
export function PlanSettingsForm({ overview }: { overview: StaffingOverview }) {
  const { inbox, plan } = overview;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<PlanFormValues>({
    mode: 'controlled',
    initialValues: planFormValues(plan.settings, inbox.channels),
    validate: validatePlanForm(inbox.id),
  });
  const save = useMutation(
    trpc.staffing.savePlan.mutationOptions({
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `Staffing plan for ${inbox.name} saved` });
        form.resetDirty();
        void queryClient.invalidateQueries({ queryKey: trpc.staffing.overview.pathKey() });
      },
    }),
  );
  const unplacedError = useServerErrors(save.error, SHOWN_FIELDS, (errors: FormErrors) =>
    form.setErrors(
      Object.fromEntries(
        Object.entries(errors).map(([path, message]) => [planFormField(path), message]),
      ),
    ),
  );
  const channels = CHANNELS.filter((channel) => channel in form.values.channelHandling);

  return (
    <Paper p="md">
      <form
        noValidate
        aria-label="Plan settings"
        onSubmit={form.onSubmit((values) => {
          const converted = planInputOf(inbox.id, values);
          if (converted.ok) save.mutate(converted.input);
        })}
      >
        <Stack gap="sm">
          <Group justify="space-between" align="flex-start">
            <Title order={2} size="h4">
              Plan settings
            </Title>
            <Text size="xs" c="dimmed">
              {plan.saved && plan.updatedAt
                ? `Saved ${formatDateTime(plan.updatedAt)}${plan.updatedByName ? ` by ${plan.updatedByName}` : ''}`
                : null}
            </Text>
          </Group>
          {plan.saved ? null : (
            <Alert color="blue" icon={<IconInfoCircle />} p="xs">
              No plan saved for this inbox yet: these are the defaults. Save to keep them.
            </Alert>
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <NumberInput
              label="Service level target"
              description="Share answered within the answer time"
              suffix=" %"
              min={0}
              decimalScale={1}
              withAsterisk
              {...form.getInputProps('serviceLevelTarget')}
            />
            <NumberInput
              label="Answer within"
              description="Seconds"
              suffix=" s"
              min={0}
              allowDecimal={false}
              withAsterisk
              {...form.getInputProps('answerTargetSeconds')}
            />
            <NumberInput
              label="Shrinkage"
              description="Paid time off the queue: breaks, training"
              suffix=" %"
              min={0}
              decimalScale={1}
              withAsterisk
              {...form.getInputProps('shrinkage')}
            />
          </SimpleGrid>
          <Table aria-label="Handling per channel" withRowBorders={false} verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Channel</Table.Th>
                <Table.Th>Average handle time (s)</Table.Th>
                <Table.Th>At once per agent</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {channels.map((channel: Channel) => (
                <Table.Tr key={channel}>
                  <Table.Th scope="row" fw={500}>
                    {CHANNEL_LABELS[channel]}
                  </Table.Th>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${CHANNEL_LABELS[channel]} average handle time`}
                      min={1}
                      allowDecimal={false}
                      size="xs"
                      {...form.getInputProps(`channelHandling.${channel}.ahtSeconds`)}
                      error={
                        form.errors[`channelHandling.${channel}.ahtSeconds`] ??
                        form.errors[`channelHandling.${channel}`]
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <NumberInput
                      aria-label={`${CHANNEL_LABELS[channel]} conversations at once`}
                      min={1}
                      max={20}
                      allowDecimal={false}
                      size="xs"
                      {...form.getInputProps(`channelHandling.${channel}.concurrency`)}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <TextInput
              label="Hourly cost of an agent"
              description="In major units, e.g. 18.50"
              withAsterisk
              {...form.getInputProps('hourlyRate')}
            />
            <TextInput
              label="Currency"
              description="ISO code, e.g. EUR"
              maxLength={3}
              withAsterisk
              {...form.getInputProps('currency')}
            />
          </SimpleGrid>
          {unplacedError ? (
            <Alert color="red" icon={<IconAlertTriangle />} title="Not saved">
              {unplacedError}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              Save plan
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
