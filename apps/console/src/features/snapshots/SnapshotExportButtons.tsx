import { Button, Group } from '@mantine/core';
import { IconCopy, IconFileTypePdf, IconMarkdown, IconPrinter } from '@tabler/icons-react';
import { useSnapshotExports } from './use-snapshot-exports.ts';

/** Markdown and PDF of the snapshot, as files, on the clipboard, or on paper. */
export function SnapshotExportButtons({ snapshotId }: { snapshotId: string }) {
  const { downloadMarkdown, downloadPdf, copyMarkdown } = useSnapshotExports(snapshotId);
  return (
    <Group gap="xs" data-print-hidden>
      <Button
        variant="default"
        leftSection={<IconMarkdown size={16} />}
        loading={downloadMarkdown.isPending}
        onClick={() => downloadMarkdown.mutate()}
      >
        Download Markdown
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileTypePdf size={16} />}
        loading={downloadPdf.isPending}
        onClick={() => downloadPdf.mutate()}
      >
        Download PDF
      </Button>
      <Button
        variant="default"
        leftSection={<IconCopy size={16} />}
        loading={copyMarkdown.isPending}
        onClick={() => copyMarkdown.mutate()}
      >
        Copy Markdown
      </Button>
      <Button
        variant="subtle"
        leftSection={<IconPrinter size={16} />}
        onClick={() => window.print()}
      >
        Print
      </Button>
    </Group>
  );
}
