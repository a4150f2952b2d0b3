import { useTRPC } from '@switchboard/ui/trpc';
import { useQuery } from '@tanstack/react-query';

/** Colleagues who can take an incident role or own a fix, as Select options. */
export function useStaffOptions() {
  const trpc = useTRPC();
  const staff = useQuery(trpc.incidents.staff.queryOptions());
  const data = (staff.data ?? []).map((person) => ({ value: person.id, label: person.name }));
  return { data, isPending: staff.isPending, isError: staff.isError };
}
