import { eq } from 'drizzle-orm';
import type { Database } from '../client.ts';
import { candidateAttachments, candidates } from '../schema/index.ts';
import { HiringError } from './hiring-refusal.ts';

/*
 * The rows that list a candidate's files. The bytes are the server's (on its disk, under
 * the data directory); a row is written only once its file is safely stored.
 */

export interface NewAttachment {
  candidateId: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedById: string;
}

export async function candidateExists(db: Database, candidateId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: candidates.id })
    .from(candidates)
    .where(eq(candidates.id, candidateId));
  return row !== undefined;
}

export async function addCandidateAttachment(db: Database, attachment: NewAttachment) {
  return db.transaction(async (tx) => {
    const [candidate] = await tx
      .select({ id: candidates.id })
      .from(candidates)
      .where(eq(candidates.id, attachment.candidateId))
      .for('share');
    if (!candidate) throw new HiringError('NOT_FOUND', 'There is no such candidate', 'candidateId');
    const [row] = await tx.insert(candidateAttachments).values(attachment).returning({
      id: candidateAttachments.id,
      fileName: candidateAttachments.fileName,
      contentType: candidateAttachments.contentType,
      sizeBytes: candidateAttachments.sizeBytes,
      createdAt: candidateAttachments.createdAt,
    });
    return row!;
  });
}

export async function attachmentById(db: Database, id: string) {
  const [row] = await db
    .select({
      id: candidateAttachments.id,
      candidateId: candidateAttachments.candidateId,
      fileName: candidateAttachments.fileName,
      contentType: candidateAttachments.contentType,
      sizeBytes: candidateAttachments.sizeBytes,
      sha256: candidateAttachments.sha256,
      storageKey: candidateAttachments.storageKey,
    })
    .from(candidateAttachments)
    .where(eq(candidateAttachments.id, id));
  return row ?? null;
}

/** Removes the row; returns where its file was, for the server to delete, or null. */
export async function deleteCandidateAttachment(db: Database, id: string) {
  const [row] = await db
    .delete(candidateAttachments)
    .where(eq(candidateAttachments.id, id))
    .returning({ storageKey: candidateAttachments.storageKey });
  return row?.storageKey ?? null;
}
