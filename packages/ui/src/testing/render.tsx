import { type RenderResult, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, type RouteObject, RouterProvider } from 'react-router';
import { SwitchboardProvider } from '../SwitchboardProvider.tsx';
import { createQueryClient, createSwitchboardTRPCClient } from '../trpc.tsx';

export interface RenderRouteOptions {
  /** The URL to start at, e.g. `/inbox?status=open`. */
  path: string;
  routes: RouteObject[];
}

/** Renders routes inside the real providers, with fresh clients so no test sees another's cache. */
export function renderRoutes({ path, routes }: RenderRouteOptions): RenderResult & {
  router: ReturnType<typeof createMemoryRouter>;
} {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient();
  // Keep the real retry policy, without the seconds of back-off between attempts.
  const defaults = queryClient.getDefaultOptions();
  queryClient.setDefaultOptions({ ...defaults, queries: { ...defaults.queries, retryDelay: 0 } });
  const result = render(
    <SwitchboardProvider queryClient={queryClient} trpcClient={createSwitchboardTRPCClient()}>
      <RouterProvider router={router} />
    </SwitchboardProvider>,
  );
  return { ...result, router };
}

/** Renders one element at `path` (plus a `/sign-in` marker route for redirects). */
export function renderWithProviders(element: ReactElement, path = '/') {
  return renderRoutes({
    path,
    routes: [
      { path: '*', element },
      { path: '/sign-in', element: <p>Sign-in page</p> },
    ],
  });
}
