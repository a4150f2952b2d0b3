export { authClient } from './auth-client.ts';
export { RequireSession, type RequireSessionProps } from './RequireSession.tsx';
export { SignInPage, type SignInPageProps } from './SignInPage.tsx';
export {
  describeSignInFailure,
  INVALID_CREDENTIALS_MESSAGE,
  TOO_MANY_ATTEMPTS_MESSAGE,
} from './sign-in-error.ts';
export { useSignOut } from './use-sign-out.ts';
export { useViewer, type Viewer } from './viewer-context.ts';
