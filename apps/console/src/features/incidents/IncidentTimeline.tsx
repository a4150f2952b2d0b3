import { Text, Timeline, Tooltip } from '@mantine/core';
import { formatDateTime, formatRelativeTime } from '@switchboard/ui';
import type { IncidentDetail } from './incident-detail.ts';

export interface IncidentTimelineProps {
  timeline: IncidentDetail['timeline'];
  now: Date;
}

/** What happened when, as the domain tells it from the incident's events. */
export function IncidentTimeline({ timeline, now }: IncidentTimelineProps) {
  if (timeline.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing recorded yet.
      </Text>
    );
  }
  return (
    <Timeline bulletSize={12} lineWidth={2} aria-label="Incident timeline">
      {timeline.map((entry, index) => (
        <Timeline.Item
          // Entries have no id; the same text at the same time is the same entry.
          key={`${entry.at.getTime()}-${index}`}
          title={<Text size="sm">{entry.text}</Text>}
        >
          <Tooltip label={formatDateTime(entry.at)}>
            <Text size="xs" c="dimmed" component="span">
              {formatRelativeTime(entry.at, now)}
            </Text>
          </Tooltip>
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
