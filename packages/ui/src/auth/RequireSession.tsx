import { Center, Loader } from '@mantine/core';
import type { AccessLevel } from '@switchboard/domain';
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState.tsx';
import { useTRPC } from '../trpc.tsx';
import { describeError, trpcErrorCode } from '../trpc-errors.ts';
import { ViewerContext } from './viewer-context.ts';

export interface RequireSessionProps {
  children: ReactNode;
  /** The surface the children belong to; a viewer without it sees `notAllowed` instead. */
  access?: AccessLevel;
  notAllowed?: ReactNode;
}

/**
 * Loads the signed-in staff member once for the whole app. Signed-out visitors go to the
 * app's `/sign-in`, remembering where they were headed.
 */
export function RequireSession({ children, access, notAllowed = null }: RequireSessionProps) {
  const trpc = useTRPC();
  const location = useLocation();
  const me = useQuery(trpc.people.me.queryOptions());

  if (me.isPending) {
    return (
      <Center mih="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (me.isError) {
    if (trpcErrorCode(me.error) === 'UNAUTHORIZED') {
      const from = `${location.pathname}${location.search}`;
      return <Navigate to="/sign-in" replace state={{ from }} />;
    }
    return (
      <Center mih="100vh">
        <ErrorState message={describeError(me.error)} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return (
    <ViewerContext value={me.data}>
      {access && !me.data.access[access] ? notAllowed : children}
    </ViewerContext>
  );
}
