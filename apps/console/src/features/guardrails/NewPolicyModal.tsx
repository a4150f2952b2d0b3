import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { AUDIENCES, type Audience, audienceSchema } from '@switchboard/domain';
import { AUDIENCE_LABELS } from '@switchboard/ui';
import { type RouterOutputs, useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { policyEditorPath } from './GuardrailPolicyEditorPage.tsx';

type PolicyRow = RouterOutputs['guardrails']['policies'][number];

const AUDIENCE_OPTIONS = AUDIENCES.map((value) => ({ value, label: AUDIENCE_LABELS[value] }));

export interface NewPolicyModalProps {
  opened: boolean;
  onClose: () => void;
  /** The policies there are, so choosing one that exists opens it instead. */
  existing: readonly PolicyRow[];
}

/**
 * Starts a policy: choose the request type (its audience follows) and open the editor on the
 * worked example. Nothing is saved until the editor saves it.
 */
export function NewPolicyModal({ opened, onClose, existing }: NewPolicyModalProps) {
  const trpc = useTRPC();
  const navigate = useNavigate();
  const catalogue = useQuery({
    ...trpc.conversations.filterOptions.queryOptions(),
    enabled: opened,
  });
  const [code, setCode] = useState<string | null>(null);
  const [audience, setAudience] = useState<Audience | null>(null);
  const [touched, setTouched] = useState(false);

  const types = catalogue.data?.requestTypes ?? [];
  const chosen = types.find((type) => type.code === code) ?? null;
  const found = existing.find((row) => row.requestTypeCode === code && row.audience === audience);
  const codeError = touched && !code ? 'Choose a request type' : null;
  const audienceError =
    chosen && audience && chosen.audience !== audience
      ? `${chosen.name} is a ${AUDIENCE_LABELS[chosen.audience].toLowerCase()} request type`
      : touched && !audience
        ? 'Choose an audience'
        : null;

  const close = () => {
    setCode(null);
    setAudience(null);
    setTouched(false);
    onClose();
  };

  return (
    <Modal opened={opened} onClose={close} title="New guardrail policy">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!code || !audience || (chosen && chosen.audience !== audience)) return;
          navigate(policyEditorPath(code, audience), {
            state: { requestTypeName: chosen?.name ?? found?.requestTypeName },
          });
        }}
      >
        <Stack>
          <Text size="sm" c="dimmed">
            The new policy starts from the worked example (a driver no-show in EUR and AED); adjust
            it before saving.
          </Text>
          <Select
            label="Request type"
            placeholder={catalogue.isPending ? 'Loading request types…' : 'Choose a request type'}
            data={types.map((type) => ({ value: type.code, label: `${type.name} (${type.code})` }))}
            searchable
            nothingFoundMessage="No request type matches"
            withAsterisk
            value={code}
            onChange={(value) => {
              setCode(value);
              const type = types.find((candidate) => candidate.code === value);
              const typeAudience = audienceSchema.safeParse(type?.audience).data;
              if (typeAudience) setAudience(typeAudience);
            }}
            error={
              codeError ?? (catalogue.isError ? 'The request types could not be loaded' : null)
            }
          />
          <Select
            label="Audience"
            description="A policy serves the audience of its request type"
            data={AUDIENCE_OPTIONS}
            allowDeselect={false}
            withAsterisk
            value={audience}
            onChange={(value) => setAudience(audienceSchema.safeParse(value).data ?? null)}
            error={audienceError}
          />
          {found ? (
            <Alert color="blue" variant="light">
              {`${found.requestTypeName} has a policy for ${AUDIENCE_LABELS[found.audience].toLowerCase()}s already (version ${found.version}); it opens for editing.`}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button type="submit">{found ? 'Open policy' : 'Start policy'}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
