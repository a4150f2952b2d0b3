import { SwitchboardProvider } from '@switchboard/ui';
import { useState } from 'react';
import { RouterProvider } from 'react-router';
import { createConsoleRouter } from './router.tsx';

export function App() {
  const [router] = useState(createConsoleRouter);
  return (
    <SwitchboardProvider>
      <RouterProvider router={router} />
    </SwitchboardProvider>
  );
}
