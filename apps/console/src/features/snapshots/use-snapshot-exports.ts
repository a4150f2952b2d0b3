import { notifications } from '@mantine/notifications';
import { describeError, downloadFile } from '@switchboard/ui';
import { useTRPC } from '@switchboard/ui/trpc';
import { useMutation, usePrefetchQuery, useQueryClient } from '@tanstack/react-query';
import { base64Bytes } from './snapshot-format.ts';

/** The browser refused the clipboard (no permission, or a page not served over HTTPS). */
class ClipboardRefused extends Error {}

function failureNotice(what: string) {
  return (error: unknown) =>
    notifications.show({
      color: 'red',
      title: `Could not ${what}`,
      message: error instanceof ClipboardRefused ? error.message : describeError(error),
    });
}

/**
 * The snapshot as Markdown (a file or the clipboard) and as PDF. A snapshot never changes,
 * so what was fetched once stays good; the Markdown is fetched with the page so copying
 * happens while the click still counts as the viewer's gesture.
 */
export function useSnapshotExports(snapshotId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const markdownQuery = {
    ...trpc.kpi.snapshots.markdown.queryOptions({ snapshotId }),
    staleTime: Number.POSITIVE_INFINITY,
  };
  usePrefetchQuery(markdownQuery);
  const markdownOf = () => queryClient.fetchQuery(markdownQuery);

  const downloadMarkdown = useMutation({
    mutationFn: async () => {
      const { filename, markdown } = await markdownOf();
      downloadFile(filename, markdown, 'text/markdown;charset=utf-8');
    },
    onError: failureNotice('download the Markdown'),
  });

  const downloadPdf = useMutation({
    mutationFn: async () => {
      const { filename, base64 } = await queryClient.fetchQuery({
        ...trpc.kpi.snapshots.pdf.queryOptions({ snapshotId }),
        staleTime: Number.POSITIVE_INFINITY,
      });
      downloadFile(filename, base64Bytes(base64), 'application/pdf');
    },
    onError: failureNotice('download the PDF'),
  });

  const copyMarkdown = useMutation({
    mutationFn: async () => {
      const { markdown } = await markdownOf();
      if (!navigator.clipboard) {
        throw new ClipboardRefused(
          'This browser does not allow copying here: download it instead.',
        );
      }
      try {
        await navigator.clipboard.writeText(markdown);
      } catch {
        throw new ClipboardRefused('The browser refused to copy: download the Markdown instead.');
      }
    },
    onSuccess: () =>
      notifications.show({
        color: 'teal',
        message: 'Markdown copied: paste it in a doc or a channel.',
      }),
    onError: failureNotice('copy the Markdown'),
  });

  return { downloadMarkdown, downloadPdf, copyMarkdown };
}
