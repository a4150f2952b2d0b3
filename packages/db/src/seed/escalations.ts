import { exampleEscalationMatrix } from '@switchboard/domain';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { saveEscalationMatrixEntry } from '../queries/escalation-matrix.ts';
import { users } from '../schema/index.ts';
import { DEMO_EMAIL_DOMAIN } from './organisation.ts';

/** The demo's escalation matrix: the example one, set up by the admin when the company began. */
export async function insertDemoEscalationMatrix(
  db: DatabaseOrTransaction,
  createdAt: Date,
): Promise<number> {
  const [admin] = await db
    .select({ id: users.id })
    .from(users)
    .where(eq(users.email, `admin@${DEMO_EMAIL_DOMAIN}`));
  for (const entry of exampleEscalationMatrix) {
    await saveEscalationMatrixEntry(db, entry, { actorId: admin?.id ?? null, now: createdAt });
  }
  return exampleEscalationMatrix.length;
}
