import { SwitchboardProvider } from '@switchboard/ui';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createWorkspaceRouter } from './router.tsx';

export function App() {
  const [router] = useState(createWorkspaceRouter);
  return (
    <SwitchboardProvider>
      <RouterProvider router={router} />
    </SwitchboardProvider>
  );
}
