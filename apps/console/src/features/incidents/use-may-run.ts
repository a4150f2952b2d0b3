import { mayRunIncident } from '@switchboard/domain';
import { useViewer } from '@switchboard/ui/auth';

/** Whether the viewer runs this incident; the server decides, this only hides refused controls. */
export function useMayRun(incident: {
  commanderId: string | null;
  communicationsId: string | null;
}) {
  const viewer = useViewer();
  return mayRunIncident({ userId: viewer.id, role: viewer.role }, incident);
}
