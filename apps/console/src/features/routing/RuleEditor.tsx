import {
  ActionIcon,
  Button,
  Divider,
  Group,
  Menu,
  MultiSelect,
  NumberInput,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { type FormErrors, schemaResolver, useForm } from '@mantine/form';
import {
  CHANNELS,
  MAX_RULE_CONDITIONS,
  PRIORITIES,
  PRIORITY_LABELS,
  primaryLanguage,
  type RoutingActions,
  type RoutingCondition,
  type RoutingRuleInput,
  RULE_ON_MATCH,
  type RuleOnMatch,
  rolloutNoteSchema,
  routingRuleInputSchema,
} from '@switchboard/domain';
import { AUDIENCE_LABELS, CHANNEL_LABELS, describeError } from '@switchboard/ui';
import { serverFieldErrors } from '@switchboard/ui/playbooks';
import { useTRPC } from '@switchboard/ui/trpc';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { FormFooter } from '../../lib/FormFooter.tsx';
import {
  CONDITION_FIELD_LABELS,
  CONDITION_FIELDS,
  newCondition,
  withAction,
} from './rule-conditions.ts';

/** A rule as the editor holds it, with the note agents get about the change. */
export interface RuleFormValues {
  name: string;
  enabled: boolean;
  conditions: RoutingCondition[];
  actions: RoutingActions;
  rolloutNote: string;
}

/** What the editor hands back: the rule as the server takes it, and the optional note. */
export interface RuleSubmission {
  rule: RoutingRuleInput;
  rolloutNote: string | undefined;
}

// The rule is validated by the schema the server enforces; the note rides along.
const ruleFormSchema = routingRuleInputSchema.extend({ rolloutNote: rolloutNoteSchema });

const EMPTY_RULE: RuleFormValues = {
  name: '',
  enabled: true,
  conditions: [],
  actions: { onMatch: 'stop' },
  rolloutNote: '',
};

const ON_MATCH_LABELS: Record<RuleOnMatch, string> = {
  stop: 'Stop here',
  continue: 'Continue to later rules',
};
const IN_OR_NOT = [
  { value: 'in', label: 'is one of' },
  { value: 'not_in', label: 'is not one of' },
];
const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({
  value: channel,
  label: CHANNEL_LABELS[channel],
}));
const PRIORITY_OPTIONS = PRIORITIES.map((priority) => ({
  value: priority,
  label: `${priority} · ${PRIORITY_LABELS[priority].label}`,
}));
/** Server paths this form shows on a field; any other refusal is shown as an alert. */
const FORM_PATHS = /^(name|enabled|conditions|actions|rolloutNote)(\.|$)/;

/** The errors at a path and below it, one message each. */
function errorsUnder(errors: FormErrors, prefix: string): string[] {
  const messages = Object.entries(errors)
    .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
    .map(([, message]) => String(message));
  return [...new Set(messages)];
}

/** Options for a picker, keeping values the catalogue no longer lists so they stay visible. */
function withCurrent(options: { value: string; label: string }[], current: readonly string[]) {
  const known = new Set(options.map((option) => option.value));
  return [
    ...options,
    ...current
      .filter((value) => !known.has(value))
      .map((value) => ({ value, label: `${value} (unknown)` })),
  ];
}

export interface RuleEditorProps {
  /** The rule being edited; a new rule starts empty. */
  initialValues?: RuleFormValues | undefined;
  submitLabel: string;
  saving: boolean;
  /** The last refusal from the server: its field errors land on the fields. */
  serverError?: unknown;
  onSubmit: (submission: RuleSubmission) => void;
  onCancel: () => void;
}

/**
 * A routing rule: its name, the conditions that must all hold, what it does when they do,
 * and a rollout note for the agents. Pickers offer the cities, request types, tags and
 * inboxes that exist, by code, so the rule names what the server knows.
 */
