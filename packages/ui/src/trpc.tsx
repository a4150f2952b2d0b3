import type { AppRouter } from '@switchboard/api';
import { QueryClient, useQueryClient } from '@tanstack/react-query';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
import { createTRPCContext } from '@trpc/tanstack-react-query';
import { useCallback } from 'react';
import superjson from 'superjson';
import { isClientError } from './trpc-errors.ts';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

export type SwitchboardTRPCClient = TRPCClient<AppRouter>;

/** The server serves tRPC on the same origin; the session travels in its httpOnly cookie. */
export function createSwitchboardTRPCClient(
  origin = window.location.origin,
): SwitchboardTRPCClient {
  return createTRPCClient<AppRouter>({
    links: [
      httpBatchLink({
        url: `${origin}/trpc`,
        transformer: superjson,
        fetch: (url, options) => fetch(url, { ...options, credentials: 'include' }),
      }),
    ],
  });
}

const MAX_RETRIES = 2;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // A 4xx (signed out, forbidden, not found, bad input) will not change by asking again.
        retry: (failureCount, error) => !isClientError(error) && failureCount < MAX_RETRIES,
      },
    },
  });
}

type ApiArea = keyof AppRouter['_def']['record'];

/** After a change in `areas`: every query of those routers (lists, pages, counts) reads again. */
export function useRefreshArea(...areas: ApiArea[]) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const key = areas.join(' ');
  return useCallback(
    () =>
      Promise.all(
        areas.map((area) => queryClient.invalidateQueries({ queryKey: trpc[area].pathKey() })),
      ),
    [queryClient, trpc, key],
  );
}
