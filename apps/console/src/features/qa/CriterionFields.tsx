import {
  ActionIcon,
  Badge,
  Checkbox,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Tooltip,
} from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import {
  QA_CRITERION_GROUP_LABELS,
  QA_CRITERION_GROUPS,
  QA_SCALE_PRESETS,
  scaleText,
} from '@switchboard/domain';
import { IconArrowDown, IconArrowUp, IconTrash } from '@tabler/icons-react';
import { type ScorecardFormValues, suggestCriterionId } from './scorecard-form.ts';

const CUSTOM = 'custom';

export interface CriterionFieldsProps {
  form: UseFormReturnType<ScorecardFormValues>;
  index: number;
  /** Share of the score this criterion carries when every criterion applies. */
  share: number;
  count: number;
}

/** One criterion: its group, wording, weight, scale, N/A and auto-fail, and its place. */
export function CriterionFields({ form, index, share, count }: CriterionFieldsProps) {
  const path = `criteria.${index}`;
  const criterion = form.getValues().criteria[index]!;
  const preset =
    QA_SCALE_PRESETS.find(
      (candidate) =>
        candidate.scale.min === criterion.scale.min && candidate.scale.max === criterion.scale.max,
    )?.label ?? CUSTOM;
  const id = criterion.id || suggestCriterionId(criterion.label);
  return (
    <Paper withBorder p="sm" component="li" aria-label={`Criterion ${index + 1}`}>
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap={6}>
            <Text size="sm" fw={600}>
              Criterion {index + 1}
            </Text>
            <Badge size="sm" variant="light">
              {Math.round(share * 100)}% of the score
            </Badge>
            {criterion.label ? (
              <Text size="xs" c="dimmed" ff="monospace">
                {id}
              </Text>
            ) : null}
          </Group>
          <Group gap={4}>
            <Tooltip label="Move up">
              <ActionIcon
                variant="subtle"
                aria-label={`Move criterion ${index + 1} up`}
                disabled={index === 0}
                onClick={() => form.reorderListItem('criteria', { from: index, to: index - 1 })}
              >
                <IconArrowUp size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Move down">
              <ActionIcon
                variant="subtle"
                aria-label={`Move criterion ${index + 1} down`}
                disabled={index === count - 1}
                onClick={() => form.reorderListItem('criteria', { from: index, to: index + 1 })}
              >
                <IconArrowDown size={16} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Remove">
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove criterion ${index + 1}`}
                disabled={count === 1}
                onClick={() => form.removeListItem('criteria', index)}
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
          <TextInput
            label="Criterion"
            placeholder="Greets the guest by name"
            withAsterisk
            style={{ gridColumn: 'span 2' }}
            {...form.getInputProps(`${path}.label`)}
            error={form.errors[`${path}.label`] ?? form.errors[`${path}.id`]}
          />
          <Select
            label="Group"
            data={QA_CRITERION_GROUPS.map((group) => ({
              value: group,
              label: QA_CRITERION_GROUP_LABELS[group],
            }))}
            allowDeselect={false}
            {...form.getInputProps(`${path}.group`)}
          />
        </SimpleGrid>
        <Textarea
          label="Guidance"
          description="What each score means; reviewers and agents read it"
          autosize
          minRows={1}
          {...form.getInputProps(`${path}.guidance`)}
        />
        <Group gap="sm" align="flex-end" wrap="wrap">
          <NumberInput
            label="Weight"
            w={100}
            min={1}
            max={100}
            allowDecimal={false}
            {...form.getInputProps(`${path}.weight`)}
          />
          <Select
            label="Scale"
            w={200}
            data={[
              ...QA_SCALE_PRESETS.map((candidate) => candidate.label),
              { value: CUSTOM, label: `Other (${scaleText(criterion.scale)})` },
            ]}
            value={preset}
            allowDeselect={false}
            onChange={(label) => {
              const chosen = QA_SCALE_PRESETS.find((candidate) => candidate.label === label);
              if (chosen) form.setFieldValue(`${path}.scale`, { ...chosen.scale });
            }}
          />
          {preset === CUSTOM ? (
            <>
              <NumberInput
                label="Lowest"
                w={90}
                min={0}
                max={9}
                allowDecimal={false}
                {...form.getInputProps(`${path}.scale.min`)}
              />
              <NumberInput
                label="Highest"
                w={90}
                min={1}
                max={10}
                allowDecimal={false}
                {...form.getInputProps(`${path}.scale.max`)}
              />
            </>
          ) : null}
          <Checkbox
            label="N/A allowed"
            {...form.getInputProps(`${path}.allowNa`, { type: 'checkbox' })}
          />
          <Tooltip label="Scored at the bottom of its scale, it makes the whole review 0">
            <Checkbox
              label="Auto-fail"
              color="red"
              {...form.getInputProps(`${path}.autoFail`, { type: 'checkbox' })}
            />
          </Tooltip>
        </Group>
        {form.errors[`${path}.scale.max`] ? (
          <Text size="xs" c="red">
            {form.errors[`${path}.scale.max`]}
          </Text>
        ) : null}
        {form.errors[`${path}.allowNa`] ? (
          <Text size="xs" c="red">
            {form.errors[`${path}.allowNa`]}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
