import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { type QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { switchboardTheme } from './theme.ts';
import {
  createQueryClient,
  createSwitchboardTRPCClient,
  type SwitchboardTRPCClient,
  TRPCProvider,
} from './trpc.tsx';

export interface SwitchboardProviderProps {
  children: ReactNode;
  /** Tests pass their own clients; apps let the provider create them once. */
  queryClient?: QueryClient;
  trpcClient?: SwitchboardTRPCClient;
}

/** Everything a Switchboard screen needs above it: theme, notifications, queries and tRPC. */
export function SwitchboardProvider({
  children,
  queryClient,
  trpcClient,
}: SwitchboardProviderProps) {
  const [ownQueryClient] = useState(() => queryClient ?? createQueryClient());
  const [ownTrpcClient] = useState(() => trpcClient ?? createSwitchboardTRPCClient());
  return (
    <MantineProvider theme={switchboardTheme} defaultColorScheme="auto">
      <Notifications position="top-right" />
      <QueryClientProvider client={ownQueryClient}>
        <TRPCProvider queryClient={ownQueryClient} trpcClient={ownTrpcClient}>
          {children}
        </TRPCProvider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
