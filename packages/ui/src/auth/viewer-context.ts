import { createContext, useContext } from 'react';
import type { RouterOutputs } from '../trpc.tsx';

export type Viewer = RouterOutputs['people']['me'];

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in staff member; only inside `RequireSession`. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer must be used inside <RequireSession>');
  return viewer;
}
