import { reacknowledgementTitle } from '@switchboard/domain';
import { and, eq, lt } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { trainingEnrolments, trainingModules, trainingProgress } from '../schema/index.ts';
import { notifyPeople } from './notifications.ts';
import { MY_TRAINING_LINK } from './training-enrolment.ts';

/**
 * A new version of an SOP is published: everyone who completed a reading of that SOP at an
 * older version is asked to re-acknowledge it. My training lists it from then on (the
 * domain rule compares the acknowledged version with the published one); this sends the
 * notification, in the publishing transaction. Returns the people notified.
 */
export async function askToReacknowledgeSop(
  tx: DatabaseOrTransaction,
  published: { sopId: string; version: number; title: string },
  now: Date = new Date(),
): Promise<string[]> {
  const readers = await tx
    .selectDistinct({ userId: trainingEnrolments.userId })
    .from(trainingProgress)
    .innerJoin(trainingModules, eq(trainingModules.id, trainingProgress.moduleId))
    .innerJoin(trainingEnrolments, eq(trainingEnrolments.id, trainingProgress.enrolmentId))
    .where(
      and(
        eq(trainingModules.kind, 'sop_reading'),
        eq(trainingModules.sopId, published.sopId),
        eq(trainingProgress.status, 'completed'),
        lt(trainingProgress.acknowledgedSopVersion, published.version),
      ),
    );
  return notifyPeople(
    tx,
    readers.map((reader) => reader.userId),
    {
      kind: 'training_reacknowledge',
      title: reacknowledgementTitle(published.title, published.version),
      body: 'A playbook you trained on has a new version. Read it and acknowledge it again.',
      link: MY_TRAINING_LINK,
    },
    now,
  );
}
