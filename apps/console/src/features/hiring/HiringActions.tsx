import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import { HireModal } from './HireModal.tsx';
import { RejectModal } from './RejectModal.tsx';
import { useHiringOptions } from './use-hiring.ts';

export interface ActionCandidate {
  id: string;
  name: string;
  requisitionId: string;
}

interface HiringActions {
  hire: (candidate: ActionCandidate) => void;
  reject: (candidate: ActionCandidate) => void;
}

const HiringActionsContext = createContext<HiringActions | null>(null);

/**
 * The hire and reject dialogs of a page, opened from any card or button inside it. They
 * live here, not on the card: a hired candidate's card moves to another column (or away),
 * and the invitation link must stay on screen until the trainer has copied it.
 */
export function HiringActionsProvider({ children }: { children: ReactNode }) {
  const options = useHiringOptions();
  const [hiring, setHiring] = useState<ActionCandidate | null>(null);
  const [rejecting, setRejecting] = useState<ActionCandidate | null>(null);
  const actions = useMemo(() => ({ hire: setHiring, reject: setRejecting }), []);
  return (
    <HiringActionsContext.Provider value={actions}>
      {children}
      <HireModal candidate={hiring} onClose={() => setHiring(null)} />
      <RejectModal
        candidate={rejecting}
        rejectedStageId={options.data?.stages.find((stage) => stage.kind === 'rejected')?.id}
        onClose={() => setRejecting(null)}
      />
    </HiringActionsContext.Provider>
  );
}

export function useHiringActions(): HiringActions {
  const actions = useContext(HiringActionsContext);
  if (!actions) throw new Error('useHiringActions needs a HiringActionsProvider above it');
  return actions;
}