export function RuleEditor({
  initialValues,
  submitLabel,
  saving,
  serverError,
  onSubmit,
  onCancel,
}: RuleEditorProps) {
  const trpc = useTRPC();
  const catalogue = useQuery(trpc.conversations.filterOptions.queryOptions());
  const inboxes = useQuery(trpc.routing.listInboxes.queryOptions({ limit: 200 }));
  const form = useForm<RuleFormValues>({
    mode: 'controlled',
    initialValues: initialValues ?? EMPTY_RULE,
    validate: schemaResolver(ruleFormSchema, { sync: true }),
  });

  const serverErrors = Object.fromEntries(
    Object.entries(serverFieldErrors(serverError)).map(([path, message]) => [
      // updateRule nests the rule under `rule`.
      path.replace(/^rule\./, ''),
      message,
    ]),
  );
  useEffect(() => {
    if (Object.keys(serverErrors).length > 0) form.setErrors(serverErrors);
  }, [serverError]);
  const unplacedServerError =
    serverError !== null &&
    serverError !== undefined &&
    !Object.keys(serverErrors).some((path) => FORM_PATHS.test(path));

  const values = form.getValues();
  const cityOptions = (catalogue.data?.cities ?? []).map((city) => ({
    value: city.code,
    label: `${city.name} (${city.code})`,
  }));
  const requestTypeOptions = (catalogue.data?.requestTypes ?? []).map((type) => ({
    value: type.code,
    label: `${type.name} (${type.code})`,
  }));
  const tagOptions = (catalogue.data?.tags ?? []).map((tag) => ({
    value: tag.code,
    label: tag.name,
  }));
  const inboxOptions = (inboxes.data?.items ?? []).map((inbox) => ({
    value: inbox.code,
    label: `${inbox.name} (${inbox.code})`,
  }));

  /** Drops the errors a change answers. */
  const dropErrors = (answered: (path: string) => boolean) =>
    form.setErrors(
      Object.fromEntries(Object.entries(form.errors).filter(([path]) => !answered(path))),
    );
  const under = (prefix: string) => (path: string) =>
    path === prefix || path.startsWith(`${prefix}.`);
  const setCondition = (index: number, condition: RoutingCondition) => {
    form.setFieldValue(
      'conditions',
      values.conditions.map((current, at) => (at === index ? condition : current)),
    );
    dropErrors(under(`conditions.${index}`));
  };
  const setActions = (actions: RoutingActions, changed: keyof RoutingActions) => {
    form.setFieldValue('actions', actions);
    // "Choose at least one thing the rule does" sits on `actions` itself.
    dropErrors((path) => path === 'actions' || under(`actions.${changed}`)(path));
  };
  const actionError = (key: keyof RoutingActions) =>
    errorsUnder(form.errors, `actions.${key}`)[0] ?? null;
  const conditionsError =
    typeof form.errors.conditions === 'string' ? form.errors.conditions : null;

  return (
    <form
      noValidate
      onSubmit={form.onSubmit((submitted) => {
        // Valid by now: parsing trims the text and drops what the server would ignore.
        const parsed = ruleFormSchema.parse(submitted);
        const { rolloutNote, ...rule } = parsed;
        onSubmit({ rule, rolloutNote });
      })}
    >
      <Stack gap="md">
        <TextInput
          label="Name"
          placeholder="Airport no-shows to L2"
          withAsterisk
          data-autofocus
          key={form.key('name')}
          {...form.getInputProps('name')}
        />
        <Switch
          label="Enabled"
          description="A disabled rule is kept but skipped when messages are routed"
          key={form.key('enabled')}
          {...form.getInputProps('enabled', { type: 'checkbox' })}
        />

        <Divider label="When all of these hold" labelPosition="left" />
        {values.conditions.length === 0 ? (
          <Text size="sm" c="dimmed">
            No conditions: the rule matches every message that reaches it.
          </Text>
        ) : null}
        {conditionsError ? (
          <Text size="sm" c="red">
            {conditionsError}
          </Text>
        ) : null}
        {values.conditions.map((condition, index) => (
          <ConditionCard
            // Conditions have no ids; the field is part of the key so a replaced one remounts.
            key={`${index}-${condition.field}`}
            index={index}
            condition={condition}
            errors={errorsUnder(form.errors, `conditions.${index}`)}
            cityOptions={cityOptions}
            onChange={(next) => setCondition(index, next)}
            onRemove={() => form.removeListItem('conditions', index)}
          />
        ))}
        <Group>
          <Menu position="bottom-start" withinPortal>
            <Menu.Target>
              <Button
                variant="default"
                size="xs"
                leftSection={<IconPlus size={14} />}
                disabled={values.conditions.length >= MAX_RULE_CONDITIONS}
              >
                Add condition
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              <Menu.Label>What it looks at</Menu.Label>
              {CONDITION_FIELDS.map((field) => (
                <Menu.Item
                  key={field}
                  onClick={() => form.insertListItem('conditions', newCondition(field))}
                >
                  {CONDITION_FIELD_LABELS[field]}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        </Group>

        <Divider label="Then" labelPosition="left" />
        {typeof form.errors.actions === 'string' ? (
          <Text size="sm" c="red">
            {form.errors.actions}
          </Text>
        ) : null}
        <Select
          label="Request type"
          placeholder="Leave as it is"
          data={withCurrent(
            requestTypeOptions,
            values.actions.requestTypeCode ? [values.actions.requestTypeCode] : [],
          )}
          value={values.actions.requestTypeCode ?? null}
          onChange={(code) =>
            setActions(withAction(values.actions, 'requestTypeCode', code), 'requestTypeCode')
          }
          error={actionError('requestTypeCode')}
          searchable
          clearable
        />
        <Group grow align="flex-start">
          <Select
            label="Priority"
            placeholder="Request type’s default"
            data={PRIORITY_OPTIONS}
            value={values.actions.priority ?? null}
            onChange={(priority) =>
              setActions(
                withAction(
                  values.actions,
                  'priority',
                  PRIORITIES.find((known) => known === priority) ?? null,
                ),
                'priority',
              )
            }
            error={actionError('priority')}
            clearable
          />
          <Select
            label="Inbox"
            placeholder="Audience’s inbox for the city"
            data={withCurrent(
              inboxOptions,
              values.actions.inboxCode ? [values.actions.inboxCode] : [],
            )}
            value={values.actions.inboxCode ?? null}
            onChange={(code) =>
              setActions(withAction(values.actions, 'inboxCode', code), 'inboxCode')
            }
            error={actionError('inboxCode')}
            searchable
            clearable
          />
        </Group>
        <TextInput
          label="Team"
          description="Team code; conversations go to that team’s inbox when no inbox is set"
          placeholder="SUPPORT_L2"
          value={values.actions.teamCode ?? ''}
          onChange={(event) =>
            setActions(
              withAction(values.actions, 'teamCode', event.currentTarget.value.toUpperCase()),
              'teamCode',
            )
          }
          error={actionError('teamCode')}
        />
        <MultiSelect
          label="Add tags"
          placeholder={values.actions.addTags?.length ? undefined : 'No tags'}
          data={withCurrent(tagOptions, values.actions.addTags ?? [])}
          value={values.actions.addTags ?? []}
          onChange={(tags) => setActions(withAction(values.actions, 'addTags', tags), 'addTags')}
          error={actionError('addTags')}
          maxValues={10}
          searchable
          clearable
        />
        <Textarea
          label="Auto-reply"
          description="Sent to the customer as soon as the rule matches"
          placeholder="No auto-reply"
          rows={3}
          resize="vertical"
          value={values.actions.autoReply ?? ''}
          onChange={(event) =>
            setActions(
              withAction(values.actions, 'autoReply', event.currentTarget.value),
              'autoReply',
            )
          }
          error={actionError('autoReply')}
        />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="rule-on-match-label">
            When it matches
          </Text>
          <SegmentedControl
            aria-labelledby="rule-on-match-label"
            data={RULE_ON_MATCH.map((onMatch) => ({
              value: onMatch,
              label: ON_MATCH_LABELS[onMatch],
            }))}
            value={values.actions.onMatch}
            onChange={(onMatch) =>
              setActions(
                {
                  ...values.actions,
                  onMatch: RULE_ON_MATCH.find((known) => known === onMatch) ?? 'stop',
                },
                'onMatch',
              )
            }
          />
          {actionError('onMatch') ? (
            <Text size="xs" c="red">
              {actionError('onMatch')}
            </Text>
          ) : null}
        </Stack>

        <Divider />
        <Textarea
          label="Tell agents what changes"
          description="Optional. Agents see it with the change and acknowledge it."
          placeholder="From today, airport no-shows go straight to L2."
          rows={2}
          resize="vertical"
          key={form.key('rolloutNote')}
          {...form.getInputProps('rolloutNote')}
        />
        <FormFooter
          error={unplacedServerError ? describeError(serverError) : null}
          errorTitle="Not saved"
          pending={saving}
          submitLabel={submitLabel}
          onCancel={onCancel}
        />
      </Stack>
    </form>
  );
}

interface ConditionCardProps {
  index: number;
  condition: RoutingCondition;
  errors: string[];
  cityOptions: { value: string; label: string }[];
  onChange: (condition: RoutingCondition) => void;
  onRemove: () => void;
}

function ConditionCard({
  index,
  condition,
  errors,
  cityOptions,
  onChange,
  onRemove,
}: ConditionCardProps) {
  const name = `Condition ${index + 1}`;
  const fieldLabel = CONDITION_FIELD_LABELS[condition.field];
  return (
    <Paper withBorder p="sm" role="group" aria-label={`${name}: ${fieldLabel}`}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Text size="sm" fw={600}>
            {fieldLabel}
          </Text>
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove condition ${index + 1}`}
            onClick={onRemove}
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
        <ConditionFields
          name={name}
          condition={condition}
          invalid={errors.length > 0}
          cityOptions={cityOptions}
          onChange={onChange}
        />
        {errors.map((message) => (
          <Text key={message} size="xs" c="red">
            {message}
          </Text>
        ))}
      </Stack>
    </Paper>
  );
}

/** The inputs of one condition; the card below them says what is wrong when `invalid`. */
function ConditionFields({
  name,
  condition,
  invalid,
  cityOptions,
  onChange,
}: {
  name: string;
  condition: RoutingCondition;
  invalid: boolean;
  cityOptions: { value: string; label: string }[];
  onChange: (condition: RoutingCondition) => void;
}) {
  switch (condition.field) {
    case 'channel':
      return (
        <Group align="flex-start" grow>
          <InOrNot
            name={name}
            op={condition.op}
            onChange={(op) => onChange({ ...condition, op })}
          />
          <MultiSelect
            aria-label={`${name} channels`}
            placeholder="Pick channels"
            data={CHANNEL_OPTIONS}
            value={condition.values}
            onChange={(picked) =>
              onChange({
                ...condition,
                values: CHANNELS.filter((channel) => picked.includes(channel)),
              })
            }
            error={invalid}
          />
        </Group>
      );
    case 'audience':
      return (
        <SegmentedControl
          aria-label={`${name} audience`}
          data={[
            { value: 'guest', label: `is ${AUDIENCE_LABELS.guest}` },
            { value: 'driver', label: `is ${AUDIENCE_LABELS.driver}` },
          ]}
          value={condition.value}
          onChange={(value) =>
            onChange({ ...condition, value: value === 'driver' ? 'driver' : 'guest' })
          }
        />
      );
    case 'city':
      return (
        <Group align="flex-start" grow>
          <InOrNot
            name={name}
            op={condition.op}
            onChange={(op) => onChange({ ...condition, op })}
          />
          <MultiSelect
            aria-label={`${name} cities`}
            placeholder="Pick cities"
            data={withCurrent(cityOptions, condition.values)}
            value={condition.values}
            onChange={(values) => onChange({ ...condition, values })}
            error={invalid}
            searchable
          />
        </Group>
      );
    case 'language':
      return (
        <Group align="flex-start" grow>
          <InOrNot
            name={name}
            op={condition.op}
            onChange={(op) => onChange({ ...condition, op })}
          />
          <TagsInput
            aria-label={`${name} languages`}
            description="Primary codes such as en, pt or es (pt-BR counts as pt)"
            placeholder="Type a code, press Enter"
            value={condition.values}
            onChange={(typed) =>
              onChange({
                ...condition,
                values: [
                  ...new Set(typed.map((code) => primaryLanguage(code) ?? code.trim())),
                ].filter(Boolean),
              })
            }
            error={invalid}
          />
        </Group>
      );
    case 'contact':
      return (
        <Group grow>
          <Select
            aria-label={`${name} is or is not`}
            data={[
              { value: 'yes', label: 'Contact is' },
              { value: 'no', label: 'Contact is not' },
            ]}
            value={condition.value ? 'yes' : 'no'}
            onChange={(value) => onChange({ ...condition, value: value !== 'no' })}
            allowDeselect={false}
          />
          <Select
            aria-label={`${name} contact attribute`}
            data={[
              { value: 'vip', label: 'a VIP' },
              { value: 'new_driver', label: 'a new driver' },
            ]}
            value={condition.attribute}
            onChange={(value) =>
              onChange({ ...condition, attribute: value === 'new_driver' ? 'new_driver' : 'vip' })
            }
            allowDeselect={false}
            error={invalid}
          />
        </Group>
      );
    case 'text':
      return (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={`${name} text match`}
            data={[
              { value: 'contains_any', label: 'Mentions any of' },
              { value: 'matches', label: 'Matches a pattern' },
            ]}
            value={condition.op}
            onChange={(op) =>
              onChange(
                op === 'matches'
                  ? { field: 'text', op: 'matches', pattern: '' }
                  : { field: 'text', op: 'contains_any', values: [] },
              )
            }
          />
          {condition.op === 'contains_any' ? (
            <TagsInput
              aria-label={`${name} keywords`}
              description="Whole words; the last word may start a longer one (refund matches refunded). Accents and case are ignored."
              placeholder="Type a keyword, press Enter"
              value={condition.values}
              onChange={(values) => onChange({ ...condition, values })}
              error={invalid}
            />
          ) : (
            <TextInput
              aria-label={`${name} pattern`}
              description="A regular expression, case-insensitive, over the first 2,000 characters"
              placeholder="flight\s*[A-Z]{2}\d+"
              value={condition.pattern}
              onChange={(event) => onChange({ ...condition, pattern: event.currentTarget.value })}
              error={invalid}
              ff="monospace"
            />
          )}
        </Stack>
      );
    case 'booking':
      return (
        <Stack gap="xs">
          <SegmentedControl
            aria-label={`${name} booking`}
            data={[
              { value: 'yes', label: 'Has a booking' },
              { value: 'no', label: 'Has no booking' },
              { value: 'within', label: 'Trip within…' },
            ]}
            value={condition.op === 'trip_within_hours' ? 'within' : condition.value ? 'yes' : 'no'}
            onChange={(choice) =>
              onChange(
                choice === 'within'
                  ? { field: 'booking', op: 'trip_within_hours', hours: 24 }
                  : { field: 'booking', op: 'has_booking', value: choice === 'yes' },
              )
            }
          />
          {condition.op === 'trip_within_hours' ? (
            <NumberInput
              aria-label={`${name} hours`}
              description="Counts trips from an hour before the message up to this many hours after it"
              suffix=" h"
              min={1}
              max={720}
              w={200}
              value={Number.isNaN(condition.hours) ? '' : condition.hours}
              onChange={(hours) =>
                onChange({
                  ...condition,
                  hours: typeof hours === 'number' ? hours : Number.NaN,
                })
              }
              error={invalid}
            />
          ) : null}
        </Stack>
      );
    case 'business_hours':
      return (
        <SegmentedControl
          aria-label={`${name} business hours`}
          data={[
            { value: 'inside', label: 'Inside business hours' },
            { value: 'outside', label: 'Outside business hours' },
          ]}
          value={condition.value}
          onChange={(value) =>
            onChange({ ...condition, value: value === 'inside' ? 'inside' : 'outside' })
          }
        />
      );
  }
}

function InOrNot({
  name,
  op,
  onChange,
}: {
  name: string;
  op: 'in' | 'not_in';
  onChange: (op: 'in' | 'not_in') => void;
}) {
  return (
    <Select
      aria-label={`${name} is or is not`}
      data={IN_OR_NOT}
      value={op}
      onChange={(value) => onChange(value === 'not_in' ? 'not_in' : 'in')}
      allowDeselect={false}
      maw={160}
    />
  );
}
