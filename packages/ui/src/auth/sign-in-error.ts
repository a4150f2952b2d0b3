export const INVALID_CREDENTIALS_MESSAGE = 'Invalid email or password';
export const TOO_MANY_ATTEMPTS_MESSAGE = 'Too many sign-in attempts — wait a minute and try again';
export const SIGN_IN_UNAVAILABLE_MESSAGE =
  'Sign-in is unavailable right now. Check your connection and try again.';

/** What to tell a person whose sign-in the server refused, from the HTTP status. */
export function describeSignInFailure(status: number | undefined): string {
  if (status === 429) return TOO_MANY_ATTEMPTS_MESSAGE;
  if (status === 401 || status === 400 || status === 403) return INVALID_CREDENTIALS_MESSAGE;
  return SIGN_IN_UNAVAILABLE_MESSAGE;
}
