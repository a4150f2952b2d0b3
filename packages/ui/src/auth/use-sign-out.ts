import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import { authClient } from './auth-client.ts';

/** Ends the session, forgets every cached answer, and returns to the app's sign-in page. */
export function useSignOut(): () => Promise<void> {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useCallback(async () => {
    await authClient.signOut();
    queryClient.clear();
    await navigate('/sign-in', { replace: true });
  }, [queryClient, navigate]);
}
