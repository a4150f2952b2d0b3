import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Candidate files on the server's disk, under `<data dir>/hiring/attachments`. Files are
 * named by a random key, never by what the uploader called them, so no name can reach
 * outside the folder or overwrite another file.
 */
export class AttachmentStore {
  readonly folder: string;

  constructor(dataDir: string) {
    this.folder = join(dataDir, 'hiring', 'attachments');
  }

  private pathOf(storageKey: string): string {
    if (!/^[0-9a-f-]{36}$/.test(storageKey)) throw new Error('not an attachment storage key');
    return join(this.folder, storageKey);
  }

  /** Writes the bytes under a new key; `wx` refuses to replace a file that exists. */
  async save(bytes: Uint8Array): Promise<{ storageKey: string; sha256: string }> {
    await mkdir(this.folder, { recursive: true, mode: 0o700 });
    const storageKey = randomUUID();
    await writeFile(this.pathOf(storageKey), bytes, { flag: 'wx', mode: 0o600 });
    return { storageKey, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** The file's bytes, or null when it is not on disk. */
  async read(storageKey: string): Promise<Buffer | null> {
    try {
      return await readFile(this.pathOf(storageKey));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
  }

  async remove(storageKey: string): Promise<void> {
    await rm(this.pathOf(storageKey), { force: true });
  }
}
