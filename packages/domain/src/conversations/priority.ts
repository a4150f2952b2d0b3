import { z } from 'zod';

export const PRIORITIES = ['P1', 'P2', 'P3', 'P4'] as const;
export const prioritySchema = z.enum(PRIORITIES);
export type Priority = z.infer<typeof prioritySchema>;

export const PRIORITY_LABELS: Record<Priority, { label: string; meaning: string }> = {
  P1: { label: 'Urgent', meaning: 'Safety, or someone stranded now' },
  P2: { label: 'High', meaning: 'Money or a trip within hours' },
  P3: { label: 'Normal', meaning: 'Most requests' },
  P4: { label: 'Low', meaning: 'Feedback, no action owed' },
};

/** Negative when `a` is more urgent than `b`, for sorting queues. */
export function comparePriority(a: Priority, b: Priority): number {
  return PRIORITIES.indexOf(a) - PRIORITIES.indexOf(b);
}
