import {
  Alert,
  Anchor,
  Button,
  Grid,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { BackLink, DetailQueryState, formatDateTime } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { IconHistory, IconInfoCircle, IconPlus } from '@tabler/icons-react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from 'react-router';
import { EditorSaveBar } from '../../lib/EditorSaveBar.tsx';
import { usePlacedServerErrors } from '../../lib/use-server-errors.ts';
import { CriterionFields } from './CriterionFields.tsx';
import { QA_SCORECARDS_PATH, scorecardHistoryPath, scorecardPath } from './qa-links.ts';
import {
  newCriterion,
  newScorecardValues,
  type ScorecardFormValues,
  scorecardFormValuesOf,
  scorecardInputOf,
  validateScorecardForm,
  weightShares,
} from './scorecard-form.ts';

type ScorecardRow = RouterOutputs['qa']['scorecard'];

const SHOWN =
  /^(code|name|description|audience|randomSamplePerAgent|passMark|criteria|rolloutNote)(\.|$)/;

function BackToScorecards() {
  return <BackLink to={QA_SCORECARDS_PATH}>Scorecards</BackLink>;
}

function Versions({ row }: { row: ScorecardRow }) {
  return (
    <Paper withBorder p="md" component="section" aria-label="Versions">
      <Group justify="space-between" mb="xs">
        <Title order={2} size="h5">
          Versions
        </Title>
        <Anchor component={Link} to={scorecardHistoryPath(row.id)} size="xs">
          <Group gap={4} component="span">
            <IconHistory size={14} />
            Change history
          </Group>
        </Anchor>
      </Group>
      <Table aria-label="Scorecard versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Saved</Table.Th>
            <Table.Th ta="right">Reviews</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {row.versions.map((version) => (
            <Table.Tr key={version.id}>
              <Table.Td>
                v{version.version}
                {version.version === row.currentVersion ? ' (current)' : ''}
              </Table.Td>
              <Table.Td>
                <Text size="xs">{formatDateTime(version.createdAt)}</Text>
                <Text size="xs" c="dimmed">
                  {version.createdByName ?? '—'} · {version.criteriaCount} criteria · pass{' '}
                  {version.passMark}%
                </Text>
              </Table.Td>
              <Table.Td ta="right">{version.reviewCount}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

function ArchiveButton({ row }: { row: ScorecardRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const archive = useMutation(
    trpc.qa.archiveScorecard.mutationOptions({
      onSuccess: (saved) => {
        notifications.show({
          message: saved.archivedAt ? `${saved.name} archived` : `${saved.name} is back in use`,
        });
        void queryClient.invalidateQueries({ queryKey: trpc.qa.pathKey() });
      },
    }),
  );
  return (
    <Button
      variant="subtle"
      color={row.archivedAt ? 'blue' : 'red'}
      loading={archive.isPending}
      onClick={() => archive.mutate({ id: row.id, archived: row.archivedAt === null })}
    >
      {row.archivedAt ? 'Bring back into use' : 'Archive'}
    </Button>
  );
}

function ScorecardForm({ row }: { row: ScorecardRow | null }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const form = useForm<ScorecardFormValues>({
    mode: 'controlled',
    initialValues: row ? scorecardFormValuesOf(row) : newScorecardValues(),
    validate: validateScorecardForm,
  });
  const afterSave = (saved: ScorecardRow, message: string) => {
    notifications.show({ color: 'teal', message });
    queryClient.setQueryData(trpc.qa.scorecard.queryKey({ id: saved.id }), saved);
    void queryClient.invalidateQueries({ queryKey: trpc.qa.scorecards.queryKey() });
    void queryClient.invalidateQueries({ queryKey: trpc.qa.filterOptions.queryKey() });
  };
  const create = useMutation(
    trpc.qa.createScorecard.mutationOptions({
      onSuccess: (saved) => {
        afterSave(saved, `Scorecard ${saved.name} created`);
        void navigate(scorecardPath(saved.id), { replace: true });
      },
    }),
  );
  const update = useMutation(
    trpc.qa.updateScorecard.mutationOptions({
      onSuccess: ({ newVersion, ...saved }) => {
        afterSave(
          saved,
          newVersion
            ? `Saved as version ${saved.currentVersion}: new reviews use it`
            : 'Scorecard saved',
        );
      },
    }),
  );
  const save = row ? update : create;
  const unplacedError = usePlacedServerErrors(
    save.error,
    (serverPath) => (SHOWN.test(serverPath) ? serverPath : null),
    form.setErrors,
  );
  const values = form.getValues();
  const shares = weightShares(values.criteria);

  return (
    <form
      noValidate
      aria-label="Scorecard"
      onSubmit={form.onSubmit((submitted) => {
        const input = scorecardInputOf(submitted);
        if (row) update.mutate({ ...input, id: row.id });
        else create.mutate(input);
      })}
    >
      <Stack gap="md">
        <Paper withBorder p="md" component="section" aria-label="About the scorecard">
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="sm">
              <TextInput label="Name" withAsterisk {...form.getInputProps('name')} />
              <TextInput
                label="Code"
                description="UPPER_SNAKE_CASE, e.g. GUEST_SUPPORT_QA"
                withAsterisk
                {...form.getInputProps('code')}
              />
            </SimpleGrid>
            <Textarea
              label="Description"
              autosize
              minRows={2}
              {...form.getInputProps('description')}
            />
            <Group gap="sm" align="flex-start" wrap="wrap">
              <Select
                label="Reviews conversations of"
                w={200}
                allowDeselect={false}
                data={[
                  { value: 'any', label: 'Guests and drivers' },
                  { value: 'guest', label: 'Guests' },
                  { value: 'driver', label: 'Drivers' },
                ]}
                {...form.getInputProps('audience')}
              />
              <NumberInput
                label="Random sample"
                description="Conversations per agent per week"
                w={220}
                min={0}
                max={20}
                allowDecimal={false}
                {...form.getInputProps('randomSamplePerAgent')}
              />
              <NumberInput
                label="Pass mark"
                description="A review passes at or above it"
                w={200}
                min={0}
                max={100}
                suffix="%"
                allowDecimal={false}
                {...form.getInputProps('passMark')}
              />
            </Group>
          </Stack>
        </Paper>
        <Paper withBorder p="md" component="section" aria-label="Criteria">
          <Stack gap="sm">
            <div>
              <Title order={2} size="h4">
                Criteria
              </Title>
              <Text size="sm" c="dimmed">
                Score = Σ(weight × score on the criterion’s scale) ÷ Σ(weight of the criteria that
                apply), as a percent; N/A criteria count neither way; a failed auto-fail criterion
                makes it 0.
              </Text>
            </div>
            {row ? (
              <Alert color="blue" icon={<IconInfoCircle />}>
                Changing the criteria or the pass mark saves version {row.currentVersion + 1}.
                Reviews already scored keep version {row.currentVersion}; drafts started on it
                finish on it.
              </Alert>
            ) : null}
            {typeof form.errors.criteria === 'string' ? (
              <Text size="sm" c="red">
                {form.errors.criteria}
              </Text>
            ) : null}
            <Stack gap="sm" component="ol" p={0} m={0} style={{ listStyle: 'none' }}>
              {values.criteria.map((criterion, index) => (
                <CriterionFields
                  key={criterion.key}
                  form={form}
                  index={index}
                  share={shares[index] ?? 0}
                  count={values.criteria.length}
                />
              ))}
            </Stack>
            <Group>
              <Button
                variant="default"
                leftSection={<IconPlus size={16} />}
                onClick={() =>
                  form.insertListItem('criteria', newCriterion(values.criteria.at(-1)?.group))
                }
              >
                Add a criterion
              </Button>
            </Group>
          </Stack>
        </Paper>
        <EditorSaveBar
          rolloutNote={form.getInputProps('rolloutNote')}
          rolloutPlaceholder="From today, QA weighs protecting personal data more."
          error={unplacedError}
          hasErrors={Object.keys(form.errors).length > 0}
          dirty={form.isDirty()}
          saving={save.isPending}
          onDiscard={() => {
            form.reset();
            save.reset();
          }}
          saveLabel={row ? 'Save scorecard' : 'Create scorecard'}
          saveDisabled={row !== null && !form.isDirty()}
          leading={row ? <ArchiveButton row={row} /> : null}
        />
      </Stack>
    </form>
  );
}

/** A QA scorecard, or a new one: its audience, sample size, pass mark and weighted criteria. */
export function ScorecardEditorPage() {
  const { scorecardId = 'new' } = useParams();
  const isNew = scorecardId === 'new';
  const trpc = useTRPC();
  const scorecard = useQuery({
    ...trpc.qa.scorecard.queryOptions({ id: scorecardId }),
    enabled: !isNew,
  });
  if (isNew) return <ScorecardEditor row={null} />;
  return (
    <DetailQueryState
      query={scorecard}
      back={<BackToScorecards />}
      loadingLabel="Loading the scorecard"
      notFound={{
        title: 'Scorecard not found',
        description: 'There is no scorecard at this address.',
      }}
    >
      {(row) => <ScorecardEditor row={row} />}
    </DetailQueryState>
  );
}

function ScorecardEditor({ row }: { row: ScorecardRow | null }) {
  return (
    <Stack gap="md">
      <BackToScorecards />
      <Title order={2} size="h3">
        {row ? `${row.name}${row.archivedAt ? ' (archived)' : ''}` : 'New scorecard'}
      </Title>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: row ? 9 : 12 }}>
          <ScorecardForm
            key={row ? `${row.id}-${String(row.updatedAt)}-${row.currentVersion}` : 'new'}
            row={row}
          />
        </Grid.Col>
        {row ? (
          <Grid.Col span={{ base: 12, lg: 3 }}>
            <Versions row={row} />
          </Grid.Col>
        ) : null}
      </Grid>
    </Stack>
  );
}
