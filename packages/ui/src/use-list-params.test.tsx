import { act, renderHook } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useListParams } from './use-list-params.ts';

function renderParams(path: string) {
  let location = '';
  const hook = {
    current: null as unknown as ReturnType<typeof useListParams<'audience' | 'city'>>,
  };
  function Probe() {
    hook.current = useListParams(['audience', 'city'] as const);
    location = useLocation().search;
    return null;
  }
  const router = createMemoryRouter([{ path: '/reports', element: <Probe /> }], {
    initialEntries: [path],
  });
  renderHook(() => null, {
    wrapper: ({ children }: { children: ReactNode }) => (
      <>
        <RouterProvider router={router} />
        {children}
      </>
    ),
  });
  return { hook, location: () => location };
}

describe('useListParams', () => {
  it('builds each change on the last one, even before the page has rendered it', async () => {
    const { hook, location } = renderParams('/reports?page=3');
    const { update } = hook.current;
    // Both from the same render, as two quick clicks before the router re-renders.
    await act(async () => {
      update({ audience: 'driver' });
      update({ city: 'lisbon' });
    });
    expect(new URLSearchParams(location())).toEqual(
      new URLSearchParams({ audience: 'driver', city: 'lisbon' }),
    );
    expect(hook.current.values).toEqual({ audience: 'driver', city: 'lisbon' });
    expect(hook.current.page).toBe(1);
  });
});
