import { screen } from '@testing-library/react';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { mockViewer } from '../testing/fixtures.ts';
import { renderRoutes } from '../testing/render.tsx';
import { MockTRPCError, trpcHandler } from '../testing/trpc-handlers.ts';
import { RequireSession } from './RequireSession.tsx';
import { useViewer } from './viewer-context.ts';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function Greeting() {
  const viewer = useViewer();
  return <h1>Hello {viewer.name}</h1>;
}

const routes = [
  { path: '/sign-in', element: <h1>Sign-in page</h1> },
  {
    path: '/reports',
    element: (
      <RequireSession access="console" notAllowed={<h1>Not for you</h1>}>
        <Greeting />
      </RequireSession>
    ),
  },
];

describe('RequireSession', () => {
  it('sends a signed-out visitor to /sign-in, remembering where they were going', async () => {
    server.use(
      trpcHandler({
        'people.me': () => {
          throw new MockTRPCError('UNAUTHORIZED', 'Sign in to continue');
        },
      }),
    );
    const { router } = renderRoutes({ path: '/reports?week=12', routes });
    expect(await screen.findByRole('heading', { name: 'Sign-in page' })).toBeInTheDocument();
    expect(router.state.location.state).toEqual({ from: '/reports?week=12' });
  });

  it('gives the children the viewer when they may open the surface', async () => {
    server.use(trpcHandler({ 'people.me': () => mockViewer({ role: 'lead', name: 'Lena' }) }));
    renderRoutes({ path: '/reports', routes });
    expect(await screen.findByRole('heading', { name: 'Hello Lena' })).toBeInTheDocument();
  });

  it('shows the refusal when the role lacks access', async () => {
    server.use(trpcHandler({ 'people.me': () => mockViewer({ role: 'agent' }) }));
    renderRoutes({ path: '/reports', routes });
    expect(await screen.findByRole('heading', { name: 'Not for you' })).toBeInTheDocument();
  });

  it('offers a retry when the server fails', async () => {
    server.use(
      trpcHandler({
        'people.me': () => {
          throw new MockTRPCError('BAD_REQUEST', 'Something odd');
        },
      }),
    );
    renderRoutes({ path: '/reports', routes });
    expect(await screen.findByRole('button', { name: 'Try again' })).toBeInTheDocument();
    expect(screen.getByText('Something odd')).toBeInTheDocument();
  });
});
