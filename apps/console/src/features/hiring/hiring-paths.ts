/** Where each hiring screen lives in the console. */
export const HIRING_PATHS = {
  requisitions: '/hiring',
  candidates: '/hiring/candidates',
  pipeline: '/hiring/pipeline',
} as const;

export function requisitionPath(id: string): string {
  return `/hiring/requisitions/${id}`;
}

export function candidatePath(id: string): string {
  return `/hiring/candidates/${id}`;
}

/** The server's file routes for candidate attachments (same origin as the console). */
export function attachmentUploadUrl(candidateId: string): string {
  return `/api/hiring/candidates/${candidateId}/attachments`;
}

export function attachmentUrl(attachmentId: string): string {
  return `/api/hiring/attachments/${attachmentId}`;
}
