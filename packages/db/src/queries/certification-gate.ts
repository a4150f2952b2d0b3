import {
  heldToCertificationGate,
  lacksRequiredCertification,
  type Role,
} from '@switchboard/domain';
import { and, eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../client.ts';
import { certifications, requestTypes, userCertifications } from '../schema/index.ts';

/**
 * The certification gate outside routing: what an agent would lack to hold a conversation of
 * this request type by hand (assigned by a colleague, or taken by replying), as routing
 * already refuses to give it to them. Null when nothing is missing; the domain decides who is
 * held to the gate.
 */
export async function missingCertification(
  tx: DatabaseOrTransaction,
  person: { id: string; role: Role },
  requestTypeId: string | null,
  now: Date = new Date(),
): Promise<{ certification: string; requestType: string } | null> {
  if (requestTypeId === null || !heldToCertificationGate(person.role)) return null;
  const [required] = await tx
    .select({
      certification: certifications.name,
      requestType: requestTypes.name,
      grantedTo: userCertifications.userId,
      expiresAt: userCertifications.expiresAt,
    })
    .from(requestTypes)
    .innerJoin(certifications, eq(certifications.id, requestTypes.requiredCertificationId))
    .leftJoin(
      userCertifications,
      and(
        eq(userCertifications.certificationId, certifications.id),
        eq(userCertifications.userId, person.id),
      ),
    )
    .where(eq(requestTypes.id, requestTypeId));
  if (!required) return null;
  const grant = required.grantedTo === null ? null : { expiresAt: required.expiresAt };
  if (!lacksRequiredCertification(person.role, grant, now)) return null;
  return { certification: required.certification, requestType: required.requestType };
}
