import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import { SwitchboardProvider } from './SwitchboardProvider.tsx';
import { createQueryClient, useRefreshArea } from './trpc.tsx';

describe('useRefreshArea', () => {
  it('marks every cached query of the named routers stale, and no other', async () => {
    const queryClient = createQueryClient();
    const keyOf = (router: string, procedure: string) => [[router, procedure], { type: 'query' }];
    for (const [router, procedure] of [
      ['training', 'record'],
      ['certifications', 'holders'],
      ['qa', 'reviews'],
    ] as const) {
      queryClient.setQueryData(keyOf(router, procedure), { cached: true });
    }
    const wrapper = ({ children }: { children: ReactNode }) => (
      <SwitchboardProvider queryClient={queryClient}>{children}</SwitchboardProvider>
    );
    const { result } = renderHook(() => useRefreshArea('training', 'certifications'), {
      wrapper,
    });
    await act(() => result.current());
    const invalidated = (router: string, procedure: string) =>
      queryClient.getQueryState(keyOf(router, procedure))?.isInvalidated;
    expect(invalidated('training', 'record')).toBe(true);
    expect(invalidated('certifications', 'holders')).toBe(true);
    expect(invalidated('qa', 'reviews')).toBe(false);
  });
});
