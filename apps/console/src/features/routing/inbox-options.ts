import { ASSIGNMENT_MODES, type AssignmentMode, CHANNELS } from '@switchboard/domain';
import { CHANNEL_LABELS } from '@switchboard/ui';

export const MODE_LABELS: Record<AssignmentMode, string> = {
  manual: 'Manual',
  round_robin: 'Round robin',
  least_loaded: 'Least loaded',
};
export const MODE_DESCRIPTIONS: Record<AssignmentMode, string> = {
  manual: 'Conversations wait in the queue until an agent takes one or a lead assigns it.',
  round_robin: 'Each new conversation goes to the next eligible agent in turn.',
  least_loaded:
    'Each new conversation goes to the eligible agent with the fewest open conversations.',
};
export const MODE_OPTIONS = ASSIGNMENT_MODES.map((mode) => ({
  value: mode,
  label: MODE_LABELS[mode],
}));
export const CHANNEL_OPTIONS = CHANNELS.map((channel) => ({
  value: channel,
  label: CHANNEL_LABELS[channel],
}));

/** The mode a SegmentedControl reported, as the schema's type. */
export function assignmentModeOf(value: string): AssignmentMode {
  return ASSIGNMENT_MODES.find((known) => known === value) ?? 'manual';
}
