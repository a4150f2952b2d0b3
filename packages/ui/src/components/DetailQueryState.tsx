import { Paper, Stack } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeError, trpcErrorCode } from '../trpc-errors.ts';
import { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { TableSkeleton } from './TableSkeleton.tsx';

export interface DetailQueryStateProps<Data> {
  query: UseQueryResult<Data, unknown>;
  /** The way back to the list, shown above the loading and failure states. */
  back: ReactNode;
  /** Accessible name of the loading placeholder, e.g. "Loading the review". */
  loadingLabel: string;
  /** Shown when the server has no such record (NOT_FOUND, or a malformed id: BAD_REQUEST). */
  notFound: EmptyStateProps;
  /** Shown on FORBIDDEN, given the server's message; without it a refusal is a plain failure. */
  forbidden?: (message: string) => EmptyStateProps;
  children: (data: Data) => ReactNode;
}

/** The one way a detail page shows loading, no such record, failure (with retry), or itself. */
export function DetailQueryState<Data>({
  query,
  back,
  loadingLabel,
  notFound,
  forbidden,
  children,
}: DetailQueryStateProps<Data>) {
  if (query.isSuccess) return children(query.data);
  const code = query.isError ? trpcErrorCode(query.error) : null;
  return (
    <Stack gap="md">
      {back}
      <Paper p={0}>
        {query.isPending ? (
          <TableSkeleton label={loadingLabel} />
        ) : code === 'NOT_FOUND' || code === 'BAD_REQUEST' ? (
          <EmptyState {...notFound} />
        ) : code === 'FORBIDDEN' && forbidden ? (
          <EmptyState {...forbidden(describeError(query.error))} />
        ) : (
          <ErrorState message={describeError(query.error)} onRetry={() => void query.refetch()} />
        )}
      </Paper>
    </Stack>
  );
}
