import { type Auth, createContext } from '@switchboard/api';
import type { Database } from '@switchboard/db/client';
import {
  addCandidateAttachment,
  attachmentById,
  candidateExists,
  deleteCandidateAttachment,
} from '@switchboard/db/queries/hiring-attachments';
import { checkAttachment, hasAccess, MAX_ATTACHMENT_BYTES } from '@switchboard/domain';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { jsonError } from '../intake/json-errors.ts';
import type { Logger } from '../logger.ts';
import type { AttachmentStore } from './attachment-store.ts';

export interface HiringAttachmentsOptions {
  db: Database;
  auth: Auth;
  store: AttachmentStore;
  logger: Logger;
}

const idSchema = z.uuid();

/** Room for the multipart envelope around a file of the largest size allowed. */
const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

const MAX_MB = MAX_ATTACHMENT_BYTES / 1024 / 1024;

/**
 * Candidate files (CVs) for the console.
 *
 * `POST /api/hiring/candidates/:candidateId/attachments` — multipart/form-data with one
 * `file` field: PDF, Word (.doc, .docx) or plain text, at most 5 MB, its contents matching
 * its name. 201 with the attachment; 400/413/415 JSON naming what is wrong.
 * `GET /api/hiring/attachments/:attachmentId` — the file, as a download.
 * `DELETE /api/hiring/attachments/:attachmentId` — 204.
 *
 * Only trainers, leads and admins, by the same session check as the console's API.
 */
export function mountHiringAttachments(app: Hono, options: HiringAttachmentsOptions): void {
  const { db, auth, store, logger } = options;

  /** The signed-in console user allowed to handle hiring, or the response refusing them. */
  async function hiringViewer(c: Context) {
    const { viewer } = await createContext({ db, auth, headers: c.req.raw.headers });
    if (!viewer) {
      return { refused: jsonError(c, 401, 'unauthorized', 'Sign in to continue') } as const;
    }
    if (!hasAccess(viewer.role, 'trainer')) {
      return {
        refused: jsonError(c, 403, 'forbidden', 'Only trainers, leads and admins handle hiring'),
      } as const;
    }
    return { viewer } as const;
  }

  app.post(
    '/api/hiring/candidates/:candidateId/attachments',
    bodyLimit({
      maxSize: MAX_ATTACHMENT_BYTES + MULTIPART_OVERHEAD_BYTES,
      onError: (c) => jsonError(c, 413, 'payload_too_large', `File: at most ${MAX_MB} MB`),
    }),
    async (c) => {
      const access = await hiringViewer(c);
      if (access.refused) return access.refused;
      const candidateId = c.req.param('candidateId');
      if (!idSchema.safeParse(candidateId).success || !(await candidateExists(db, candidateId))) {
        return jsonError(c, 404, 'not_found', 'There is no such candidate');
      }
      if (!/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
        return jsonError(
          c,
          415,
          'unsupported_media_type',
          'Send the file as multipart/form-data in a field called file',
        );
      }
      const body = await c.req.parseBody().catch(() => null);
      const file = body?.file;
      if (!(file instanceof File)) {
        return jsonError(c, 400, 'invalid_input', 'File: choose a file to upload', [
          { path: 'file', message: 'File: choose a file to upload' },
        ]);
      }
      const bytes = new Uint8Array(await file.arrayBuffer());
      const check = checkAttachment({ fileName: file.name, size: bytes.byteLength, head: bytes });
      if (!check.ok) {
        const status = check.reason === 'too_large' ? 413 : check.reason === 'empty' ? 400 : 415;
        return jsonError(c, status, check.reason, check.message, [
          { path: 'file', message: check.message },
        ]);
      }
      const stored = await store.save(bytes);
      try {
        const attachment = await addCandidateAttachment(db, {
          candidateId,
          fileName: check.fileName,
          contentType: check.type.contentType,
          sizeBytes: bytes.byteLength,
          sha256: stored.sha256,
          storageKey: stored.storageKey,
          uploadedById: access.viewer.id,
        });
        logger.info(
          { candidateId, attachmentId: attachment.id, sizeBytes: bytes.byteLength },
          'candidate attachment stored',
        );
        return c.json(attachment, 201);
      } catch (error) {
        // No row, no file: nothing lists it, so it must not linger on disk.
        await store.remove(stored.storageKey);
        throw error;
      }
    },
  );

  app.get('/api/hiring/attachments/:attachmentId', async (c) => {
    const access = await hiringViewer(c);
    if (access.refused) return access.refused;
    const id = c.req.param('attachmentId');
    const attachment = idSchema.safeParse(id).success ? await attachmentById(db, id) : null;
    if (!attachment) return jsonError(c, 404, 'not_found', 'There is no such file');
    const bytes = await store.read(attachment.storageKey);
    if (!bytes) {
      logger.error({ attachmentId: id }, 'candidate attachment missing from disk');
      return jsonError(c, 410, 'gone', 'The file is no longer on the server; upload it again');
    }
    return c.body(new Uint8Array(bytes), 200, {
      'content-type': attachment.contentType,
      'content-length': String(bytes.byteLength),
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(attachment.fileName)}`,
      // Served as a download, never rendered: an uploaded file cannot run in our origin.
      'x-content-type-options': 'nosniff',
      'content-security-policy': "sandbox; default-src 'none'",
      'cache-control': 'private, no-store',
    });
  });

  app.delete('/api/hiring/attachments/:attachmentId', async (c) => {
    const access = await hiringViewer(c);
    if (access.refused) return access.refused;
    const id = c.req.param('attachmentId');
    const storageKey = idSchema.safeParse(id).success
      ? await deleteCandidateAttachment(db, id)
      : null;
    if (!storageKey) return jsonError(c, 404, 'not_found', 'There is no such file');
    await store.remove(storageKey);
    return c.body(null, 204);
  });
}
