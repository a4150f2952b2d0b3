import { attachmentNameRefusal, attachmentSizeRefusal } from '@switchboard/domain';
import { attachmentUploadUrl, attachmentUrl } from './hiring-paths.ts';

/** Refused before sending, with the same words the server would use. */
export function attachmentRefusalOf(file: File): string | null {
  return (attachmentSizeRefusal(file.size) ?? attachmentNameRefusal(file.name))?.message ?? null;
}

async function errorMessageOf(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as {
    error?: { message?: string };
  } | null;
  return body?.error?.message ?? `The server refused the file (${response.status})`;
}

/** Sends a file to the server, which checks it again and keeps it on its disk. */
export async function uploadAttachment(candidateId: string, file: File): Promise<void> {
  const form = new FormData();
  form.set('file', file);
  const response = await fetch(attachmentUploadUrl(candidateId), {
    method: 'POST',
    body: form,
    credentials: 'include',
  });
  if (!response.ok) throw new Error(await errorMessageOf(response));
}

export async function deleteAttachment(attachmentId: string): Promise<void> {
  const response = await fetch(attachmentUrl(attachmentId), {
    method: 'DELETE',
    credentials: 'include',
  });
  if (!response.ok) throw new Error(await errorMessageOf(response));
}
