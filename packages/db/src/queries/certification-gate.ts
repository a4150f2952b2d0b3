import { isCertificationValid, type Role } from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { certifications, requestTypes, userCertifications } from '../schema/index.ts';

/**
 * The certification gate outside routing: what an agent would lack to hold a conversation of
 * this request type by hand (assigned by a colleague, or taken by replying), as routing
 * already refuses to give it to them. Null when nothing is missing — always for leads,
 * trainers and admins, who supervise and may take anything.
 */
export async function missingCertification(
  tx: DatabaseOrTransaction,
  person: { id: string; role: Role },
  requestTypeId: string | null,
  now: Date = new Date(),
): Promise<{ certification: string; requestType: string } | null> {
  if (person.role !== 'agent' || requestTypeId === null) return null;
  const [required] = await tx
    .select({
      certificationId: certifications.id,
      certification: certifications.name,
      requestType: requestTypes.name,
    })
    .from(requestTypes)
    .innerJoin(certifications, eq(certifications.id, requestTypes.requiredCertificationId))
    .where(eq(requestTypes.id, requestTypeId));
  if (!required) return null;
  const [grant] = await tx
    .select({ expiresAt: userCertifications.expiresAt })
    .from(userCertifications)
    .where(
      and(
        eq(userCertifications.userId, person.id),
        eq(userCertifications.certificationId, required.certificationId),
      ),
    );
  if (grant && isCertificationValid(grant, now)) return null;
  return { certification: required.certification, requestType: required.requestType };
}
