import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { renderRoutes } from '../testing/render.tsx';
import { SignInPage } from './SignInPage.tsx';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

function renderSignIn() {
  return renderRoutes({
    path: '/sign-in',
    routes: [
      {
        path: '/sign-in',
        element: <SignInPage appName="Workspace" demoHint="Demo: agent@switchboard.test" />,
      },
      { path: '/', element: <h1>Signed in home</h1> },
    ],
  });
}

async function submit(email: string, password: string) {
  const user = userEvent.setup();
  if (email) await user.type(screen.getByLabelText('Email'), email);
  if (password) await user.type(screen.getByLabelText('Password'), password);
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignInPage', () => {
  it('shows the schema field errors and does not call the server for an invalid email', async () => {
    let calls = 0;
    server.use(
      http.post('*/api/auth/sign-in/email', () => {
        calls += 1;
        return HttpResponse.json({});
      }),
    );
    renderSignIn();
    expect(screen.getByText('Demo: agent@switchboard.test')).toBeInTheDocument();
    await submit('not-an-email', '');
    expect(await screen.findByText('Enter a valid email address')).toBeInTheDocument();
    expect(screen.getByText('Password is required')).toBeInTheDocument();
    expect(calls).toBe(0);
  });

  it('sends the credentials and says so when they are wrong (401)', async () => {
    let body: unknown;
    server.use(
      http.post('*/api/auth/sign-in/email', async ({ request }) => {
        body = await request.json();
        return HttpResponse.json(
          { code: 'INVALID_EMAIL_OR_PASSWORD', message: 'Invalid email or password' },
          { status: 401 },
        );
      }),
    );
    renderSignIn();
    await submit('agent@switchboard.test', 'wrong-password');
    expect(await screen.findByRole('alert')).toHaveTextContent('Invalid email or password');
    expect(body).toMatchObject({ email: 'agent@switchboard.test', password: 'wrong-password' });
  });

  it('asks the person to wait when sign-in is rate-limited (429)', async () => {
    server.use(
      http.post('*/api/auth/sign-in/email', () =>
        HttpResponse.json({ message: 'Too many requests' }, { status: 429 }),
      ),
    );
    renderSignIn();
    await submit('agent@switchboard.test', 'switchboard-demo');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Too many sign-in attempts — wait a minute and try again',
    );
  });

  it('goes to the app once signed in', async () => {
    server.use(
      http.post('*/api/auth/sign-in/email', () =>
        HttpResponse.json({ redirect: false, token: 'token', user: { id: 'u1' } }),
      ),
    );
    renderSignIn();
    await submit('agent@switchboard.test', 'switchboard-demo');
    await waitFor(() =>
      expect(screen.getByRole('heading', { name: 'Signed in home' })).toBeInTheDocument(),
    );
  });
});
