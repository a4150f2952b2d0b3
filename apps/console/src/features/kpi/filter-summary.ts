import { AUDIENCE_LABELS, CHANNEL_LABELS, type KpiFilter } from '@switchboard/domain';
import type { RouterOutputs } from '@switchboard/ui/trpc';

type Options = RouterOutputs['kpi']['filterOptions'];

function nameIn(rows: ReadonlyArray<{ id: string; name: string }> | undefined, id: string): string {
  return rows?.find((row) => row.id === id)?.name ?? '…';
}

/** The filter as a lead reads it: "Drivers", "City: Lisbon", "Agent: Ana Silva". */
export function describeFilter(filter: KpiFilter, options: Options | undefined): string[] {
  const parts: string[] = [];
  if (filter.audience) parts.push(`${AUDIENCE_LABELS[filter.audience]}s`);
  if (filter.channel) parts.push(`Channel: ${CHANNEL_LABELS[filter.channel]}`);
  if (filter.cityId) parts.push(`City: ${nameIn(options?.cities, filter.cityId)}`);
  if (filter.teamId) parts.push(`Team: ${nameIn(options?.teams, filter.teamId)}`);
  if (filter.inboxId) parts.push(`Inbox: ${nameIn(options?.inboxes, filter.inboxId)}`);
  if (filter.agentId) parts.push(`Agent: ${nameIn(options?.agents, filter.agentId)}`);
  if (filter.requestTypeId) {
    parts.push(`Request type: ${nameIn(options?.requestTypes, filter.requestTypeId)}`);
  }
  return parts;
}
