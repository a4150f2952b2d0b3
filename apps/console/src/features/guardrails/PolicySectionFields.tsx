import {
  ActionIcon,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { FormErrors, UseFormReturnType } from '@mantine/form';
import { AGENT_TIERS, formatMoney } from '@switchboard/domain';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import { parseLimitAmount } from './money-entry.ts';
import {
  type AmountRow,
  CURRENCY_CHOICES,
  type LimitValues,
  newReason,
  type PolicyFormValues,
  SECTION_LABELS,
  type SectionKey,
} from './policy-form.ts';

type PolicyForm = UseFormReturnType<PolicyFormValues>;

/** An error set on the path itself (not below it), e.g. "Add at least one reason code". */
function errorAt(errors: FormErrors, path: string): string | null {
  const error = errors[path];
  return error === undefined || error === null ? null : String(error);
}

function valueAt<T>(values: PolicyFormValues, path: string): T {
  return path
    .split('.')
    .reduce<unknown>((current, part) => (current as Record<string, unknown>)[part], values) as T;
}

interface FieldProps {
  form: PolicyForm;
  disabled: boolean;
}

interface SliceProps {
  /** The form's values at `path` when rendered, to skip rendering when they are unchanged. */
  values: unknown;
  errors: FormErrors;
  disabled: boolean;
  path: string;
}

function errorsUnder(errors: FormErrors, path: string): string {
  return JSON.stringify(
    Object.entries(errors).filter(([key]) => key === path || key.startsWith(`${path}.`)),
  );
}

/**
 * Every keystroke re-renders a controlled form; a policy has a hundred inputs. A part renders
 * again only when its own values or errors change (its handlers read the form's live state).
 */
function sameSlice(prev: SliceProps, next: SliceProps): boolean {
  return (
    prev.disabled === next.disabled &&
    prev.path === next.path &&
    JSON.stringify(prev.values) === JSON.stringify(next.values) &&
    errorsUnder(prev.errors, prev.path) === errorsUnder(next.errors, next.path)
  );
}

/**
 * Amounts per currency, typed in major units. Each row shows how the amount will read, so
 * "50.1" visibly becomes €50.10 before it is saved as 5010 cents.
 */
export function AmountTable({
  form,
  path,
  name,
  disabled,
}: FieldProps & {
  /** Form path of the rows, e.g. `refund.tiers.L1.maxAmount`. */
  path: string;
  /** Names the inputs, e.g. "Refund L1" → "Refund L1 amount in EUR". */
  name: string;
}) {
  const rows = valueAt<AmountRow[]>(form.getValues(), path);
  const unused = CURRENCY_CHOICES.filter(
    (currency) => !rows.some((row) => row.currency === currency),
  );
  const tableError = errorAt(form.errors, path);
  return (
    <Stack gap={4}>
      <Table
        withRowBorders={false}
        verticalSpacing={4}
        horizontalSpacing="xs"
        aria-label={`${name} amounts`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={60}>Currency</Table.Th>
            <Table.Th>Amount</Table.Th>
            <Table.Th>Reads</Table.Th>
            {disabled ? null : <Table.Th w={36} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row, index) => {
            const parsed = parseLimitAmount(row.amount, row.currency);
            return (
              <Table.Tr key={row.currency}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.currency}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${name} amount in ${row.currency}`}
                    inputMode="decimal"
                    size="xs"
                    disabled={disabled}
                    {...form.getInputProps(`${path}.${index}.amount`)}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {parsed.ok
                      ? formatMoney({ amountMinor: parsed.amountMinor, currency: row.currency })
                      : '—'}
                  </Text>
                </Table.Td>
                {disabled ? null : (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      size="sm"
                      aria-label={`Remove ${row.currency} from ${name}`}
                      onClick={() => form.removeListItem(path, index)}
                    >
                      <IconTrash size={14} />
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      {tableError ? (
        <Text size="xs" c="red">
          {tableError}
        </Text>
      ) : null}
      {disabled || unused.length === 0 ? null : (
        <Select
          aria-label={`Add a currency to ${name}`}
          placeholder="Add a currency"
          size="xs"
          w={160}
          data={[...unused]}
          value={null}
          onChange={(currency) => {
            if (currency) form.insertListItem(path, { currency, amount: '' } satisfies AmountRow);
          }}
        />
      )}
    </Stack>
  );
}

/** One give limit: the amounts per currency and the share of the booking, both applying. */
const LimitFields = memo(function LimitFields({
  form,
  path,
  name,
  title,
  description,
  disabled,
}: FieldProps &
  SliceProps & { values: LimitValues; name: string; title: string; description: string }) {
  return (
    <Paper withBorder p="sm">
      <Stack gap="xs">
        <div>
          <Text size="sm" fw={600}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {description}
          </Text>
        </div>
        <AmountTable form={form} path={`${path}.maxAmount`} name={name} disabled={disabled} />
        <NumberInput
          label="And at most"
          aria-label={`${name} % of the booking`}
          suffix="% of the booking"
          min={0}
          max={100}
          allowDecimal={false}
          allowNegative={false}
          size="xs"
          disabled={disabled}
          {...form.getInputProps(`${path}.maxPercentOfBooking`)}
        />
      </Stack>
    </Paper>
  );
}, sameSlice);

function ReasonFields({ form, section, disabled }: FieldProps & { section: SectionKey }) {
  const label = SECTION_LABELS[section];
  const reasons = form.getValues()[section].reasons;
  const listError = errorAt(form.errors, `${section}.reasons`);
  return (
    <Stack gap="xs">
      <div>
        <Text size="sm" fw={600}>
          Reason codes
        </Text>
        <Text size="xs" c="dimmed">
          Agents choose one; evidence kinds (lower_snake_case, e.g. gps_trace) must be attached for
          it.
        </Text>
      </div>
      {reasons.length > 0 ? (
        <Table.ScrollContainer minWidth={640}>
          <Table verticalSpacing={4} aria-label={`${label} reason codes`}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w="28%">Code</Table.Th>
                <Table.Th w="32%">Label</Table.Th>
                <Table.Th>Evidence</Table.Th>
                {disabled ? null : <Table.Th w={36} />}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {reasons.map((reason, index) => (
                <Table.Tr key={reason.key}>
                  <Table.Td>
                    <TextInput
                      aria-label={`${label} reason ${index + 1} code`}
                      placeholder="DRIVER_NO_SHOW"
                      size="xs"
                      disabled={disabled}
                      {...form.getInputProps(`${section}.reasons.${index}.code`)}
                      onChange={(event) =>
                        form.setFieldValue(
                          `${section}.reasons.${index}.code`,
                          event.currentTarget.value.toUpperCase(),
                        )
                      }
                    />
                  </Table.Td>
                  <Table.Td>
                    <TextInput
                      aria-label={`${label} reason ${index + 1} label`}
                      placeholder="Driver did not show up"
                      size="xs"
                      disabled={disabled}
                      {...form.getInputProps(`${section}.reasons.${index}.label`)}
                    />
                  </Table.Td>
                  <Table.Td>
                    <TagsInput
                      aria-label={`${label} reason ${index + 1} evidence`}
                      placeholder={disabled ? undefined : 'Type a kind, press Enter'}
                      size="xs"
                      disabled={disabled}
                      value={reason.evidence}
                      onChange={(kinds) =>
                        form.setFieldValue(`${section}.reasons.${index}.evidence`, [
                          ...new Set(kinds.map((kind) => kind.trim())),
                        ])
                      }
                      error={errorAt(form.errors, `${section}.reasons.${index}.evidence`)}
                    />
                  </Table.Td>
                  {disabled ? null : (
                    <Table.Td>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        size="sm"
                        aria-label={`Remove ${label.toLowerCase()} reason ${index + 1}`}
                        onClick={() => form.removeListItem(`${section}.reasons`, index)}
                      >
                        <IconTrash size={14} />
                      </ActionIcon>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      {listError ? (
        <Text size="xs" c="red">
          {listError}
        </Text>
      ) : null}
      {disabled ? null : (
        <Group>
          <Button
            variant="default"
            size="xs"
            leftSection={<IconPlus size={14} />}
            aria-label={`Add ${label.toLowerCase()} reason`}
            disabled={reasons.length >= 50}
            onClick={() => form.insertListItem(`${section}.reasons`, newReason())}
          >
            Add reason
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function SectionExtras({ form, section, disabled }: FieldProps & { section: SectionKey }) {
  if (section === 'refund') {
    return (
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <div>
            <Text size="sm" fw={600}>
              Customer cap
            </Text>
            <Text size="xs" c="dimmed">
              Refunds and gestures to one customer within the window; beyond it, Finance approves.
            </Text>
          </div>
          <NumberInput
            label="Window"
            aria-label="Refund customer cap days"
            suffix=" days"
            min={1}
            max={730}
            allowDecimal={false}
            allowNegative={false}
            size="xs"
            w={200}
            disabled={disabled}
            {...form.getInputProps('refund.customerCap.days')}
          />
          <AmountTable
            form={form}
            path="refund.customerCap.maxAmount"
            name="Refund customer cap"
            disabled={disabled}
          />
        </Stack>
      </Paper>
    );
  }
  if (section === 'gesture') {
    return (
      <Paper withBorder p="sm">
        <Stack gap="xs">
          <div>
            <Text size="sm" fw={600}>
              Frequency
            </Text>
            <Text size="xs" c="dimmed">
              How many gestures one customer gets within the window before a lead must approve.
            </Text>
          </div>
          <Group align="flex-start">
            <NumberInput
              label="At most"
              aria-label="Gestures per customer"
              suffix=" gestures"
              min={1}
              max={100}
              allowDecimal={false}
              allowNegative={false}
              size="xs"
              w={160}
              disabled={disabled}
              {...form.getInputProps('gesture.frequency.maxCount')}
            />
            <NumberInput
              label="In"
              aria-label="Gesture frequency days"
              suffix=" days"
              min={1}
              max={730}
              allowDecimal={false}
              allowNegative={false}
              size="xs"
              w={160}
              disabled={disabled}
              {...form.getInputProps('gesture.frequency.days')}
            />
          </Group>
          <Switch
            label="Allowed on a booking refunded in full"
            aria-label="Allowed on a booking refunded in full"
            description="Off: a gesture on a fully refunded booking is refused"
            disabled={disabled}
            {...form.getInputProps('gesture.combinableWithFullRefund', { type: 'checkbox' })}
          />
        </Stack>
      </Paper>
    );
  }
  return (
    <Paper withBorder p="sm">
      <NumberInput
        label="Rebooking window"
        description="Hours after the booked pickup within which a rebooking may still be made"
        suffix=" h"
        min={1}
        max={720}
        allowDecimal={false}
        allowNegative={false}
        size="xs"
        w={260}
        disabled={disabled}
        {...form.getInputProps('rebooking.windowHours')}
      />
    </Paper>
  );
}

const SECTION_DESCRIPTIONS: Record<SectionKey, string> = {
  refund: 'Money back on a booking, for a reason agents choose.',
  gesture: 'A credit or voucher as an apology, limited per customer.',
  rebooking: 'A new booking whose price difference the platform absorbs.',
};

/** One section of the policy: on or off, its reasons, its limits per tier and for a lead. */
export const PolicySectionFields = memo(function PolicySectionFields({
  form,
  section,
  values,
  disabled,
}: FieldProps & SliceProps & { section: SectionKey; values: PolicyFormValues[SectionKey] }) {
  const label = SECTION_LABELS[section];
  const enabled = values.enabled;
  const headingId = `guardrail-section-${section}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} size="h4" id={headingId}>
              {label}
            </Title>
            <Text size="sm" c="dimmed">
              {SECTION_DESCRIPTIONS[section]}
            </Text>
          </div>
          <Switch
            label={enabled ? 'Offered' : 'Not offered'}
            aria-label={`${label} offered`}
            disabled={disabled}
            {...form.getInputProps(`${section}.enabled`, { type: 'checkbox' })}
          />
        </Group>
        <ReasonFields form={form} section={section} disabled={disabled} />
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          {AGENT_TIERS.map((tier) => (
            <LimitFields
              key={tier}
              form={form}
              values={values.tiers[tier]}
              errors={form.errors}
              path={`${section}.tiers.${tier}`}
              name={`${label} ${tier}`}
              title={`${tier} agents`}
              description="Give without asking anyone"
              disabled={disabled}
            />
          ))}
          <LimitFields
            form={form}
            values={values.approval.lead}
            errors={form.errors}
            path={`${section}.approval.lead`}
            name={`${label} lead approval`}
            title="A team lead approves"
            description="Above the agent’s tier, up to this; above it, Finance"
            disabled={disabled}
          />
        </SimpleGrid>
        <SectionExtras form={form} section={section} disabled={disabled} />
      </Stack>
    </Paper>
  );
}, sameSlice);
