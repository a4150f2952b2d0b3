import { Text, Timeline } from '@mantine/core';
import {
  QA_REVIEW_EVENT_LABELS,
  QA_SAMPLE_LABELS,
  QA_SETTLEMENT_LABELS,
  type QaReviewEventType,
  type QaSampleKind,
  type QaSettlement,
} from '@switchboard/domain';
import { formatDateTime } from '../format.ts';

export interface QaReviewEvent {
  id: string;
  type: string;
  actorName: string | null;
  payload: Record<string, unknown>;
  occurredAt: Date;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.length > 0 ? value : null;
}

/** The line under an event: what it said or changed. */
function detailOf(event: QaReviewEvent): string | null {
  const { payload } = event;
  switch (event.type) {
    case 'started': {
      const sample = QA_SAMPLE_LABELS[payload.sample as QaSampleKind];
      return sample ? `Picked from: ${sample}` : null;
    }
    case 'submitted':
      return typeof payload.score === 'number'
        ? `Score ${payload.score}%${payload.autoFailed ? ' (auto-fail)' : ''}`
        : null;
    case 'acknowledged':
      return text(payload.note) ? `“${text(payload.note)}”` : null;
    case 'disputed':
      return text(payload.reason) ? `“${text(payload.reason)}”` : null;
    case 'settled': {
      const outcome = QA_SETTLEMENT_LABELS[payload.outcome as QaSettlement] ?? 'Settled';
      const before = (payload.before as { score?: unknown } | undefined)?.score;
      const after = (payload.after as { score?: unknown } | undefined)?.score;
      const change =
        typeof before === 'number' && typeof after === 'number' ? ` (${before}% → ${after}%)` : '';
      const note = text(payload.note);
      return `${outcome}${change}${note ? ` — “${note}”` : ''}`;
    }
    default:
      return null;
  }
}

/** Everything that happened to a review, who did it and when. */
export function QaReviewHistory({ events }: { events: readonly QaReviewEvent[] }) {
  return (
    <Timeline bulletSize={12} lineWidth={2} active={events.length - 1} aria-label="Review history">
      {events.map((event) => {
        const detail = detailOf(event);
        return (
          <Timeline.Item
            key={event.id}
            title={QA_REVIEW_EVENT_LABELS[event.type as QaReviewEventType] ?? event.type}
          >
            <Text size="xs" c="dimmed">
              {event.actorName ? `${event.actorName} · ` : ''}
              <time dateTime={event.occurredAt.toISOString()}>
                {formatDateTime(event.occurredAt)}
              </time>
            </Text>
            {detail ? (
              <Text size="sm" mt={2} style={{ whiteSpace: 'pre-wrap' }}>
                {detail}
              </Text>
            ) : null}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
