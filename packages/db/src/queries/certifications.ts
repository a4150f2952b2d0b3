import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { certifications, userCertifications } from '../schema/index.ts';

/*
 * Granting a certification: on completing a curriculum, or by a trainer. A grant that already
 * exists is renewed (new grant time and expiry), so renewal is the same act as granting.
 */

export interface GrantCertificationInput {
  userId: string;
  certificationId: string;
  grantedById: string | null;
  source: 'curriculum' | 'trainer' | 'seed';
  curriculumId?: string | null;
  now?: Date;
}

/** Grants (or renews) the certification; the expiry follows its validity. Returns the expiry. */
export async function grantCertification(
  tx: DatabaseOrTransaction,
  input: GrantCertificationInput,
): Promise<{ expiresAt: Date | null }> {
  const now = input.now ?? new Date();
  const [certification] = await tx
    .select({ validityDays: certifications.validityDays })
    .from(certifications)
    .where(eq(certifications.id, input.certificationId));
  if (!certification) throw new Error(`unknown certification ${input.certificationId}`);
  const expiresAt =
    certification.validityDays === null
      ? null
      : new Date(now.getTime() + certification.validityDays * 86_400_000);
  const values = {
    grantedAt: now,
    expiresAt,
    grantedById: input.grantedById,
    source: input.source,
    curriculumId: input.curriculumId ?? null,
    reminderSentForExpiry: null,
  };
  await tx
    .insert(userCertifications)
    .values({ userId: input.userId, certificationId: input.certificationId, ...values })
    .onConflictDoUpdate({
      target: [userCertifications.userId, userCertifications.certificationId],
      set: values,
    });
  return { expiresAt };
}
