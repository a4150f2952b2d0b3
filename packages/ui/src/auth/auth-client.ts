import { createAuthClient } from 'better-auth/react';

/** better-auth on the same origin as the apps; the session is an httpOnly cookie. */
export const authClient = createAuthClient({
  baseURL: window.location.origin,
  basePath: '/api/auth',
  fetchOptions: {
    // Look `fetch` up per request rather than once at import, so instrumentation (and MSW in
    // tests) installed later still sees sign-in calls.
    customFetchImpl: (input, init) => fetch(input, init),
  },
});
