import {
  ActionIcon,
  Alert,
  Anchor,
  Button,
  FileButton,
  Group,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { ATTACHMENT_ACCEPT } from '@switchboard/domain';
import { formatDateTime } from '@switchboard/ui';
import type { RouterOutputs } from '@switchboard/ui/trpc';
import { useRefreshArea } from '@switchboard/ui/trpc';
import { IconAlertTriangle, IconFileText, IconTrash, IconUpload } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { attachmentRefusalOf, deleteAttachment, uploadAttachment } from './attachments-api.ts';
import { fileSizeText } from './hiring-format.ts';
import { attachmentUrl } from './hiring-paths.ts';

type CandidateDetail = RouterOutputs['hiring']['candidate'];

/** The candidate's CV and other files: PDF, Word or text up to 5 MB, kept on the server. */
export function AttachmentsSection({ detail }: { detail: CandidateDetail }) {
  const refresh = useRefreshArea('hiring');
  const [refusal, setRefusal] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: (file: File) => uploadAttachment(detail.candidate.id, file),
    onSuccess: () => void refresh(),
    onError: (error) => setRefusal(error.message),
  });
  const remove = useMutation({
    mutationFn: deleteAttachment,
    onSuccess: () => void refresh(),
    onError: (error) => setRefusal(error.message),
  });
  const pick = (file: File | null) => {
    if (!file) return;
    const refused = attachmentRefusalOf(file);
    setRefusal(refused);
    if (!refused) upload.mutate(file);
  };
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={2} size="h4">
            CV and files
          </Title>
          <FileButton onChange={pick} accept={ATTACHMENT_ACCEPT}>
            {(props) => (
              <Button
                {...props}
                size="xs"
                variant="light"
                leftSection={<IconUpload size={14} />}
                loading={upload.isPending}
              >
                Upload file
              </Button>
            )}
          </FileButton>
        </Group>
        <Text size="xs" c="dimmed">
          PDF, Word (.doc, .docx) or plain text, up to 5 MB.
        </Text>
        {refusal ? (
          <Alert color="red" icon={<IconAlertTriangle />} title="Not uploaded" role="alert">
            {refusal}
          </Alert>
        ) : null}
        {detail.attachments.length === 0 ? (
          <Text size="sm" c="dimmed">
            No files yet.
          </Text>
        ) : (
          detail.attachments.map((file) => (
            <Group key={file.id} justify="space-between" wrap="nowrap">
              <Group gap="xs" wrap="nowrap">
                <IconFileText size={18} />
                <Stack gap={0}>
                  <Anchor href={attachmentUrl(file.id)} download={file.fileName} size="sm">
                    {file.fileName}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {`${fileSizeText(file.sizeBytes)} · ${file.uploadedByName ?? 'Someone'} · ${formatDateTime(file.createdAt)}`}
                  </Text>
                </Stack>
              </Group>
              <Tooltip label="Delete">
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete ${file.fileName}`}
                  loading={remove.isPending && remove.variables === file.id}
                  onClick={() => {
                    if (window.confirm(`Delete ${file.fileName}?`)) remove.mutate(file.id);
                  }}
                >
                  <IconTrash size={16} />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))
        )}
      </Stack>
    </Paper>
  );
}
