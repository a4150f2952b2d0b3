import {
  MockTRPCError,
  type ProcedureInput,
  type ProcedureOutput,
  renderRoutes,
  trpcHandler,
  trpcMutationHandler,
} from '@switchboard/ui/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { workspaceRoutes } from '../../router.tsx';
import { InvitationPage } from './InvitationPage.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const TOKEN = 'Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6';
const routes = [
  { path: '/invite/:token', element: <InvitationPage /> },
  { path: '/sign-in', element: <p>Sign-in page</p> },
];

type Lookup = ProcedureOutput<'hiring.invitation'>;

const PENDING: Lookup = {
  state: 'pending',
  name: 'Inês Costa',
  email: 'ines.costa@example.com',
  expiresAt: new Date(Date.now() + 5 * 86_400_000),
};

describe('invitation page', () => {
  it('sets the password from the link, then sends the new hire to sign in', async () => {
    const user = userEvent.setup();
    const accepted: ProcedureInput<'hiring.acceptInvitation'>[] = [];
    const lookups: string[] = [];
    server.use(
      trpcHandler({
        'hiring.invitation': (input) => {
          lookups.push(input.token);
          return PENDING;
        },
      }),
      trpcMutationHandler({
        'hiring.acceptInvitation': (input) => {
          accepted.push(input);
          return { email: 'ines.costa@example.com', name: 'Inês Costa' };
        },
      }),
    );
    const { router } = renderRoutes({ path: `/invite/${TOKEN}`, routes });

    expect(await screen.findByText('Welcome, Inês Costa')).toBeInTheDocument();
    expect(lookups).toEqual([TOKEN]);
    expect(screen.getByText(/as ines.costa@example.com/)).toBeInTheDocument();

    const password = screen.getByLabelText('Password');
    const confirm = screen.getByLabelText('Confirm password');
    await user.type(password, 'short');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Password: at least 8 characters')).toBeInTheDocument();

    await user.clear(password);
    await user.type(password, 'lisbon-nights-2026');
    await user.type(confirm, 'lisbon-nights-2025');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(
      await screen.findByText('Confirm password: the two passwords differ'),
    ).toBeInTheDocument();
    expect(accepted).toEqual([]);

    await user.clear(confirm);
    await user.type(confirm, 'lisbon-nights-2026');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText('Your password is set')).toBeInTheDocument();
    expect(accepted).toEqual([{ token: TOKEN, password: 'lisbon-nights-2026' }]);
    expect(
      screen.getByText('Sign in with ines.costa@example.com and your new password.'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('link', { name: 'Sign in' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/sign-in'));
  });

  it('opens without a session, from the workspace’s own routes', async () => {
    server.use(
      trpcHandler({
        'people.me': () => {
          throw new MockTRPCError('UNAUTHORIZED', 'Sign in to continue');
        },
        'hiring.invitation': () => PENDING,
      }),
    );
    renderRoutes({ path: `/invite/${TOKEN}`, routes: workspaceRoutes });
    expect(await screen.findByText('Welcome, Inês Costa')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Set password' })).toBeInTheDocument();
  });

  it.each([
    [
      'expired',
      'This invitation link has expired (links last 7 days). Ask your trainer for a new one.',
    ],
    [
      'revoked',
      'This invitation link was replaced by a newer one. Use the latest link your trainer sent.',
    ],
    [
      'unknown',
      'This invitation link is not valid. Check you copied all of it, or ask your trainer for a new one.',
    ],
  ] as const)('explains a %s link and offers no form', async (state, message) => {
    server.use(trpcHandler({ 'hiring.invitation': () => ({ state, message }) }));
    renderRoutes({ path: `/invite/${TOKEN}`, routes });
    expect(await screen.findByRole('alert')).toHaveTextContent(message);
    expect(screen.queryByLabelText('Password')).toBeNull();
    expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
  });

  it('sends someone whose password is set to sign in', async () => {
    server.use(
      trpcHandler({
        'hiring.invitation': () => ({
          state: 'accepted',
          message: 'This invitation has been used already: your password is set. Sign in with it.',
        }),
      }),
    );
    renderRoutes({ path: `/invite/${TOKEN}`, routes });
    expect(await screen.findByRole('alert')).toHaveTextContent('used already');
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in');
  });

  it('calls a malformed link not valid, and shows a refusal from submitting', async () => {
    server.use(
      trpcHandler({
        'hiring.invitation': () => {
          throw new MockTRPCError(
            'BAD_REQUEST',
            'Invalid input — token: Token: not an invitation token',
          );
        },
      }),
    );
    renderRoutes({ path: '/invite/not-a-token', routes });
    expect(await screen.findByRole('alert')).toHaveTextContent(/not valid/);

    const user = userEvent.setup();
    server.resetHandlers(
      trpcHandler({ 'hiring.invitation': () => PENDING }),
      trpcMutationHandler({
        'hiring.acceptInvitation': () => {
          throw new MockTRPCError(
            'BAD_REQUEST',
            'This invitation has been used already: your password is set. Sign in with it.',
          );
        },
      }),
    );
    renderRoutes({ path: `/invite/${TOKEN}`, routes });
    await user.type(await screen.findByLabelText('Password'), 'lisbon-nights-2026');
    await user.type(screen.getByLabelText('Confirm password'), 'lisbon-nights-2026');
    await user.click(screen.getByRole('button', { name: 'Set password' }));
    expect(await screen.findByText(/used already/)).toBeInTheDocument();
  });
});
