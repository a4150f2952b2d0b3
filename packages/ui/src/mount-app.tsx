import { StrictMode, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { SwitchboardProvider } from './SwitchboardProvider.tsx';

type AppRouter = Parameters<typeof RouterProvider>[0]['router'];

function RoutedApp({ createRouter }: { createRouter: () => AppRouter }) {
  // One router for the life of the page, created after the providers exist.
  const [router] = useState(createRouter);
  return (
    <SwitchboardProvider>
      <RouterProvider router={router} />
    </SwitchboardProvider>
  );
}

/** Renders a Switchboard app (its router inside the shared providers) into #root. */
export function mountApp(createRouter: () => AppRouter): void {
  const rootElement = document.getElementById('root');
  if (!rootElement) throw new Error('The page has no #root element');
  createRoot(rootElement).render(
    <StrictMode>
      <RoutedApp createRouter={createRouter} />
    </StrictMode>,
  );
}
