import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { describeError } from '../trpc-errors.ts';
import { EmptyState, type EmptyStateProps } from './EmptyState.tsx';
import { ErrorState } from './ErrorState.tsx';
import { TableSkeleton } from './TableSkeleton.tsx';

export interface ListQueryStateProps<Item> {
  query: UseQueryResult<{ items: Item[] }, unknown>;
  /** Accessible name of the loading placeholder, e.g. "Loading people". */
  loadingLabel: string;
  empty: EmptyStateProps;
  children: (items: Item[]) => ReactNode;
}

/** The one way a paged list shows loading, failure (with retry), nothing found, or its rows. */
export function ListQueryState<Item>({
  query,
  loadingLabel,
  empty,
  children,
}: ListQueryStateProps<Item>) {
  if (query.isPending) return <TableSkeleton label={loadingLabel} />;
  if (query.isError) {
    return <ErrorState message={describeError(query.error)} onRetry={() => void query.refetch()} />;
  }
  if (query.data.items.length === 0) return <EmptyState {...empty} />;
  return children(query.data.items);
}
