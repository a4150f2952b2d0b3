export { AttachmentStore } from './attachment-store.ts';
export { type HiringAttachmentsOptions, mountHiringAttachments } from './attachments.ts';
